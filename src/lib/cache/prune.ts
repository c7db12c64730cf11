/**
 * Keeps the caches under `.cache/flowbook/` from growing forever. Every edit leaves an entry under a new digest: a
 * changed fence a diagram, a changed CRM export its charts and metrics load, a changed text its Markdown, a Mermaid
 * upgrade its render page. When a build ends well, the entries of a cache folder it did not use and that no build has
 * used for `UNUSED_MAX_AGE_MS` are deleted. Only `astro build` prunes (`pruneWhenBuildEnds`): it uses every entry the
 * site needs, while a dev session that opened one page, or a CLI, has used only a few.
 *
 * Safe beside another build: a file this process read or wrote is kept, and its time is refreshed at exit, so an
 * entry another build used or wrote lately is kept too. A file deleted while another build reads it is still read
 * whole (the open file outlives its name), and one it looks up after the deletion is a miss: made again, never an
 * error. Temporary files of a write in progress are young, so they are kept; old ones (a build that crashed
 * mid-write) go.
 */
import { readdirSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { join, resolve } from "node:path";
import { processShared } from "../process-shared.ts";

/** A week: switching branches or CRM exports back and forth within it redraws nothing. */
export const UNUSED_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the caches write: drawings, rendered Markdown and page files, kept texts, serialized loads, scripts. */
const ENTRY = /\.(svg|html|txt|bin|js|tmp)$/;

/**
 * Entries this process used, by cache folder, and whether it prunes at exit. Per process, not per module: Astro
 * bundles the pages apart from the integration, so two copies of this module see one build (process-shared.ts).
 */
const state = processShared("cacheUse", () => ({
	used: new Map<string, Set<string>>(),
	prune: false,
	listening: false,
}));

/** Called by a build: when this process exits with 0, the caches it used are pruned. */
export function pruneWhenBuildEnds(): void {
	state.prune = true;
}

/** Notes that this process read or wrote `name` in `folder`. */
export function noteUsed(folder: string, name: string): void {
	// One key per folder however it was named: two keep-sets for one folder would each delete the other's entries.
	const dir = resolve(folder);
	let names = state.used.get(dir);
	if (!names) {
		names = new Set();
		state.used.set(dir, names);
	}
	names.add(name);
	if (!state.listening) {
		state.listening = true;
		// At exit (Astro's CLI ends with `process.exit`), so synchronous.
		process.once("exit", atExit);
	}
}

/** The entries of `dir` this process used (for tests). */
export function usedEntries(dir: string): ReadonlySet<string> {
	return state.used.get(resolve(dir)) ?? new Set();
}

/** Marks what this process used as in use (for other builds' pruning), then prunes if the build ended well. */
function atExit(code: number): void {
	const now = new Date();
	for (const [dir, names] of state.used) {
		for (const name of names) {
			try {
				utimesSync(join(dir, name), now, now);
			} catch {
				// Not written (a full disk) or removed by another build: nothing to keep.
			}
		}
		// A failed build may have stopped before most pages: what it used says nothing about the rest.
		if (state.prune && code === 0) pruneUnused(dir, names, UNUSED_MAX_AGE_MS);
	}
}

/**
 * Deletes the cache entries (`ENTRY`) and leftover temporary files of `dir` that are not in `keep` and were last
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
		if (keep.has(name) || !ENTRY.test(name)) continue;
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
