/**
 * Builds the Pagefind index of a built site: its HTML pages plus the custom
 * records (steps, FAQ questions) the build wrote to `search-records.json`,
 * which is removed afterwards. The index is served from the site itself.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { restoreIndex, searchCacheKey, storeIndex } from "./index-cache.ts";
import { type WordList, words } from "./query.ts";
import type { SearchRecord } from "./records.ts";

export const RECORDS_FILE = "search-records.json";

export interface IndexSummary {
	pages: number;
	records: number;
	languages: string[];
	errors: string[];
	/** The index was copied from the cache: the indexed pages and records were the same as last build's. */
	cached?: boolean;
}

export interface IndexOptions {
	/** Folder that keeps the last index between builds (`.cache/flowbook/search` under the project), if any. */
	cacheDir?: string;
}

export async function buildSearchIndex(siteDir: string, options: IndexOptions = {}): Promise<IndexSummary> {
	const { cacheDir } = options;
	// Computed before indexing, which removes the records file.
	const key = cacheDir ? await searchCacheKey(siteDir, RECORDS_FILE) : undefined;
	if (cacheDir && key) {
		const kept = await restoreIndex<IndexSummary>(cacheDir, key, siteDir);
		if (kept) {
			await rm(join(siteDir, RECORDS_FILE), { force: true });
			return { ...kept, cached: true };
		}
	}
	const summary = await indexSite(siteDir);
	// A cache that cannot be written (read-only, full disk) costs the next build time, never this build its index.
	if (cacheDir && key && summary.errors.length === 0) await storeIndex(cacheDir, key, siteDir, summary).catch(() => {});
	return summary;
}

/** A fresh Pagefind index of the site's pages and records in `<siteDir>/pagefind`. */
async function indexSite(siteDir: string): Promise<IndexSummary> {
	const errors: string[] = [];
	const { index, errors: createErrors } = await pagefind.createIndex({});
	errors.push(...createErrors);
	if (!index) return { pages: 0, records: 0, languages: [], errors };
	try {
		const dir = await index.addDirectory({ path: siteDir });
		errors.push(...dir.errors);
		let records: SearchRecord[] = [];
		const recordsPath = join(siteDir, RECORDS_FILE);
		try {
			records = (JSON.parse(await readFile(recordsPath, "utf8")) as { records: SearchRecord[] }).records;
		} catch {
			// No records file: a site without flowcharts or FAQ still gets its pages indexed.
		}
		const languages = new Set<string>();
		for (const record of records) {
			const added = await index.addCustomRecord(record);
			errors.push(...added.errors);
			languages.add(record.language);
		}
		const outputPath = join(siteDir, "pagefind");
		const written = await index.writeFiles({ outputPath });
		errors.push(...written.errors);
		await writeWordLists(outputPath);
		await rm(recordsPath, { force: true });
		return { pages: dir.page_count, records: records.length, languages: [...languages].sort(), errors };
	} finally {
		await pagefind.close();
	}
}

/** Pagefind's fragment files: gzip, a `pagefind_dcd` signature, then the JSON of one page or record. */
const FRAGMENT_SIGNATURE = "pagefind_dcd";

/**
 * `words.<lang>.json` next to the index: every word the index holds with the number of pages and records
 * that contain it, read back from Pagefind's own fragments so it is exactly what can be found. The search
 * dialog fetches it only when a query finds nothing, to suggest the closest words (see query.ts).
 */
export async function writeWordLists(outputPath: string): Promise<Record<string, WordList>> {
	const lists: Record<string, WordList> = {};
	const dir = join(outputPath, "fragment");
	for (const name of (await readdir(dir)).sort()) {
		const lang = /^(.+)_[0-9a-f]+\.pf_fragment$/.exec(name)?.[1];
		if (!lang) continue;
		const raw = gunzipSync(await readFile(join(dir, name))).toString("utf8");
		const fragment = JSON.parse(raw.slice(raw.indexOf(FRAGMENT_SIGNATURE) + FRAGMENT_SIGNATURE.length)) as {
			content?: string;
			meta?: { title?: string };
		};
		const list = lists[lang] ?? { documents: 0, words: {} };
		lists[lang] = list;
		list.documents++;
		for (const word of new Set(words(`${fragment.meta?.title ?? ""} ${fragment.content ?? ""}`))) {
			list.words[word] = (list.words[word] ?? 0) + 1;
		}
	}
	for (const [lang, list] of Object.entries(lists)) {
		await writeFile(join(outputPath, `words.${lang}.json`), JSON.stringify(list));
	}
	return lists;
}
