import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from "../schema/limits.ts";
import { type BrowserSearch, CHROMIUM_ARGS, noteBrowserUsed, searchBrowser } from "./find-browser.ts";
import { DIAGRAM_FONT_FAMILY, defaultFontCss } from "./font.ts";
import { CONFIG_COPY_SCRIPT, patchMermaidScript } from "./mermaid-patch.ts";
import { DEFAULT_PAGE_FILES_DIR, type PageFiles, writePageFiles } from "./page-files.ts";

export interface RenderJob {
	/** Caller's key for the result; not used in the SVG. */
	id: string;
	source: string;
}

export interface RenderError {
	message: string;
	/** 1-based line inside the diagram source, when Mermaid reports one. */
	line?: number;
}

export type RenderResult = { id: string; svg: string } | { id: string; error: RenderError };

export type DiagramTheme = "base" | "neutral" | "default";

export interface RendererOptions {
	/** @font-face CSS for the render page (local file: or data: url), so labels are measured in the site's font. */
	fontCss?: string;
	theme?: DiagramTheme;
	/** Injected for tests; defaults to `searchBrowser()`. */
	findBrowser?: () => Promise<BrowserSearch>;
	/**
	 * Render pages (each its own Chromium renderer process); concurrent `render` calls use different pages.
	 * Defaults to one per CPU, at most 4: on 2 CPUs, 2 pages rendered a 100-diagram batch 1.65x faster than one
	 * (docs/benchmarks.md); the build's Node process mostly waits on the browser meanwhile.
	 */
	pages?: number;
	/** Starts Chromium; injected for tests that count launches. Defaults to playwright-core's `chromium.launch`. */
	launch?: (executablePath: string, args: readonly string[]) => Promise<Browser>;
	/** Load Mermaid with the `getConfig` speed patch (see mermaid-patch.ts); default true. Off only to compare. */
	patchMermaid?: boolean;
	/**
	 * Where the render page's files are written (page-files.ts); default DEFAULT_PAGE_FILES_DIR. `false` loads Mermaid
	 * through the DevTools protocol instead, as when the folder cannot be written.
	 */
	pageFilesDir?: string | false;
}

export interface RenderOptions {
	/**
	 * Batches waiting for a page start in this order, highest first (then in order of arrival): callers pass the
	 * batch's size, so the largest diagrams are drawn first and the small ones fill the end, on every page at once.
	 */
	priority?: number;
}

/** When the renderer's steps finished, in `performance.now()` ms (time since the process started), for FLOWBOOK_TIMING. */
export interface RendererTimeline {
	browserReady?: number;
	pagesReady?: number;
	lastRender?: number;
	/** Time pages sat ready with nothing to draw, summed over the pages, up to the last render. */
	pagesIdleMs?: number;
}

export interface MermaidRenderer {
	render(jobs: readonly RenderJob[], options?: RenderOptions): Promise<RenderResult[]>;
	/**
	 * Starts the browser and its pages now, before there is anything to draw, so that work overlaps the caller's. Never
	 * throws and prints nothing: a failure (no browser) is reported by the next `render`, which tries again.
	 */
	prepare?(): void;
	timeline?(): RendererTimeline;
	close(): Promise<void>;
}

/** Thrown by `render` when no Chromium can be found or started; callers fall back to client-side rendering. */
export class NoBrowserError extends Error {
	readonly tried: string[];
	constructor(tried: string[], reasons: string[]) {
		super(`no Chromium found (${reasons.join("; ")})`);
		this.name = "NoBrowserError";
		this.tried = tried;
	}
}

const require = createRequire(import.meta.url);

export function mermaidVersion(): string {
	return (require("mermaid/package.json") as { version: string }).version;
}

/** The Mermaid configuration; part of the cache key, so any change here re-renders every diagram. */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
	return {
		startOnLoad: false,
		securityLevel: "strict",
		suppressErrorRendering: true,
		// Raised to what the flowchart format allows (see `limits`), so no valid flowchart draws "Maximum text size".
		maxTextSize: MERMAID_MAX_TEXT,
		maxEdges: MERMAID_MAX_EDGES,
		theme,
		// Crisp classic shapes: "neo" draws rough.js paths that are several times larger.
		look: "classic",
		// Stadium and rounded shapes are drawn with rough.js even in the classic look; seed 0 means Math.random,
		// so the same diagram came out different on every render. A fixed seed makes renders reproducible.
		handDrawnSeed: 1,
		// HTML labels: Mermaid 12's SVG-text labels double-escape entities (`#quot;` shows as `&quot;`).
		htmlLabels: true,
		fontFamily: DIAGRAM_FONT_FAMILY,
		themeVariables: { fontFamily: DIAGRAM_FONT_FAMILY, fontSize: "16px" },
		flowchart: { useMaxWidth: true, curve: "basis", padding: 12, nodeSpacing: 40, rankSpacing: 50 },
	};
}

let mermaidScript: Promise<string> | undefined;
function loadMermaidScript(): Promise<string> {
	mermaidScript ??= readFile(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
	return mermaidScript;
}

let patchedScript: Promise<string> | undefined;
function loadPatchedMermaidScript(): Promise<string> {
	patchedScript ??= loadMermaidScript().then((bundle) => patchMermaidScript(bundle).script);
	return patchedScript;
}

function pageHtml(fontCss: string): string {
	const css = fontCss.replace(/<\/style/gi, "<\\/style");
	return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`;
}

/** The scripts the render page runs before Mermaid is initialised, in order. */
async function pageScripts(patch: boolean): Promise<string[]> {
	return patch ? [CONFIG_COPY_SCRIPT, await loadPatchedMermaidScript()] : [await loadMermaidScript()];
}

let written: Map<string, Promise<PageFiles | undefined>> | undefined;
/** Once per process and folder: the page files are content-addressed, so a later build finds them there. */
function pageFiles(dir: string, fontCss: string, patch: boolean): Promise<PageFiles | undefined> {
	written ??= new Map();
	const key = JSON.stringify([dir, fontCss, patch]);
	let files = written.get(key);
	if (!files) {
		files = pageScripts(patch).then((scripts) => writePageFiles(dir, fontCss, scripts));
		written.set(key, files);
	}
	return files;
}

/** True when the page loaded Mermaid from the files; false leaves a blank page to load it the other way. */
async function openPageFiles(page: Page, files: PageFiles): Promise<boolean> {
	try {
		await page.goto(files.url);
		return await page.evaluate(() => "mermaid" in globalThis);
	} catch {
		return false;
	}
}

/** The page must never reach anything but its own files: not the network, not another local file. */
async function confine(context: BrowserContext, files: PageFiles | undefined): Promise<void> {
	await context.route("**/*", (route) =>
		files?.allowed.has(route.request().url()) ? route.continue() : route.abort(),
	);
}

interface PageJob {
	key: string;
	source: string;
}
type PageResult = { svg: string } | { message: string; line?: number };

/** Runs inside the page: one sequential Mermaid render per job (Mermaid's state is global). */
async function renderInPage(jobs: PageJob[]): Promise<PageResult[]> {
	type Hash = { line?: number; loc?: { first_line?: number } };
	const mermaid = (
		globalThis as unknown as {
			mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
		}
	).mermaid;
	const out: PageResult[] = [];
	for (const job of jobs) {
		try {
			const { svg } = await mermaid.render(job.key, job.source);
			// Mermaid returns HTML serialisation (`<br>`, undeclared xlink:); re-serialise as well-formed XML.
			const holder = document.createElement("div");
			holder.innerHTML = svg;
			const root = holder.querySelector("svg");
			out.push({ svg: root ? new XMLSerializer().serializeToString(root) : svg });
		} catch (error) {
			const e = error as { message?: string; hash?: Hash };
			const line = e.hash?.loc?.first_line ?? (e.hash?.line === undefined ? undefined : e.hash.line + 1);
			out.push(
				line === undefined ? { message: String(e.message ?? error) } : { message: String(e.message ?? error), line },
			);
		} finally {
			// Mermaid leaves its temporary container behind when a render fails.
			document.getElementById(`d${job.key}`)?.remove();
		}
	}
	return out;
}

async function launchChromium(executablePath: string, args: readonly string[]): Promise<Browser> {
	const { chromium } = await import("playwright-core");
	return chromium.launch({ executablePath, args: [...args] });
}

/** A batch waiting for a page: the highest priority goes first, then the earliest. */
interface Waiter {
	priority: number;
	resolve: (page: Page) => void;
	reject: (error: unknown) => void;
}

function takeFirst(waiting: Waiter[]): Waiter | undefined {
	let best = 0;
	for (let i = 1; i < waiting.length; i++) {
		if ((waiting[i] as Waiter).priority > (waiting[best] as Waiter).priority) best = i;
	}
	return waiting.splice(best, 1)[0];
}

/** One Chromium per renderer, started on the first render (or `prepare`) and reused until `close()`. */
export function createMermaidRenderer(options: RendererOptions = {}): MermaidRenderer {
	const theme = options.theme ?? "base";
	const fontCss = options.fontCss ?? defaultFontCss();
	const find = options.findBrowser ?? (() => searchBrowser());
	const pageCount = Math.max(1, Math.floor(options.pages ?? Math.min(4, availableParallelism())));
	const patch = options.patchMermaid ?? true;
	const filesDir = options.pageFilesDir === false ? false : resolve(options.pageFilesDir ?? DEFAULT_PAGE_FILES_DIR);
	let browserPromise: Promise<Browser> | undefined;
	let counter = 0;
	/** Pages started so far; idle ones wait in `free`, callers without one wait in `waiting`. */
	let started = 0;
	const free: Page[] = [];
	/** Pages of the current browser; a page released after `close()` is dropped, not reused. */
	const owned = new Set<Page>();
	const waiting: Waiter[] = [];
	const timeline: RendererTimeline = {};
	let pagesReady = 0;
	/** When each free page became free: the idle time in `timeline`. */
	const freeSince = new Map<Page, number>();
	let idleMs = 0;
	/** Bumped by `close()`: a page start begun before it no longer counts against the pages of the next browser. */
	let generation = 0;

	async function startBrowser(): Promise<Browser> {
		const search = await find();
		if (!search.found) throw new NoBrowserError(search.tried, search.reasons);
		try {
			const browser = await (options.launch ?? launchChromium)(search.found.path, CHROMIUM_ARGS);
			// Say which program drew the diagrams (once, at the end of the build): the build runs it.
			noteBrowserUsed(search.found, browser.version());
			timeline.browserReady ??= performance.now();
			return browser;
		} catch (error) {
			const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
			throw new NoBrowserError(search.tried, [`${search.found.path} (${search.found.source}) did not start: ${why}`]);
		}
	}

	/** Single flight: every page start awaits the same launch. */
	function getBrowser(): Promise<Browser> {
		browserPromise ??= startBrowser().catch((error: unknown) => {
			browserPromise = undefined;
			throw error;
		});
		return browserPromise;
	}

	/** Mermaid into a blank page through the DevTools protocol: the way when the page files cannot be written. */
	async function loadInline(page: Page): Promise<void> {
		await page.setContent(pageHtml(fontCss));
		for (const content of await pageScripts(patch)) await page.addScriptTag({ content });
	}

	async function startPage(): Promise<Page> {
		const browser = await getBrowser();
		const files = filesDir === false ? undefined : await pageFiles(filesDir, fontCss, patch);
		// A context per page: separate renderer processes, so pages render in parallel.
		const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
		// Mermaid comes from node_modules (through the page files or inline), fonts from fontCss.
		await confine(context, files);
		const page = await context.newPage();
		if (!files || !(await openPageFiles(page, files))) await loadInline(page);
		await page.evaluate(async (config) => {
			const m = (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid;
			m.initialize(config);
			await document.fonts.ready;
		}, mermaidConfig(theme));
		if (++pagesReady === pageCount) timeline.pagesReady ??= performance.now();
		return page;
	}

	/** Starts one more page; a failure reaches the caller and, when no page is left to come, every waiting batch. */
	async function addPage(): Promise<Page> {
		started++;
		const startedIn = generation;
		try {
			const page = await startPage();
			// A page of a browser closed while it started must not join the next browser's pages.
			if (startedIn !== generation) throw new Error("the renderer was closed while a page started");
			owned.add(page);
			return page;
		} catch (error) {
			// Such a start was already forgotten by `close()`.
			if (startedIn !== generation) throw error;
			started--;
			// Callers queued behind this start would otherwise wait for a page that never comes.
			if (started === 0) for (const w of waiting.splice(0)) w.reject(error);
			throw error;
		}
	}

	function acquire(priority: number): Promise<Page> {
		const idle = free.pop();
		if (idle) {
			idleMs += performance.now() - (freeSince.get(idle) ?? performance.now());
			return Promise.resolve(idle);
		}
		if (started < pageCount) return addPage();
		return new Promise((resolve, reject) => waiting.push({ priority, resolve, reject }));
	}

	function release(page: Page): void {
		if (!owned.has(page)) return;
		const next = takeFirst(waiting);
		if (next) next.resolve(page);
		else {
			free.push(page);
			freeSince.set(page, performance.now());
		}
	}

	async function renderBatch(jobs: readonly RenderJob[], renderOptions: RenderOptions = {}): Promise<RenderResult[]> {
		if (jobs.length === 0) return [];
		const page = await acquire(renderOptions.priority ?? 0);
		let results: PageResult[];
		try {
			const pageJobs = jobs.map((job) => ({ key: `fbm${++counter}`, source: job.source }));
			// The whole batch in one round trip; Mermaid's state is global to the page, so one batch per page at a time.
			results = await page.evaluate(renderInPage, pageJobs);
		} finally {
			release(page);
		}
		timeline.lastRender = performance.now();
		return results.map((r, i) => {
			const id = (jobs[i] as RenderJob).id;
			if ("svg" in r) return { id, svg: r.svg };
			return { id, error: r.line === undefined ? { message: r.message } : { message: r.message, line: r.line } };
		});
	}

	return {
		render: renderBatch,
		prepare() {
			// Each started page goes to the first waiting batch, or waits idle; a failure is the next render's to report.
			while (started < pageCount) addPage().then(release, () => {});
		},
		timeline() {
			// Pages free now have been idle since they were freed, or since the last render if they were freed after it.
			const end = timeline.lastRender ?? 0;
			const tail = free.reduce((sum, page) => sum + Math.max(0, end - (freeSince.get(page) ?? end)), 0);
			return { ...timeline, pagesIdleMs: idleMs + tail };
		},
		async close() {
			const b = browserPromise;
			browserPromise = undefined;
			generation++;
			started = 0;
			pagesReady = 0;
			free.length = 0;
			owned.clear();
			await (await b?.catch(() => undefined))?.close();
		},
	};
}
