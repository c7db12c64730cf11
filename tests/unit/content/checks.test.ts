/** The content checks around flowcharts: FAQ, onboarding, page frontmatter and label files, on a temp project. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFaqs } from "../../../src/lib/content/faq.ts";
import { checkLabelFiles } from "../../../src/lib/content/labels.ts";
import { loadOnboarding } from "../../../src/lib/content/onboarding.ts";
import { loadPages } from "../../../src/lib/content/pages.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../../../src/lib/load/load-flowcharts.ts";
import type { LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";

const files: Record<string, string> = {
	"content/flowcharts/b2b.yaml": [
		"title: B2B",
		"roles: { ae: Account executive }",
		"steps:",
		"  - { id: lead, type: start, label: Lead, next: qualified, responsible: ae }",
		"  - { id: qualified, type: stage, label: Qualified, next: won, responsible: ae }",
		"  - { id: won, type: end, label: Won }",
		"",
	].join("\n"),
	"content/faq/en.yaml": [
		"topics:",
		"  - id: basics",
		"    title: Basics",
		"    questions:",
		"      - id: when-qualified",
		"        question: When is a lead qualified?",
		"        answer: After the call.",
		"        step: b2b/qualifed",
		"      - id: when-qualified",
		"        question: Again?",
		"        answer: Yes.",
		"        step: b2c/lead",
		"",
	].join("\n"),
	"content/onboarding.yaml": [
		"title: Start here",
		"items:",
		"  - { ref: 'page:overveiw', minutes: 5 }",
		"  - { ref: 'flowchart:b2b', minutes: 10 }",
		"  - { ref: 'role:sdr', minutes: 3 }",
		"  - { ref: faq, minutes: 4 }",
		"",
	].join("\n"),
	"content/onboarding-zero.yaml": "title: Start here\nitems:\n  - { ref: faq, minutes: 0 }\n",
	"content/pages/overview.mdx": "---\ntitle: Overview\norder: first\n---\n\nText.\n",
	"content/pages/no-frontmatter.md": "# Just text\n",
	"content/i18n/id/flowcharts/b2b.yaml":
		"title: B2B\nsteps:\n  qualifed: { label: Lolos }\nroles:\n  sdr: Perwakilan\n",
	"content/i18n/id/flowcharts/b2c.yaml": "title: B2C\n",
};

let root: string;
let flowcharts: LoadedFlowchart[];
const lines = (ds: Parameters<typeof formatDiagnostic>[0][]) => ds.map(formatDiagnostic).join("\n");

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), "flowbook-content-"));
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(root, path)), { recursive: true });
		await writeFile(join(root, path), text);
	}
	({ flowcharts } = await loadFlowcharts(root));
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

describe("content checks", () => {
	it("loads the fixture flowchart", () => {
		expect(flowcharts.map((f) => f.id)).toEqual(["b2b"]);
	});

	it("FAQ: duplicate question ids and step references that do not exist", async () => {
		const { diagnostics } = await loadFaqs(root, flowcharts);
		expect(lines(diagnostics)).toMatchInlineSnapshot(`
			"content/faq/en.yaml:8:15 error: question "when-qualified": step → unknown step "qualifed" in b2b (did you mean "qualified"?)
			  hint: Steps of b2b: lead, qualified, won.
			content/faq/en.yaml:9:13 error: question id "when-qualified" is used twice
			  hint: Each question needs its own id: it is the question's anchor on the FAQ page.
			content/faq/en.yaml:12:15 error: question "when-qualified": step → unknown flowchart "b2c" (did you mean "b2b"?)
			  hint: Flowcharts: b2b."
		`);
	});

	it("onboarding: items must point at something that exists", async () => {
		const { diagnostics } = await loadOnboarding(root, { flowcharts, pages: ["overview"] });
		expect(lines(diagnostics)).toMatchInlineSnapshot(`
			"content/onboarding.yaml:3:12 error: onboarding item 1: page "overveiw" does not exist (did you mean "overview"?)
			  hint: Known page ids: overview.
			content/onboarding.yaml:5:12 error: onboarding item 3: role "sdr" does not exist
			  hint: Known role ids: ae."
		`);
	});

	it("onboarding: minutes must be positive", async () => {
		const { diagnostics } = await loadOnboarding(root, { flowcharts, pages: [] }, "content/onboarding-zero.yaml");
		expect(lines(diagnostics)).toMatchInlineSnapshot(`
			"content/onboarding-zero.yaml:3:26 error: \`items[0].minutes\` must be more than 0, got 0
			  hint: Estimated minutes to read it."
		`);
	});

	it("onboarding: a .yml file is checked as the site reads it, and two files are an error", async () => {
		const dir = await mkdtemp(join(tmpdir(), "fb-onboarding-yml-"));
		try {
			await mkdir(join(dir, "content"));
			const path = "title: First week\nitems:\n  - { ref: page:overveiw, minutes: 5 }\n";
			await writeFile(join(dir, "content/onboarding.yml"), path);
			const yml = await loadOnboarding(dir, { flowcharts, pages: ["overview"] });
			expect(lines(yml.diagnostics)).toContain('content/onboarding.yml:3:12 error: onboarding item 1: page "overveiw"');
			await writeFile(join(dir, "content/onboarding.yaml"), path.replace("overveiw", "overview"));
			const both = await loadOnboarding(dir, { flowcharts, pages: ["overview"] });
			expect(lines(both.diagnostics)).toMatchInlineSnapshot(`
				"content/onboarding.yml:1:1 error: there are two onboarding paths, content/onboarding.yaml and content/onboarding.yml
				  hint: Keep one of them: the site shows only one onboarding path."
			`);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it("pages: frontmatter errors are located in the file, and a page needs frontmatter", async () => {
		const { pages, diagnostics } = await loadPages(root);
		expect(pages.map((p) => p.id)).toEqual([]);
		expect(lines(diagnostics)).toMatchInlineSnapshot(`
			"content/pages/no-frontmatter.md:1:1 error: the page has no frontmatter
			  hint: Start the file with a block between two \`---\` lines holding at least \`title: …\`.
			content/pages/overview.mdx:3:8 error: \`order\` must be a number, got the text "first"
			  hint: Write a plain number without quotes or units, e.g. \`order: 14\`."
		`);
	});

	it("label files: text for steps, roles or flowcharts that do not exist is flagged", async () => {
		expect(lines(await checkLabelFiles(root, flowcharts))).toMatchInlineSnapshot(`
			"content/i18n/id/flowcharts/b2b.yaml:3:3 warning: translation for unknown step "qualifed" (did you mean "qualified"?); it is not shown
			  hint: Steps of b2b: lead, qualified, won.
			content/i18n/id/flowcharts/b2b.yaml:5:3 warning: translation for unknown role "sdr"; it is not shown
			content/i18n/id/flowcharts/b2c.yaml:1:1 warning: translations for flowchart "b2c", which does not exist (did you mean "b2b"?)
			  hint: Rename the file after its flowchart, or delete it."
		`);
	});

	it("a flowchart whose file has errors is not reported missing by the FAQ, onboarding or label files", async () => {
		const broken = await mkdtemp(join(tmpdir(), "flowbook-broken-"));
		try {
			const put = async (path: string, text: string) => {
				await mkdir(dirname(join(broken, path)), { recursive: true });
				await writeFile(join(broken, path), text);
			};
			await put("content/flowcharts/b2b.yaml", files["content/flowcharts/b2b.yaml"] as string);
			// b2c exists, with one typo in a `next`.
			await put(
				"content/flowcharts/b2c.yaml",
				"title: B2C\nroles: { ae: AE }\nsteps:\n  - { id: lead, type: start, label: Lead, next: wonn, responsible: ae }\n  - { id: won, type: end, label: Won }\n",
			);
			await put(
				"content/faq/en.yaml",
				"topics:\n  - id: t\n    title: T\n    questions:\n      - { id: q, question: Q?, answer: A., step: b2c/lead }\n      - { id: r, question: R?, answer: B., step: b2d/lead }\n",
			);
			await put("content/i18n/id/flowcharts/b2c.yaml", "title: B2C\n");
			const loaded = await loadFlowcharts(broken);
			expect(loaded.flowcharts.map((f) => f.id)).toEqual(["b2b"]);
			expect(loaded.broken).toEqual(["b2c"]);
			expect(lines(loaded.diagnostics)).toContain(
				'content/flowcharts/b2c.yaml:4:49 error: step "lead": next → unknown step "wonn"',
			);
			// Only the flowchart that really is missing (b2d) is reported.
			const faq = await loadFaqs(broken, loaded.flowcharts, undefined, loaded.broken);
			expect(faq.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('unknown flowchart "b2d"')]);
			expect(await checkLabelFiles(broken, loaded.flowcharts, undefined, loaded.broken)).toEqual([]);
			await put("content/onboarding.yaml", "title: Start\nitems:\n  - { ref: 'flowchart:b2c', minutes: 5 }\n");
			const onboarding = await loadOnboarding(broken, { ...loaded, pages: [] });
			expect(onboarding.diagnostics).toEqual([]);
			// Without the broken list, as before: all three would say b2c does not exist.
			expect((await loadFaqs(broken, loaded.flowcharts)).diagnostics).toHaveLength(2);
		} finally {
			await rm(broken, { recursive: true, force: true });
		}
	});
});
