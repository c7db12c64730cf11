import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeFloor } from "../../../bench/floor.ts";
import { floorRoutes } from "../../../bench/floor-routes.ts";
import { editGuideProse, guideFence, guidePage } from "../../../bench/generate.ts";
import { pagesInLanguage } from "../../../src/lib/content/page-list.ts";

const ROOT = join(import.meta.dirname, "../../..");

/** Entries as Astro's glob loader gives them for the guides bench: N guides, every 2nd translated, two sample pages. */
function entries(n: number) {
	const list = [
		{ id: "overview", data: { title: "Overview", order: 1 } },
		{ id: "id/overview", data: { title: "Ikhtisar", order: 1 } },
		{ id: "automation", data: { title: "Automation" } },
	];
	for (let i = 0; i < n; i++) {
		const slug = `guide-${String(i + 1).padStart(4, "0")}`;
		list.push({ id: slug, data: { title: `Guide ${i + 1}`, order: 200 + i } });
		if (i % 2 === 0) list.push({ id: `id/${slug}`, data: { title: `Panduan ${i + 1}`, order: 200 + i } });
	}
	return list;
}

describe("guides bench floor", () => {
	it("writes the same guide routes, entries and sidebar order as Flowbook", () => {
		const all = entries(5);
		const floor = floorRoutes(all);
		const flowbook = ["en", "id"].flatMap((lang) =>
			pagesInLanguage(all, lang, "en").map((p) => ({
				path: `${lang === "en" ? "" : `${lang}/`}pages/${p.slug}/`,
				entry: p.entry.id,
			})),
		);
		expect(floor.map((r) => ({ path: r.path, entry: r.entry.id }))).toEqual(flowbook);
		expect(floor).toHaveLength(2 * 7);
		// An untranslated guide falls back to English on /id/.
		expect(floor.find((r) => r.path === "id/pages/guide-0002/")?.entry.id).toBe("guide-0002");
	});

	it("generates a floor project whose page route uses this route list over the given pages", () => {
		const dir = mkdtempSync(join(tmpdir(), "floor-"));
		try {
			makeFloor(join(dir, "floor"), join(dir, "flowbook", "content", "pages"));
			const file = (path: string) => readFileSync(join(dir, "floor", path), "utf8");
			expect(file("src/routes.ts")).toBe(readFileSync(join(ROOT, "bench", "floor-routes.ts"), "utf8"));
			expect(file("src/pages/[...lang]/pages/[slug].astro")).toContain('floorRoutes(await getCollection("pages"))');
			expect(file("src/content.config.ts")).toContain('base: "../flowbook/content/pages"');
			expect(file("astro.config.mjs")).toContain('trailingSlash: "always"');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe("guides bench workload", () => {
	const nodes = (fence: string[]) =>
		new Set(fence.slice(2, -1).flatMap((line) => [...line.matchAll(/(?:^|\s)([a-z])(?=[[({])/g)].map((m) => m[1])));

	it("gives every guide a 13-node flowchart with two decisions, unlike any other guide's", () => {
		const fences = Array.from({ length: 200 }, (_, i) => guideFence(i).join("\n"));
		expect(new Set(fences).size).toBe(200);
		const fence = guideFence(7);
		expect(nodes(fence).size).toBe(13);
		expect(fence.filter((line) => /\{"/.test(line))).toHaveLength(2);
	});

	it("a translation carries the same fence, different prose", () => {
		const en = guidePage(3);
		const id = guidePage(3, "id");
		const fence = guideFence(3).join("\n");
		expect(en).toContain(fence);
		expect(id).toContain(fence);
		expect(id.replace(fence, "")).not.toContain("Discovery is a conversation");
		const words = en.replace(fence, "").split(/\s+/).length;
		expect(words).toBeGreaterThan(550);
		expect(words).toBeLessThan(800);
	});

	it("the edit changes the prose and leaves the fence alone", () => {
		const page = guidePage(0);
		const edited = editGuideProse(page, "Changed.");
		expect(edited).not.toBe(page);
		expect(edited).toContain("Changed.");
		expect(edited).toContain(guideFence(0).join("\n"));
		expect(() => editGuideProse("# no such heading")).toThrow(/Why this play matters/);
	});
});
