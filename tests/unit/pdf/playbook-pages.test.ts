import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { buildPlaybookPdfs, builtBase } from "../../../src/lib/pdf/build-pdf.ts";
import { playbookPages, playbookPdfName } from "../../../src/lib/pdf/playbook-pages.ts";

const sidebar = (root: string) => [
	{ href: root, group: "", title: "Home" },
	{ href: `${root}flowcharts/b2b/`, group: "Flowcharts", title: "B2B" },
	{ href: `${root}pages/overview/`, group: "Guides", title: "Overview" },
	{ href: `${root}onboarding/`, group: "More", title: "Onboarding path" },
	{ href: `${root}roles/`, group: "More", title: "Roles" },
	{ href: `${root}faq/`, group: "More", title: "FAQ" },
	{ href: `${root}metrics/`, group: "More", title: "Metrics" },
	{ href: `${root}automations/`, group: "More", title: "Automations" },
	{ href: `${root}reviews/`, group: "More", title: "Reviews" },
	{ href: `${root}changelog/`, group: "More", title: "Changelog" },
];

describe("playbook pages", () => {
	it("keeps the sidebar's order and leaves out dashboards and history", () => {
		expect(playbookPages(sidebar("/sales/"), "/sales/", ["/sales/", "/sales/id/"]).map((p) => p.title)).toEqual([
			"Home",
			"B2B",
			"Overview",
			"Onboarding path",
			"Roles",
			"FAQ",
			"Automations",
		]);
	});

	it("takes each page once and only from the language's own tree", () => {
		const links = [...sidebar("/id/"), { href: "/id/flowcharts/b2b/#step-x", group: "", title: "again" }];
		const english = [{ href: "/id/", group: "", title: "switch" }, ...sidebar("/")];
		expect(playbookPages(links, "/id/", ["/", "/id/"])).toHaveLength(7);
		// The English tree contains the Indonesian one by prefix: its pages are not English pages.
		expect(playbookPages(english, "/", ["/", "/id/"]).map((p) => p.path)).not.toContain("/id/");
	});

	it("names the files per language and reads the base path from the built home page", () => {
		expect(playbookPdfName("id")).toBe("playbook.id.pdf");
		expect(builtBase('<link rel="stylesheet" href="/sales/_astro/Base.css">')).toBe("/sales/");
		expect(builtBase('<script type="module" src="/_astro/page.js"></script>')).toBe("/");
		expect(builtBase("<p>no assets</p>")).toBe("/");
	});
});

describe("buildPlaybookPdfs", () => {
	it("says how to fix a folder that holds no built site, without starting a browser", async () => {
		const result = await buildPlaybookPdfs({ distDir: "/nonexistent/flowbook-dist", distName: "dist" });
		expect(result.pdfs).toEqual([]);
		expect(result.diagnostics.map(formatDiagnostic)).toEqual([
			"dist error: dist/ holds no built site (no index.html)\n  hint: Run `npm run build` first, or pass the built folder with --dist.",
		]);
	});
});
