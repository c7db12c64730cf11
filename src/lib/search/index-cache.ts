/**
 * The search index kept between builds. Pagefind has no way to update an index it wrote (its API only adds pages to
 * a new one), so a build whose indexed input is unchanged copies the last index instead of building it again; any
 * change to a page, a record, Pagefind or this folder's code builds a fresh one.
 */
import { cpSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { cacheKey, packageVersion } from "../cache/digest.ts";

export const DEFAULT_SEARCH_CACHE = ".cache/flowbook/search";
const SUMMARY_FILE = "summary.json";

/** A digest of what Pagefind reads (the HTML pages and the records file named `recordsFile`), its version and our code. */
export async function searchCacheKey(siteDir: string, recordsFile: string): Promise<string> {
	return cacheKey({
		// Pagefind's version: a new release may index differently, and its browser files come with the index.
		extra: `pagefind ${(await packageVersion("pagefind", import.meta.url)) ?? "unknown"}`,
		code: import.meta.url,
		dir: siteDir,
		keep: (file) => !file.startsWith("pagefind/") && (file.endsWith(".html") || file === recordsFile),
	});
}

/** Copies the index kept under `key` to `<siteDir>/pagefind` and returns what it was built with; undefined if none is kept. */
export async function restoreIndex<T>(cacheDir: string, key: string, siteDir: string): Promise<T | undefined> {
	const folder = join(cacheDir, key);
	let summary: T;
	try {
		summary = JSON.parse(await readFile(join(folder, SUMMARY_FILE), "utf8")) as T;
	} catch {
		return undefined;
	}
	const out = join(siteDir, "pagefind");
	try {
		await rm(out, { recursive: true, force: true });
		// Node's synchronous copy walks the tree in C++; the promise version stats and copies file by file in JS and
		// took 3x as long (250 against 80 ms for 100 guides' 339 files), most of a warm build's search step.
		cpSync(join(folder, "pagefind"), out, { recursive: true });
		return summary;
	} catch {
		// A kept index that cannot be copied is rebuilt; no half copy stays behind.
		await rm(out, { recursive: true, force: true });
		return undefined;
	}
}

/** Keeps `<siteDir>/pagefind` and its summary under `key`, replacing the index an older build kept. */
export async function storeIndex(cacheDir: string, key: string, siteDir: string, summary: unknown): Promise<void> {
	await rm(cacheDir, { recursive: true, force: true });
	const folder = join(cacheDir, key);
	await mkdir(folder, { recursive: true });
	cpSync(join(siteDir, "pagefind"), join(folder, "pagefind"), { recursive: true });
	// Written last: a build stopped halfway through copying leaves no summary, so no half index is ever restored.
	await writeFile(join(folder, SUMMARY_FILE), JSON.stringify(summary));
}
