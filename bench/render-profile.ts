/**
 * Where Chromium's time goes in a Mermaid render (`npm run bench -- render-profile [--fences 40] [--unpatched]`):
 * one render page set up like the build's (src/lib/render/renderer.ts), N guide fences (bench/generate.ts) rendered
 * after two warm-up renders under the CDP sampling profiler. Prints the functions with the most self time and the
 * share of our getConfig copy (src/lib/render/mermaid-patch.ts), as shares of the page's non-idle samples, which a
 * loaded machine changes much less than times.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, searchBrowser } from "../src/lib/render/find-browser.ts";
import { defaultFontCss } from "../src/lib/render/font.ts";
import { CONFIG_COPY_SCRIPT, patchMermaidScript } from "../src/lib/render/mermaid-patch.ts";
import { mermaidConfig } from "../src/lib/render/renderer.ts";
import { benchArgs } from "./args.ts";
import { guideFence } from "./generate.ts";

const USAGE = "usage: npm run bench -- render-profile [--fences 40] [--unpatched]";
const { values: args } = benchArgs(USAGE, {
	args: process.argv.slice(3),
	options: { fences: { type: "string", default: "40" }, unpatched: { type: "boolean", default: false } },
});
const N = Number(args.fences);
const sources = Array.from({ length: N + 2 }, (_, i) => guideFence(i).slice(1, -1).join("\n"));

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Self time per function, and the part spent in our config copy scripts (named by their sourceURL). */
function shares(profile: Profile): { top: [string, number][]; copy: number; busy: number } {
	const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<string, number>();
	let busy = 0;
	let copy = 0;
	profile.samples.forEach((id, i) => {
		const frame = byId.get(id);
		const dt = profile.timeDeltas[i] ?? 0;
		if (!frame || frame.functionName === "(idle)" || frame.functionName === "(program)") return;
		busy += dt;
		if (frame.url.startsWith("flowbook-config-copy")) copy += dt;
		const key = `${frame.functionName || "(anonymous)"} ${frame.url ? `${frame.url}:` : ":"}${frame.lineNumber}`;
		self.set(key, (self.get(key) ?? 0) + dt);
	});
	return { top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 12), copy, busy };
}

const search = await searchBrowser();
if (!search.found) throw new Error("no Chromium found");
const browser = await chromium.launch({ executablePath: search.found.path, args: [...CHROMIUM_ARGS] });
try {
	const page = await (await browser.newContext({ offline: true })).newPage();
	await page.setContent(`<!doctype html><html><head><style>${defaultFontCss()}</style></head><body></body></html>`);
	const bundle = readFileSync(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js"), "utf8");
	if (!args.unpatched) await page.addScriptTag({ content: CONFIG_COPY_SCRIPT });
	await page.addScriptTag({ content: args.unpatched ? bundle : patchMermaidScript(bundle).script });
	const renderAll = (list: string[]) =>
		page.evaluate(async (list) => {
			const m = (globalThis as unknown as { mermaid: { render(id: string, s: string): Promise<unknown> } }).mermaid;
			for (const [i, s] of list.entries()) await m.render(`p${i}`, s);
		}, list);
	await page.evaluate(
		(c) => (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(c),
		mermaidConfig("base"),
	);
	await renderAll(sources.slice(0, 2));
	const cdp = await page.context().newCDPSession(page);
	await cdp.send("Profiler.enable");
	await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
	await cdp.send("Profiler.start");
	await renderAll(sources.slice(2));
	const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
	const { top, copy, busy } = shares(profile);
	const pct = (n: number) => `${((100 * n) / busy).toFixed(1)}%`;
	console.log(
		`${N} guide fences, Mermaid ${args.unpatched ? "unpatched" : "patched"}: ${(busy / 1000 / N).toFixed(0)} ms non-idle per render`,
	);
	console.log(`getConfig copy (flowbook-config-copy*): ${pct(copy)} of the render page's non-idle samples`);
	for (const [name, t] of top) console.log(`  ${pct(t).padStart(6)}  ${name}`);
} finally {
	await browser.close();
}
