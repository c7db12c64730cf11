/**
 * The Astro side of Flowbook: checks all content before Astro starts, so a
 * broken flowchart fails the build with located messages and no stack trace.
 */
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";
import { checkInputsKey, storeCheckResult, storedCheckOutput } from "../lib/cache/check-result.ts";
import { pruneWhenBuildEnds } from "../lib/cache/prune.ts";
import type { CheckRequest } from "../lib/check-worker.ts";
import type { FlowbookConfig } from "../lib/config.ts";
import { devReport } from "../lib/dev-report.ts";
import { formatDiagnostic, hasErrors, sortDiagnostics } from "../lib/diagnostics/diagnostic.ts";
import { DEFAULT_PDF_CACHE } from "../lib/pdf/pdf-cache.ts";
import { DEFAULT_CACHE_DIR, diagramCacheEmpty, diagramsLeftToReader, recordDiagramFiles } from "../lib/render/cache.ts";
import { browserLaunches, browserUsedLine } from "../lib/render/find-browser.ts";
import {
	closeSharedRenderer,
	getSharedRenderer,
	holdSharedRenderer,
	setSharedRendererIdle,
} from "../lib/render/shared.ts";
import { buildSearchIndex } from "../lib/search/build-index.ts";
import { DEFAULT_SEARCH_CACHE } from "../lib/search/index-cache.ts";
import { copyFallbackScript, fallbackScriptMiddleware } from "./mermaid-fallback.ts";

/** In a build, the browser a page had to start closes this long after its last render (dev keeps one warm). */
const BUILD_IDLE_MS = 2_000;

/**
 * Bundling and page generation come next and hold the build's memory peak; Chromium (~575 MB with its render pages)
 * would sit idle through them. A page whose diagram was not drawn early starts it again, and it closes soon after
 * that page's render. Returns the launches so far, to tell the pages' own.
 */
async function beforePages(): Promise<number> {
	await closeSharedRenderer();
	setSharedRendererIdle(BUILD_IDLE_MS);
	return browserLaunches();
}

/** FLOWBOOK_TIMING: when the early diagram phase's parts finished, in ms since the process started. */
function diagramTimeline(checked: number, drawn: number): string {
	const t = getSharedRenderer().timeline?.() ?? {};
	const at = (ms: number | undefined) => (ms === undefined ? "-" : ms.toFixed(0));
	return `flowbook: diagram phase (process ms): check done ${at(checked)}, browser ready ${at(t.browserReady)}, pages ready ${at(t.pagesReady)}, drawing from ${at(drawn)}, last render done ${at(t.lastRender)}, pages idle ${at(t.pagesIdleMs)} ms`;
}

/**
 * Starts the shared browser and its render pages while the content check runs, when the build will draw every
 * diagram next (an empty diagram cache); a failing check closes it again. Nothing is started when the stored check
 * result is used.
 */
async function checkWithWarmBrowser(
	rootDir: string,
	config: FlowbookConfig,
	command: string,
	checkKey: string | undefined,
): Promise<void> {
	// Only when the diagram cache is empty: a build with kept drawings (an edit, CI with the cache restored) may draw
	// nothing, and would start Chromium and load Mermaid into its pages for nothing.
	if (command === "build" && diagramCacheEmpty(join(rootDir, DEFAULT_CACHE_DIR))) getSharedRenderer().prepare?.();
	try {
		await checkAndDrawEarly(rootDir, config, command, checkKey);
	} catch (error) {
		await closeSharedRenderer();
		throw error;
	}
}

/**
 * The content check, then every diagram fence and flowchart view drawn early on one browser; prints every problem
 * at once and, in a build, exits 1 when the content has errors. A passing result is stored under `checkKey`.
 */
async function checkAndDrawEarly(
	rootDir: string,
	config: FlowbookConfig,
	command: string,
	checkKey: string | undefined,
): Promise<void> {
	const [{ checkContent }, { checkMermaidFences }, { PAGE_BODY_CACHE }, { prerenderSiteDiagrams }] = await Promise.all([
		import("../lib/check.ts"),
		import("../lib/content/fence-check.ts"),
		import("../lib/content/page-bodies.ts"),
		import("../lib/site/prerender.ts"),
	]);
	const early = recordDiagramFiles();
	let earlyComplete = true;
	// Fences are rendered just below, which reports what Mermaid's parser in Node would, so it is skipped there.
	const report = await checkContent(rootDir, config, { fences: false, cacheFile: PAGE_BODY_CACHE });
	const checked = performance.now();
	// Diagram fences are checked here rather than in `checkContent`: they need a browser, validate must not.
	// The site's flowchart diagrams are drawn at the same time on the same browser, so both of its pages stay
	// busy and the pages of the build find every diagram in the cache.
	const started = performance.now();
	const [fences, views] = await Promise.all([
		checkMermaidFences(rootDir, report.fences, () => getSharedRenderer()),
		prerenderSiteDiagrams({
			rootDir,
			base: config.base,
			flowcharts: report.flowcharts,
			reports: report.metrics,
			renderer: () => getSharedRenderer(),
			// Only a head start: if it fails, each page draws its diagram as before and reports what went wrong.
		}).catch(() => {
			earlyComplete = false;
			return 0;
		}),
	]);
	early.stop();
	// FLOWBOOK_TIMING: the early diagram phase, for bench/ (one line, as the two parts overlap; same shape as
	// the pages' lines in src/site/diagrams.ts), then when its parts finished.
	if (process.env.FLOWBOOK_TIMING) {
		const what = `${report.fences.length + views} (${report.fences.length} fences, ${views} flowchart views)`;
		console.log(`flowbook: diagrams before the pages ${what} in ${(performance.now() - started).toFixed(1)} ms`);
		console.log(diagramTimeline(checked, started));
	}
	const diagnostics = sortDiagnostics([...report.diagnostics, ...fences]);
	const output = `${diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join("")}flowbook: ${report.summary}${fences.length > 0 ? `, ${fences.length} broken diagram(s)` : ""}\n`;
	process.stderr.write(output);
	const failed = report.failed || hasErrors(fences);
	if (failed && command === "build") {
		// The browser started for the fences holds the process open; close it before saying why the build stopped.
		await closeSharedRenderer();
		process.stderr.write("flowbook: the build stopped because the content has errors (listed above).\n");
		process.exit(1);
	}
	// Only a passing check with every early diagram in the cache is remembered: a failing build always checks
	// again, so what it prints is never older than the content it is about.
	if (checkKey && !failed && earlyComplete && early.unresolved === 0) {
		await storeCheckResult(rootDir, checkKey, { output, diagrams: [...early.files] });
	}
}

export function flowbook(config: FlowbookConfig, rootDir: string): AstroIntegration {
	let launchesBeforePages = 0;
	return {
		name: "flowbook",
		hooks: {
			"astro:config:setup": async ({ command, addWatchFile }) => {
				if (command === "preview" || command === "sync") return;
				addWatchFile(new URL("../../flowbook.config.ts", import.meta.url));
				// A build uses every cache entry the site needs, so when it ends well the rest can go (cache/prune.ts).
				if (command === "build") pruneWhenBuildEnds();
				// A build whose inputs did not change prints the last check's output and skips the check and the early
				// diagrams (src/lib/cache/check-result.ts). The check's modules are loaded only when it runs.
				const checkKey = command === "build" ? await checkInputsKey(rootDir, config) : undefined;
				const stored = checkKey ? await storedCheckOutput(rootDir, checkKey) : undefined;
				if (stored !== undefined) {
					process.stderr.write(stored);
					if (process.env.FLOWBOOK_TIMING) console.log("flowbook: content check and diagrams before the pages reused");
					launchesBeforePages = await beforePages();
					return;
				}
				await checkWithWarmBrowser(rootDir, config, command, checkKey);
				if (command === "build") launchesBeforePages = await beforePages();
			},
			"astro:server:setup": ({ server }) => {
				server.middlewares.use(fallbackScriptMiddleware(config.base));
				// One Chromium stays warm for the whole dev session, started now so the first edit does not wait for it.
				const release = holdSharedRenderer();
				void getSharedRenderer()
					.render([{ id: "warm-up", source: "flowchart LR\n  a" }])
					.catch(() => {});
				const stopChecks = watchContent(server.watcher, rootDir, config);
				server.httpServer?.once("close", () => {
					stopChecks();
					release();
					void closeSharedRenderer();
				});
			},
			"astro:build:done": async ({ dir, logger }) => {
				// The browser the pages' diagrams started, if any: close it so the process can exit.
				await closeSharedRenderer();
				// Read by tests and bench/: zero when the early render above predicted every diagram of the pages.
				if (process.env.FLOWBOOK_TIMING) {
					console.log(`flowbook: page generation launched Chromium ${browserLaunches() - launchesBeforePages} time(s)`);
				}
				const browser = browserUsedLine();
				if (browser) logger.info(`diagrams drawn with ${browser}`);
				if (diagramsLeftToReader()) await copyFallbackScript(fileURLToPath(dir));
				const summary = await buildSearchIndex(fileURLToPath(dir), { cacheDir: join(rootDir, DEFAULT_SEARCH_CACHE) });
				if (summary.errors.length > 0) {
					for (const error of summary.errors) process.stderr.write(`flowbook: search index: ${error}\n`);
					process.exit(1);
				}
				logger.info(
					`search index: ${summary.pages} pages and ${summary.records} steps and questions (${summary.languages.join(", ")})${summary.cached ? ", unchanged pages, index reused" : ""}`,
				);
				const out = relative(process.cwd(), fileURLToPath(dir)) || ".";
				if (config.pdf) {
					// The pages already link to the PDFs (config.pdf): no PDF means a broken link, so it fails the build.
					const started = performance.now();
					const { buildPlaybookPdfs } = await import("../lib/pdf/build-pdf.ts");
					const pdf = await buildPlaybookPdfs({
						distDir: fileURLToPath(dir),
						distName: out,
						cacheDir: join(rootDir, DEFAULT_PDF_CACHE),
					});
					for (const d of pdf.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
					if (pdf.diagnostics.length > 0 || pdf.pdfs.length === 0) process.exit(1);
					const list = pdf.pdfs.map((p) => `${relative(process.cwd(), p.file)} (${p.pages} pages)`).join(", ");
					const how = pdf.cached ? "unchanged site, PDF reused" : "printed";
					logger.info(`playbook PDF: ${list}, ${how} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
				}
				logger.info(`the site is in ${out}/: open it with \`npm run preview\`, or copy the folder to any web server`);
			},
		},
	};
}

/** Quiet time after a save before checking, so an editor's burst of events is checked once. */
const CHECK_DEBOUNCE_MS = 120;
const CONTENT_FILE = /\.(ya?ml|mdx?|csv)$/i;

/** Runs the check on a worker thread, or in this thread if the worker cannot start. */
function contentChecker(): { check(request: CheckRequest): void; stop(): void } {
	let worker: Worker | undefined;
	try {
		worker = new Worker(new URL("../lib/check-worker.ts", import.meta.url));
		worker.unref();
		worker.on("message", (text: string) => process.stderr.write(text));
		worker.on("error", () => {
			worker = undefined;
		});
	} catch {
		worker = undefined;
	}
	return {
		check(request) {
			if (worker) worker.postMessage(request);
			else
				void Promise.all([import("../lib/check.ts"), import("../lib/content/page-bodies.ts")])
					.then(([{ checkContent }, { PAGE_BODY_CACHE }]) =>
						checkContent(request.rootDir, request.config, { cacheFile: PAGE_BODY_CACHE }),
					)
					.then((r) => process.stderr.write(devReport(r, request.changed)));
		},
		stop: () => void worker?.terminate(),
	};
}

/** In dev: on every change under content/, the same checks as `npm run validate`, printed in the terminal. */
function watchContent(
	watcher: { on(event: "all", listener: (event: string, path: string) => void): unknown },
	rootDir: string,
	config: FlowbookConfig,
): () => void {
	const contentDir = `${rootDir.replace(/[\\/]+$/, "")}${sep}content${sep}`;
	const checker = contentChecker();
	const settings = { strict: config.strict, today: config.today, reviewEvery: config.reviewEvery };
	const changed = new Set<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	watcher.on("all", (_event, path) => {
		// Content files only: editors' and sed's temporary files come and go without an extension we read.
		if (!path.startsWith(contentDir) || !CONTENT_FILE.test(path)) return;
		changed.add(relative(rootDir, path).split(sep).join("/"));
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			checker.check({ rootDir, config: settings, changed: [...changed] });
			changed.clear();
		}, CHECK_DEBOUNCE_MS);
	});
	return checker.stop;
}
