/**
 * First-paint benchmark (`npm run bench -- paint`): first paint, first contentful paint and largest contentful
 * paint of a few built pages in headless Chromium, each load in a fresh browser context (cold cache), median of
 * several runs, on the fast local server and again with 4x CPU throttling and a "Fast 4G" network (DevTools
 * preset: 165 ms round trip, 9 Mbit/s down) so differences a laptop on office Wi-Fi would feel show up here too.
 * The floor is the guide's own article in a bare page (no header, sidebar or scripts; one small stylesheet):
 * what the site's chrome costs is the difference.
 *
 *   npm run bench -- paint [--runs 7] [--site bench/out/paint-site] [--no-build] [--json out.json]
 *
 * Builds the site under /sales/ into --site (like the browser tests), unless --no-build reuses what is there
 * (`--site .cache/e2e-site --no-build` measures the browser tests' build). Give --site more than once (with
 * --no-build) to compare builds, say before and after a change: their loads are interleaved, so load on the
 * shared machine hits all of them alike.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import sirv from "sirv";
import { CHROMIUM_ARGS, searchBrowser } from "../src/lib/render/find-browser.ts";
import { BASE, buildSite } from "../tests/e2e/support/site.ts";
import { benchArgs } from "./args.ts";

const USAGE = "usage: npm run bench -- paint [--runs 7] [--site bench/out/paint-site] [--no-build] [--json out.json]";
const { values: args } = benchArgs(USAGE, {
	args: process.argv.slice(3),
	options: {
		runs: { type: "string", default: "7" },
		site: { type: "string", multiple: true, default: ["bench/out/paint-site"] },
		"no-build": { type: "boolean", default: false },
		json: { type: "string" },
	},
});
const RUNS = Math.max(1, Number(args.runs));
const SITES = (args.site ?? []).map((dir) => resolve(dir));
const FLOOR = resolve("bench/out/paint-floor");
const FLOOR_PATH = "/__floor/";

/** Pages under the base; the floor is served beside the site. */
const PAGES: { name: string; path: string }[] = [
	{ name: "guide (en) /pages/overview/", path: `${BASE}pages/overview/` },
	{ name: "guide (id) /id/pages/overview/", path: `${BASE}id/pages/overview/` },
	{ name: "guide with a diagram /pages/how-to-read-a-flowchart/", path: `${BASE}pages/how-to-read-a-flowchart/` },
	{ name: "flowchart /flowcharts/b2b/", path: `${BASE}flowcharts/b2b/` },
	{ name: "floor: the guide's article, bare page", path: FLOOR_PATH },
];

interface Profile {
	name: string;
	cpu: number;
	network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}
const PROFILES: Profile[] = [
	{ name: "local, no throttling", cpu: 1 },
	{
		name: "CPU 4x slower + Fast 4G",
		cpu: 4,
		// Chrome DevTools' "Fast 4G" preset (bytes per second).
		network: { latency: 165, downloadThroughput: (9_000_000 * 0.9) / 8, uploadThroughput: (1_500_000 * 0.9) / 8 },
	},
];

interface Sample {
	fp: number;
	fcp: number;
	lcp: number;
	/** Cumulative layout shift up to the measurement (no input happens). */
	cls: number;
	/** Resources the browser marked render-blocking (Resource Timing `renderBlockingStatus`). */
	blocking: number;
	blockingBytes: number;
}

const median = (values: number[]): number => {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const load = () =>
	loadavg()
		.map((n) => n.toFixed(1))
		.join(" ");

/** The guide's <article> in a page with no chrome and one small external stylesheet. */
function writeFloor(site: string): void {
	const html = readFileSync(join(site, "pages", "overview", "index.html"), "utf8");
	const start = html.indexOf("<article");
	const end = html.indexOf("</article>");
	if (start < 0 || end < 0) throw new Error("pages/overview/index.html has no <article>");
	rmSync(FLOOR, { recursive: true, force: true });
	mkdirSync(FLOOR, { recursive: true });
	writeFileSync(
		join(FLOOR, "floor.css"),
		"html{font-family:system-ui,sans-serif;line-height:1.55}body{max-width:46rem;margin:0 auto;padding:1rem}svg{width:1em;height:1em}\n",
	);
	writeFileSync(
		join(FLOOR, "index.html"),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title><link rel="stylesheet" href="${FLOOR_PATH}floor.css"></head><body><main>${html.slice(start, end + "</article>".length)}</main></body></html>`,
	);
}

/** A built site under BASE and the floor under FLOOR_PATH, as a plain static server would (no compression). */
async function serve(dir: string): Promise<{ origin: string; server: Server }> {
	const site = sirv(dir, { dev: false, etag: false, dotfiles: false });
	const floor = sirv(FLOOR, { dev: false, etag: false });
	const server = createServer((req, res) => {
		const url = req.url ?? "/";
		const notFound = () => {
			res.statusCode = 404;
			res.end("Not found");
		};
		if (url.startsWith(FLOOR_PATH)) {
			req.url = url.slice(FLOOR_PATH.length - 1);
			floor(req, res, notFound);
		} else if (url.startsWith(BASE)) {
			req.url = url.slice(BASE.length - 1);
			site(req, res, notFound);
		} else notFound();
	});
	await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
	const address = server.address();
	if (!address || typeof address === "string") throw new Error("no server address");
	return { origin: `http://127.0.0.1:${address.port}`, server };
}

/**
 * Collects paint, LCP and layout-shift entries from the very start of the page, before any of its own scripts run.
 * Shifts show whether a page drawn early is drawn right (chrome that jumps once later CSS or scripts arrive).
 */
const OBSERVE = () => {
	const w = window as unknown as { __paint: { name: string; startTime: number }[]; __shift: number };
	w.__paint = [];
	w.__shift = 0;
	for (const type of ["paint", "largest-contentful-paint"]) {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries())
				w.__paint.push({ name: e.entryType === "paint" ? e.name : "lcp", startTime: e.startTime });
		}).observe({ type, buffered: true });
	}
	new PerformanceObserver((list) => {
		for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
			if (!e.hadRecentInput) w.__shift += e.value;
	}).observe({ type: "layout-shift", buffered: true });
};

async function measure(browser: Browser, url: string, profile: Profile): Promise<Sample> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
		if (profile.network) {
			await cdp.send("Network.enable");
			await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.network });
		}
		await page.addInitScript(OBSERVE);
		await page.goto(url, { waitUntil: "load" });
		// Paint entries arrive once the compositor has presented the frame, which on a busy machine can be well after
		// `load`; LCP is final once a frame has been drawn after the load.
		await page.waitForFunction(
			() => {
				const entries = (window as unknown as { __paint: { name: string }[] }).__paint;
				return entries.some((e) => e.name === "first-contentful-paint") && entries.some((e) => e.name === "lcp");
			},
			undefined,
			{ timeout: 30_000 },
		);
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
		return await page.evaluate(() => {
			const w = window as unknown as { __paint: { name: string; startTime: number }[]; __shift: number };
			const entries = w.__paint;
			const at = (name: string) => entries.filter((e) => e.name === name).at(-1)?.startTime ?? Number.NaN;
			const blocking = performance
				.getEntriesByType("resource")
				.filter(
					(r) =>
						(r as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === "blocking",
				) as PerformanceResourceTiming[];
			return {
				fp: at("first-paint"),
				fcp: at("first-contentful-paint"),
				lcp: at("lcp"),
				cls: w.__shift,
				blocking: blocking.length,
				blockingBytes: blocking.reduce((sum, r) => sum + r.encodedBodySize, 0),
			};
		});
	} finally {
		await context.close();
	}
}

// ----------------------------------------------------------------------------------------------------------- main

const [first] = SITES;
if (!first) throw new Error("no --site");
if (SITES.length > 1 && !args["no-build"])
	throw new Error("several --site folders are compared as built: add --no-build");
if (!args["no-build"] || !existsSync(join(first, "index.html"))) {
	console.log(`paint: building the site under ${BASE} into ${first} …`);
	buildSite(first);
}
writeFloor(first);
const search = await searchBrowser();
if (!search.found) throw new Error(`no Chromium (${search.tried.join(", ")})`);
const browser = await chromium.launch({ executablePath: search.found.path, args: [...CHROMIUM_ARGS] });
const servers = await Promise.all(SITES.map((dir) => serve(dir)));
const label = (i: number) => (SITES.length > 1 ? ` [${relative(process.cwd(), SITES[i] ?? "")}]` : "");
/** Every page of every site; the floor once. */
const targets = servers.flatMap(({ origin }, i) =>
	PAGES.filter((p) => i === 0 || p.path !== FLOOR_PATH).map((p) => ({
		name: p.name + (p.path === FLOOR_PATH ? "" : label(i)),
		url: origin + p.path,
	})),
);
const loadBefore = load();
console.log(`paint: ${RUNS} cold loads per page and profile, 1366x768; load average ${loadBefore}`);

const results: { profile: string; page: string; samples: Sample[] }[] = [];
try {
	for (const profile of PROFILES) {
		const byPage = targets.map((t) => ({ profile: profile.name, page: t.name, samples: [] as Sample[] }));
		// One untimed load per page, so Chromium's own start-up costs land in no sample.
		for (const t of targets) await measure(browser, t.url, profile);
		// Pages interleaved run by run, so a burst of load on the shared machine hits all of them alike.
		for (let r = 0; r < RUNS; r++) {
			for (const [i, t] of targets.entries()) byPage[i]?.samples.push(await measure(browser, t.url, profile));
		}
		results.push(...byPage);
	}
} finally {
	await browser.close();
	for (const { server } of servers) server.close();
}

const rows = results.map((r) => {
	const m = (key: "fp" | "fcp" | "lcp") => `${median(r.samples.map((s) => s[key])).toFixed(0)} ms`;
	const first = r.samples[0];
	const fcps = r.samples.map((s) => s.fcp);
	return [
		r.profile,
		r.page,
		m("fp"),
		m("fcp"),
		m("lcp"),
		median(r.samples.map((s) => s.cls)).toFixed(3),
		`${Math.min(...fcps).toFixed(0)}–${Math.max(...fcps).toFixed(0)} ms`,
		first ? `${first.blocking} (${(first.blockingBytes / 1024).toFixed(1)} KiB)` : "",
	];
});
const header = ["Profile", "Page", "FP", "FCP", "LCP", "CLS", "FCP min–max", "Render-blocking files"];
const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((row) => (row[c] ?? "").length)));
const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
console.log("");
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
console.log(`\nmedians of ${RUNS} cold loads; load average before/after: ${loadBefore} / ${load()}`);
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, "\t"));
