import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
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
 * Renders in flight in this process, by cache key. A second caller that misses the same diagram waits for the first
 * render instead of drawing it again: in a build, Astro compiles the pages while the content check is still drawing
 * every fence they use (src/integration/flowbook.ts).
 */
interface InFlight {
	outcomes: Map<string, Promise<Outcome>>;
	/** While set, a broken diagram drawn by another caller is handed over only once this settles (see below). */
	errorsHeld?: Promise<unknown>;
}
const inFlight = processShared<InFlight>("diagramsInFlight", () => ({ outcomes: new Map() }));

/**
 * Until `settled` settles, a broken diagram stays "in flight" after its render, and whoever asks for it (or waited for
 * it) gets the error only then. The build's content check holds them: it reports every broken fence at once, located,
 * and stops the build, instead of the bundler failing on the first page it compiles with such a fence.
 */
export function holdDiagramErrorsUntil(settled: Promise<unknown>): void {
	const held: Promise<void> = settled.then(
		() => {
			if (inFlight.errorsHeld === held) inFlight.errorsHeld = undefined;
		},
		() => {
			if (inFlight.errorsHeld === held) inFlight.errorsHeld = undefined;
		},
	);
	inFlight.errorsHeld = held;
}

/** Announces `keys` as in flight; `settle` hands each one's outcome to whoever waits, `fail` lets waiters draw it. */
function announce(keys: Iterable<string>): { settle(key: string, outcome: Outcome): void; fail(): void } {
	const pending = new Map<string, PromiseWithResolvers<Outcome>>();
	for (const key of keys) {
		const deferred = Promise.withResolvers<Outcome>();
		// A render that fails rejects its waiters; with no waiter, that is not an unhandled rejection.
		deferred.promise.catch(() => {});
		inFlight.outcomes.set(key, deferred.promise);
		pending.set(key, deferred);
	}
	const forget = (key: string, promise: Promise<Outcome>) => {
		if (inFlight.outcomes.get(key) === promise) inFlight.outcomes.delete(key);
	};
	return {
		settle(key, outcome) {
			const deferred = pending.get(key);
			if (!deferred) return;
			pending.delete(key);
			deferred.resolve(outcome);
			const held = "error" in outcome ? inFlight.errorsHeld : undefined;
			if (held) void held.then(() => forget(key, deferred.promise));
			else forget(key, deferred.promise);
		},
		fail() {
			for (const [key, deferred] of pending) {
				deferred.reject(new Error("render failed"));
				forget(key, deferred.promise);
			}
			pending.clear();
		},
	};
}

/** Another caller's outcome for a diagram, or undefined if its render failed (then this caller draws it). */
async function waitForOther(pending: Promise<Outcome>): Promise<Outcome | undefined> {
	const outcome = await pending.catch(() => undefined);
	if (outcome && "error" in outcome && inFlight.errorsHeld) await inFlight.errorsHeld;
	return outcome;
}

/**
 * Renders Mermaid diagrams to inline SVG, reading and filling the on-disk cache. The renderer (and so the browser)
 * is only created when some job misses the cache and no other caller is drawing it already.
 */
export async function renderDiagrams(
	jobs: readonly DiagramJob[],
	options: RenderDiagramsOptions,
): Promise<DiagramResult[]> {
	const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
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
	const fresh = misses.size > 0 ? await settleMisses(misses, dir, options) : new Map<string, Outcome>();

	return jobs.map((job, i) => {
		const hit = cached[i];
		if (hit !== undefined) return finish(job, hit, true);
		const outcome = fresh.get(keys[i] as string) as Outcome;
		if ("svg" in outcome) return finish(job, outcome.svg, false);
		if ("error" in outcome) return { id: job.id, kind: "error", error: outcome.error };
		return { id: job.id, kind: "fallback", fallback: true, source: job.source };
	});
}

/** Each missed diagram's outcome: waited for when another caller is drawing it already, else drawn here. */
async function settleMisses(
	misses: ReadonlyMap<string, DiagramJob>,
	dir: string,
	options: RenderDiagramsOptions,
): Promise<Map<string, Outcome>> {
	const fresh = new Map<string, Outcome>();
	const mine = new Map<string, DiagramJob>();
	const theirs: [string, Promise<Outcome>][] = [];
	for (const [key, job] of misses) {
		const pending = inFlight.outcomes.get(key);
		if (pending) theirs.push([key, pending]);
		else mine.set(key, job);
	}
	const orphans = new Map<string, DiagramJob>();
	await Promise.all([
		drawAnnounced(mine, dir, options, fresh),
		...theirs.map(async ([key, pending]) => {
			const outcome = await waitForOther(pending);
			if (outcome) fresh.set(key, outcome);
			else orphans.set(key, misses.get(key) as DiagramJob);
		}),
	]);
	if (orphans.size > 0) await drawAnnounced(orphans, dir, options, fresh);
	return fresh;
}

/** Draws `jobs` here, announced as in flight meanwhile so other callers wait for them instead. */
async function drawAnnounced(
	jobs: ReadonlyMap<string, DiagramJob>,
	dir: string,
	options: RenderDiagramsOptions,
	fresh: Map<string, Outcome>,
): Promise<void> {
	if (jobs.size === 0) return;
	const announced = announce(jobs.keys());
	const settle = (key: string, outcome: Outcome) => {
		fresh.set(key, outcome);
		announced.settle(key, outcome);
	};
	try {
		await draw(jobs, dir, options, settle);
	} finally {
		announced.fail();
	}
}

/** Renders `jobs` (by cache key) in chunks, post-processes and caches each SVG; "no browser" makes them fallbacks. */
async function draw(
	jobs: ReadonlyMap<string, DiagramJob>,
	dir: string,
	options: RenderDiagramsOptions,
	settle: (key: string, outcome: Outcome) => void,
): Promise<void> {
	try {
		const renderer = options.renderer();
		// Loaded only when something is drawn: a warm build takes every diagram from the cache.
		const { postprocessSvg } = await import("./postprocess.ts");
		// Chunks, all requested at once: Node post-processes one chunk while the browser renders the next,
		// and a renderer with several pages renders chunks in parallel.
		const unique = [...jobs];
		const chunks: [string, DiagramJob][][] = [];
		for (let i = 0; i < unique.length; i += RENDER_CHUNK) chunks.push(unique.slice(i, i + RENDER_CHUNK));
		await Promise.all(
			chunks.map(async (chunk) => {
				const rendered = await renderer.render(chunk.map(([, job]) => ({ id: job.id, source: job.source })));
				const writes: Promise<void>[] = [];
				for (const [i, [key, job]] of chunk.entries()) {
					const result = rendered[i];
					if (result === undefined) throw new Error(`renderer returned no result for ${job.id}`);
					if ("error" in result) {
						settle(key, { error: result.error });
						continue;
					}
					const canonical = prefixIds(postprocessSvg(result.svg, job.title ? { title: job.title } : {}), CACHE_PREFIX);
					// Settled once written, so no later caller finds it neither in flight nor in the cache.
					writes.push(writeFileAtomic(join(dir, `${key}.svg`), canonical).then(() => settle(key, { svg: canonical })));
				}
				await Promise.all(writes);
			}),
		);
	} catch (error) {
		if (!isNoBrowserError(error)) throw error;
		if (!noBrowser.warned) {
			noBrowser.warned = true;
			(options.log ?? ((line: string) => console.warn(line)))(noBrowserMessage(error.tried));
		}
		for (const key of jobs.keys()) settle(key, { fallback: true });
	}
}
