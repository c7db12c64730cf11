/**
 * Keeps the chart cache from growing forever: every change to a CRM export changes the charts' specs, and each
 * drawing stays in `.cache/flowbook/charts/` under its own digest. When a build ends well, the files in a cache
 * folder it did not use and that no build has used for `UNUSED_MAX_AGE_MS` are deleted.
 *
 * Safe beside another build: a file this process read or wrote is kept, and its time is refreshed at exit, so an
 * entry another build used or wrote lately is kept too. A file deleted while another build reads it is still read
 * whole (the open file outlives its name), and one it looks up after the deletion is a miss: drawn again, never an
 * error (svg-cache.ts). Temporary files of a write in progress are young, so they are kept; old ones (a build that
 * crashed mid-write) go.
 */
import { readdirSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { join } from "node:path";

/** A week: switching branches or CRM exports back and forth within it redraws nothing. */
export const UNUSED_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Entries this process used, by cache folder. */
const used = new Map<string, Set<string>>();

/** Notes that this process read or wrote `name` in `dir`. */
export function noteUsed(dir: string, name: string): void {
	let names = used.get(dir);
	if (!names) {
		names = new Set();
		used.set(dir, names);
		// Once per process: at exit (Astro's CLI ends with `process.exit`), so synchronous.
		if (used.size === 1) process.once("exit", atExit);
	}
	names.add(name);
}

/** The entries of `dir` this process used (for tests). */
export function usedEntries(dir: string): ReadonlySet<string> {
	return used.get(dir) ?? new Set();
}

/** Marks what this process used as in use (for other builds' pruning), then prunes if the build ended well. */
function atExit(code: number): void {
	const now = new Date();
	for (const [dir, names] of used) {
		for (const name of names) {
			try {
				utimesSync(join(dir, name), now, now);
			} catch {
				// Not written (a full disk) or removed by another build: nothing to keep.
			}
		}
		// A failed build may have stopped before most charts: what it used says nothing about the rest.
		if (code === 0) pruneUnused(dir, names, UNUSED_MAX_AGE_MS);
	}
}

/**
 * Deletes the drawings (`.svg`) and leftover temporary files (`.tmp`) of `dir` that are not in `keep` and were last
 * written or used over `maxAgeMs` ago; returns their names. Synchronous: it runs in the process's `exit` event.
 */
export function pruneUnused(dir: string, keep: ReadonlySet<string>, maxAgeMs: number, now = Date.now()): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		if (keep.has(name) || !/\.(svg|tmp)$/.test(name)) continue;
		const path = join(dir, name);
		try {
			if (now - statSync(path).mtimeMs < maxAgeMs) continue;
			unlinkSync(path);
			removed.push(name);
		} catch {
			// Removed by another build meanwhile, or not ours to remove: the cache stays usable either way.
		}
	}
	return removed;
}
