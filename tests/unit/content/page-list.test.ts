import { describe, expect, it } from "vitest";
import { contentKey, keyedMemo, pagesInLanguage } from "../../../src/lib/content/page-list.ts";

const page = (id: string, title: string, order?: number) => ({ id, data: { title, ...(order ? { order } : {}) } });
const all = [
	page("pricing", "Pricing", 2),
	page("id/overview", "Ikhtisar", 1),
	page("overview", "Overview", 1),
	page("objections", "Objections"),
	page("id/objections", "Keberatan"),
];

describe("pagesInLanguage", () => {
	it("lists the English pages in order, without the translations", () => {
		expect(pagesInLanguage(all, "en", "en").map((p) => [p.slug, p.entry.id, p.translated, p.textLang])).toEqual([
			["overview", "overview", true, undefined],
			["pricing", "pricing", true, undefined],
			["objections", "objections", true, undefined],
		]);
	});

	it("uses each page's translation, and English marked as such where there is none", () => {
		expect(pagesInLanguage(all, "id", "en").map((p) => [p.slug, p.entry.id, p.translated, p.textLang])).toEqual([
			["overview", "id/overview", true, undefined],
			["pricing", "pricing", false, "en"],
			["objections", "id/objections", true, undefined],
		]);
	});
});

describe("keyedMemo", () => {
	it("computes a slot once while its content key is unchanged, and again after an edit", () => {
		const memo = keyedMemo<string[]>();
		let computed = 0;
		const list = (entries: { id: string; digest: string }[]) =>
			memo.get("id", contentKey(entries), () => {
				computed++;
				return entries.map((e) => e.id);
			});
		const before = [{ id: "overview", digest: "1" }];
		const first = list(before);
		expect(list([{ id: "overview", digest: "1" }])).toBe(first);
		expect(computed).toBe(1);
		expect(memo.peek("id")).toBe(first);
		list([{ id: "overview", digest: "2" }]);
		expect(computed).toBe(2);
		list([...before, { id: "pricing", digest: "1" }]);
		expect(computed).toBe(3);
		expect(memo.peek("en")).toBeUndefined();
	});

	it("keys an entry without a digest by its whole content", () => {
		expect(contentKey([{ id: "a", body: "x" } as { id: string }])).not.toBe(
			contentKey([{ id: "a", body: "y" } as { id: string }]),
		);
	});
});
