/**
 * Builds the Pagefind index of a built site: its HTML pages plus the custom
 * records (steps, FAQ questions) the build wrote to `search-records.json`,
 * which is removed afterwards. The index is served from the site itself.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.ts";

export const RECORDS_FILE = "search-records.json";

export interface IndexSummary {
	pages: number;
	records: number;
	languages: string[];
	errors: string[];
}

export async function buildSearchIndex(siteDir: string): Promise<IndexSummary> {
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
		const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
		errors.push(...written.errors);
		await rm(recordsPath, { force: true });
		return { pages: dir.page_count, records: records.length, languages: [...languages].sort(), errors };
	} finally {
		await pagefind.close();
	}
}
