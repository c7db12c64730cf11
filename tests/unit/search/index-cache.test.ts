import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { treeFiles } from "../../../src/lib/cache/digest.ts";
import { buildSearchIndex, RECORDS_FILE } from "../../../src/lib/search/build-index.ts";
import { searchCacheKey } from "../../../src/lib/search/index-cache.ts";

const page = (lang: string, body: string) =>
	`<!doctype html><html lang="${lang}"><head><title>t</title></head><body><article data-pagefind-body>${body}</article></body></html>`;
const record = { url: "/faq/#q-x", content: "Who approves discounts?", language: "en", meta: { title: "Who" } };

/** Every file of a built index with its bytes, to compare two indexes exactly. */
async function indexFiles(site: string): Promise<Record<string, string>> {
	const dir = join(site, "pagefind");
	const files: Record<string, string> = {};
	for (const file of await treeFiles(dir, () => true))
		files[file] = (await readFile(join(dir, file))).toString("base64");
	return files;
}

describe("the search index cache", () => {
	const dirs: string[] = [];
	afterAll(async () => {
		for (const dir of dirs) await rm(dir, { recursive: true, force: true });
	});
	const temp = async () => {
		const dir = await mkdtemp(join(tmpdir(), "flowbook-search-cache-"));
		dirs.push(dir);
		return dir;
	};
	/** A built site before indexing: two pages and the records file. */
	const site = async (homeText = "Discounts up to 10% the AE decides.") => {
		const dir = await temp();
		await mkdir(join(dir, "id"));
		await writeFile(join(dir, "index.html"), page("en", `<h1>Discounts</h1><p>${homeText}</p>`));
		await writeFile(join(dir, "id", "index.html"), page("id", "<h1>Diskon</h1><p>Sampai 10% diputuskan AE.</p>"));
		await writeFile(join(dir, RECORDS_FILE), JSON.stringify({ records: [record] }));
		return dir;
	};

	it("reuses the last index for unchanged pages, byte for byte what a fresh build writes", async () => {
		const cacheDir = join(await temp(), "search");
		const fresh = await site();
		const freshSummary = await buildSearchIndex(fresh);
		const first = await site();
		expect(await buildSearchIndex(first, { cacheDir })).toEqual(freshSummary);
		const second = await site();
		const reused = await buildSearchIndex(second, { cacheDir });
		expect(reused).toEqual({ ...freshSummary, cached: true });
		expect(await indexFiles(second)).toEqual(await indexFiles(fresh));
		await expect(readFile(join(second, RECORDS_FILE))).rejects.toThrow();
	}, 120_000);

	it("builds a fresh index when a page changed, and keeps only that one", async () => {
		const cacheDir = join(await temp(), "search");
		await buildSearchIndex(await site(), { cacheDir });
		const edited = await site("Discounts above 10% need the sales director.");
		const summary = await buildSearchIndex(edited, { cacheDir });
		expect(summary.cached).toBeUndefined();
		const words = JSON.parse(await readFile(join(edited, "pagefind", "words.en.json"), "utf8")) as {
			words: Record<string, number>;
		};
		expect(words.words).toHaveProperty("director");
		const fresh = await site("Discounts above 10% need the sales director.");
		await buildSearchIndex(fresh);
		expect(await indexFiles(edited)).toEqual(await indexFiles(fresh));
		expect(await treeFiles(cacheDir, (f) => f.endsWith("summary.json"))).toHaveLength(1);
	}, 120_000);

	it("still indexes the site when the cache folder cannot be written", async () => {
		const blocked = join(await temp(), "a-file");
		await writeFile(blocked, "not a folder");
		const dir = await site();
		expect(await buildSearchIndex(dir, { cacheDir: join(blocked, "search") })).toMatchObject({
			pages: 2,
			records: 1,
			errors: [],
		});
		expect(Object.keys(await indexFiles(dir))).toContain("pagefind-entry.json");
	}, 60_000);

	it("keys on the pages and the records file, not on other assets or an index already written", async () => {
		const dir = await site();
		const key = await searchCacheKey(dir, RECORDS_FILE);
		await writeFile(join(dir, "style.css"), "body{}");
		await mkdir(join(dir, "pagefind"));
		await writeFile(join(dir, "pagefind", "pagefind-entry.json"), "{}");
		expect(await searchCacheKey(dir, RECORDS_FILE)).toBe(key);
		await writeFile(join(dir, RECORDS_FILE), JSON.stringify({ records: [{ ...record, content: "Who signs?" }] }));
		const recordsChanged = await searchCacheKey(dir, RECORDS_FILE);
		expect(recordsChanged).not.toBe(key);
		await cp(join(dir, "index.html"), join(dir, "copy.html"));
		expect(await searchCacheKey(dir, RECORDS_FILE)).not.toBe(recordsChanged);
	});
});
