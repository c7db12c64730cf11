/**
 * Results of per-file checks kept between runs, as ESLint's `--cache` does: an input whose text (and the
 * checker's version) is unchanged is not parsed again. Every build, dev start and `validate` checks all pages;
 * without this, a warm build spent seconds re-parsing 200 unchanged MDX bodies that Astro then parses anyway.
 * A missing, unreadable or foreign cache file is an empty cache, never an error.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../cache/write-file.ts";

export interface CheckCache<T> {
	/** The stored result for `input` (any text that determines the result), if any. */
	get(input: string): T | undefined;
	set(input: string, value: T): void;
	/** Writes the entries used in this run (so the file never grows with old versions). */
	save(): Promise<void>;
}

interface CacheFile<T> {
	version: string;
	entries: Record<string, T>;
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

/** A cache stored in `file` (absolute), valid while `version` is unchanged; no `file`: kept in memory only. */
export async function openCheckCache<T>(file: string | undefined, version: string): Promise<CheckCache<T>> {
	const stored = file ? await readCacheFile<T>(file, version) : {};
	const used: Record<string, T> = {};
	let changed = false;
	return {
		get(input) {
			const key = digest(input);
			const hit = used[key] ?? stored[key];
			if (hit !== undefined) used[key] = hit;
			return hit;
		},
		set(input, value) {
			used[digest(input)] = value;
			changed = true;
		},
		async save() {
			if (!file) return;
			// Unchanged and nothing dropped: leave the file alone (no write on a warm build).
			if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
			const body: CacheFile<T> = { version, entries: used };
			await writeFileAtomic(file, JSON.stringify(body));
		},
	};
}

async function readCacheFile<T>(file: string, version: string): Promise<Record<string, T>> {
	try {
		const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<CacheFile<T>>;
		if (parsed.version !== version || typeof parsed.entries !== "object" || parsed.entries === null) return {};
		return parsed.entries;
	} catch {
		return {};
	}
}
