import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex, RECORDS_FILE } from "../../../src/lib/search/build-index.ts";
import type { WordList } from "../../../src/lib/search/query.ts";

const page = (lang: string, body: string) =>
	`<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>Menu chrome</nav><article data-pagefind-body>${body}</article></body></html>`;

describe("buildSearchIndex", () => {
	const dirs: string[] = [];
	afterAll(async () => {
		for (const dir of dirs) await rm(dir, { recursive: true, force: true });
	});

	it("writes one word list per language from what was indexed, and removes the records file", async () => {
		const site = await mkdtemp(join(tmpdir(), "flowbook-search-"));
		dirs.push(site);
		await mkdir(join(site, "id"));
		await writeFile(
			join(site, "index.html"),
			page("en", "<h1>Discounts</h1><p>Up to 10% the AE decides.</p><pre data-pagefind-ignore>s_lead --> s_won</pre>"),
		);
		await writeFile(join(site, "id", "index.html"), page("id", "<h1>Diskon</h1><p>Sampai 10% diputuskan AE.</p>"));
		const record = { url: "/faq/#q-x", content: "Who approves discounts?", language: "en", meta: { title: "Who" } };
		await writeFile(join(site, RECORDS_FILE), JSON.stringify({ records: [record] }));

		const summary = await buildSearchIndex(site);
		expect(summary).toMatchObject({ pages: 2, records: 1, errors: [] });
		const en = JSON.parse(await readFile(join(site, "pagefind", "words.en.json"), "utf8")) as WordList;
		expect(en.documents).toBe(2);
		expect(en.words).toMatchObject({ discounts: 2, decides: 1, "10": 1, who: 1 });
		// Only indexed text: no page chrome, nothing marked data-pagefind-ignore.
		expect(Object.keys(en.words)).not.toContain("menu");
		expect(Object.keys(en.words)).not.toContain("s_lead");
		expect(Object.keys(en.words)).not.toContain("lead");
		const id = JSON.parse(await readFile(join(site, "pagefind", "words.id.json"), "utf8")) as WordList;
		expect(id.words).toMatchObject({ diskon: 1, diputuskan: 1 });
		await expect(readFile(join(site, RECORDS_FILE))).rejects.toThrow();
	}, 60_000);
});
