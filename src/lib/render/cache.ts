import { createHash } from "node:crypto";
import { opendirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomic } from "../cache/write-file.ts";
import { processShared } from "../process-shared.ts";
import { DIAGRAM_FONT_FAMILY } from "./font.ts";
import {
	type MermaidRenderer,
	mermaidConfig,
	mermaidVersion,
	type NoBrowserError,
	type RenderError,
	type RenderJob,
} from "./renderer.ts";
import { POSTPROCESS_VERSION, prefixIds } from "./svg-ids.ts";

export const DEFAULT_CACHE_DIR = ".cache/flowbook/diagrams";

export interface DiagramJob extends RenderJob {
	/** Id prefix for this occurrence; must be unique on the page. Defaults to one derived from the source. */
	idPrefix?: string;
	/** Accessible name when the source has no accTitle. */
	title?: string;
}

/** Every caller handles all three: a finished SVG, a Mermaid error, or "render it in the reader's browser". */
export type DiagramResult =
	| { id: string; kind: "svg"; svg: string; cached: boolean }
	| { id: string; kind: "error"; error: RenderError }
	| { id: string; kind: "fallback"; fallback: true; source: string };

export interface RenderDiagramsOptions {
	cacheDir?: string;
	/** Called at most once, and only when some job misses the cache. */
	renderer: () => MermaidRenderer;
	/** Part of the cache key: anything that changes the renderer's output (theme, font CSS). */
	rendererSettings?: string;
	log?: (line: string) => void;
}

/** What one unique diagram came to: its canonical SVG, Mermaid's error, or "no browser". */
type Outcome = { svg: string } | { error: RenderError } | { fallback: true };

/** Diagrams per renderer call: small enough to overlap rendering with post-processing, large enough to batch. */
const RENDER_CHUNK = 8;
/**
 * Near the end of the queue, a chunk is at most this fraction of what is left: the last chunks shrink to one diagram,
 * so no page renders a long last chunk while the other one idles (a round trip costs a few ms, so not all are small).
 */
const TAIL_SPLIT = 4;

/** How many diagrams go in each renderer call, in order: RENDER_CHUNK at first, shrinking towards the end. */
export function chunkSizes(count: number): number[] {
	const sizes: number[] = [];
	for (let left = count; left > 0; ) {
		const size = Math.max(1, Math.min(RENDER_CHUNK, Math.ceil(left / TAIL_SPLIT)));
		sizes.push(size);
		left -= size;
	}
	return sizes;
}

/**
 * The misses in renderer calls, largest diagrams first, each call with its size as priority: the renderer serves the
 * largest waiting call first, also across callers sharing it (fences and flowchart views), so the small ones end it.
 */
function plan<T extends { source: string }>(misses: readonly [string, T][]): [string, T][][] {
	const bySize = [...misses].sort((a, b) => b[1].source.length - a[1].source.length);
	const chunks: [string, T][][] = [];
	let at = 0;
	for (const size of chunkSizes(bySize.length)) {
		chunks.push(bySize.slice(at, at + size));
		at += size;
	}
	return chunks;
}

/** Canonical prefix of cached SVGs; each use renames it to the job's prefix. */
const CACHE_PREFIX = "fbd";

export function cacheKey(source: string, rendererSettings = "", title = ""): string {
	return createHash("sha256")
		.update(
			JSON.stringify([
				source,
				title,
				rendererSettings,
				mermaidConfig("base"),
				DIAGRAM_FONT_FAMILY,
				mermaidVersion(),
				POSTPROCESS_VERSION,
			]),
		)
		.digest("hex");
}

function defaultPrefix(source: string): string {
	return `fbd${createHash("sha256").update(source).digest("hex").slice(0, 8)}`;
}

/** Shared by both copies of this module in a build, so the build says it only once. */
const noBrowser = processShared("noBrowserWarning", () => ({ warned: false }));

/** By name, not `instanceof`: the error may come from the other copy of the renderer module. */
function isNoBrowserError(error: unknown): error is NoBrowserError {
	return error instanceof Error && error.name === "NoBrowserError" && Array.isArray((error as NoBrowserError).tried);
}

/** True once some diagram of this process was left to the reader's browser (no Chromium was found). */
export function diagramsLeftToReader(): boolean {
	return noBrowser.warned;
}

/** The cache files that renders resolved to while it was on, and how many diagrams resolved to none. */
export interface DiagramFileRecording {
	files: Set<string>;
	unresolved: number;
	stop(): void;
}

/** Shared by both copies of this module, like the warning above; empty unless a recording is on. */
const recordings = processShared("diagramFileRecordings", () => new Set<DiagramFileRecording>());

/**
 * Records the cache file (absolute path) of every diagram rendered until `stop()`: the build remembers which files
 * its early diagram phase left, and checks later that they are still there (src/lib/cache/check-result.ts).
 */
export function recordDiagramFiles(): DiagramFileRecording {
	const recording: DiagramFileRecording = {
		files: new Set(),
		unresolved: 0,
		stop: () => void recordings.delete(recording),
	};
	recordings.add(recording);
	return recording;
}

function record(dir: string, keys: readonly string[], results: readonly DiagramResult[]): void {
	for (const recording of recordings) {
		results.forEach((result, i) => {
			if (result.kind === "svg") recording.files.add(resolve(dir, `${keys[i]}.svg`));
			else recording.unresolved++;
		});
	}
}

/**
 * True when `dir` holds no drawn diagram: a clean checkout, or CI without a kept cache, where the build will draw
 * every diagram. Reads entries only up to the first drawing.
 */
export function diagramCacheEmpty(dir: string): boolean {
	let folder: ReturnType<typeof opendirSync>;
	try {
		folder = opendirSync(dir);
	} catch {
		return true;
	}
	try {
		for (let entry = folder.readSync(); entry; entry = folder.readSync()) if (entry.name.endsWith(".svg")) return false;
		return true;
	} finally {
		folder.closeSync();
	}
}

/** For tests: allow the once-per-process message again. */
export function resetNoBrowserWarning(): void {
	noBrowser.warned = false;
}

export function noBrowserMessage(tried: readonly string[]): string {
	return `flowbook: no Chromium found (tried ${tried.join(", ")}); diagrams will render in the reader's browser. Install Chromium or set CHROME_PATH to render them at build time.`;
}

async function readCached(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, "utf8");
	} catch {
		return undefined;
	}
}

/**
 * Renders Mermaid diagrams to inline SVG, reading and filling the on-disk cache. The renderer (and so the browser)
 * is only created when some job misses the cache.
 */
export async function renderDiagrams(
	jobs: readonly DiagramJob[],
	options: RenderDiagramsOptions,
): Promise<DiagramResult[]> {
	const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
	const log = options.log ?? ((line: string) => console.warn(line));
	const keys = jobs.map((job) => cacheKey(job.source, options.rendererSettings, job.title));
	const cached = await Promise.all(keys.map((key) => readCached(join(dir, `${key}.svg`))));
	const seenPrefixes = new Map<string, number>();
	const finish = (job: DiagramJob, canonical: string, fromCache: boolean): DiagramResult => {
		let prefix = job.idPrefix ?? defaultPrefix(job.source);
		const n = seenPrefixes.get(prefix) ?? 0;
		seenPrefixes.set(prefix, n + 1);
		if (n > 0) prefix = `${prefix}x${n}`;
		return { id: job.id, kind: "svg", svg: prefixIds(canonical, prefix), cached: fromCache };
	};

	// Identical diagrams (the same fence in a guide and its translation, or on many pages) render once.
	const misses = new Map<string, DiagramJob>();
	jobs.forEach((job, i) => {
		const key = keys[i] as string;
		if (cached[i] === undefined && !misses.has(key)) misses.set(key, job);
	});
	const fresh = new Map<string, Outcome>();
	if (misses.size > 0) {
		try {
			const renderer = options.renderer();
			// Loaded only when something is drawn: a warm build takes every diagram from the cache.
			const { postprocessSvg } = await import("./postprocess.ts");
			// Chunks, all requested at once: Node post-processes one chunk while the browser renders the next,
			// and a renderer with several pages renders chunks in parallel.
			await Promise.all(
				plan([...misses]).map(async (chunk) => {
					const batch = chunk.map(([, job]) => ({ id: job.id, source: job.source }));
					const priority = batch.reduce((sum, job) => sum + job.source.length, 0);
					const rendered = await renderer.render(batch, { priority });
					const writes: Promise<void>[] = [];
					for (const [i, [key, job]] of chunk.entries()) {
						const result = rendered[i];
						if (result === undefined) throw new Error(`renderer returned no result for ${job.id}`);
						if ("error" in result) {
							fresh.set(key, { error: result.error });
							continue;
						}
						const canonical = prefixIds(
							postprocessSvg(result.svg, job.title ? { title: job.title } : {}),
							CACHE_PREFIX,
						);
						writes.push(writeFileAtomic(join(dir, `${key}.svg`), canonical));
						fresh.set(key, { svg: canonical });
					}
					await Promise.all(writes);
				}),
			);
		} catch (error) {
			if (!isNoBrowserError(error)) throw error;
			if (!noBrowser.warned) {
				noBrowser.warned = true;
				log(noBrowserMessage(error.tried));
			}
			for (const key of misses.keys()) fresh.set(key, { fallback: true });
		}
	}

	const results = jobs.map((job, i): DiagramResult => {
		const hit = cached[i];
		if (hit !== undefined) return finish(job, hit, true);
		const outcome = fresh.get(keys[i] as string) as Outcome;
		if ("svg" in outcome) return finish(job, outcome.svg, false);
		if ("error" in outcome) return { id: job.id, kind: "error", error: outcome.error };
		return { id: job.id, kind: "fallback", fallback: true, source: job.source };
	});
	// Kept by the build's cache pruning (cache/prune.ts): read or drawn, each is in use.
	results.forEach((result, i) => {
		if (result.kind === "svg") noteUsed(dir, `${keys[i]}.svg`);
	});
	record(dir, keys, results);
	return results;
}
