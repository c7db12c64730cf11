/**
 * Live-preview benchmark (`npm run bench -- dev`): `astro dev` on a copy of the sample project, the B2B flowchart
 * page open in Chromium, and the time from saving an edit to the YAML to the updated SVG (or error panel) in the
 * open page, which reloads by itself. Writes its section of docs/benchmarks.md.
 *
 *   node bench/dev.ts [--edits 5] [--idle 20] [--no-write]
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, searchBrowser } from "../src/lib/render/find-browser.ts";
import { startDevServer } from "../tests/e2e/support/dev-server.ts";
import { fixtureProject } from "../tests/e2e/support/fixture-project.ts";
import { benchArgs } from "./args.ts";

const USAGE = "usage: npm run bench -- dev [--edits 5] [--idle 20] [--no-write]";
const { values: args } = benchArgs(USAGE, {
	allowPositionals: true,
	options: {
		edits: { type: "string", default: "5" },
		idle: { type: "string", default: "20" },
		"no-write": { type: "boolean", default: false },
	},
});
const EDITS = Math.max(1, Number(args.edits));
const IDLE_S = Number(args.idle);
const ROOT = resolve(import.meta.dirname, "..");
const FILE = "content/flowcharts/b2b.yaml";
const LABEL = "    label: Inbound lead\n";
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Milliseconds from now until `ready()` holds in the open page (polled; the page reloads in between). */
async function timeUntil(page: Page, ready: () => Promise<boolean>, timeoutMs = 180_000): Promise<number> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		if (await ready().catch(() => false)) return performance.now() - start;
		await page.waitForTimeout(25);
	}
	throw new Error(`no update within ${timeoutMs / 1000} s`);
}

const hasSvgText = (page: Page, text: string) => async () =>
	(await page.locator("svg").filter({ hasText: text }).count()) > 0;
const hasPanel = (page: Page) => async () => (await page.locator("[data-content-problems]").count()) > 0;

function stats(values: number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
	const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
	return `median ${s(median)} (min ${s(sorted[0] ?? 0)}, max ${s(sorted.at(-1) ?? 0)}, n=${values.length})`;
}

async function main(): Promise<void> {
	const loadBefore = loadavg().map((n) => n.toFixed(1));
	const dir = await fixtureProject({});
	await cp(join(ROOT, "content"), join(dir, "content"), { recursive: true });
	const file = join(dir, FILE);
	const original = await readFile(file, "utf8");
	if (!original.includes(LABEL)) throw new Error(`${FILE} no longer has the line ${JSON.stringify(LABEL)}`);
	log(`dev server on a copy of the sample in ${dir} …`);
	const startedAt = performance.now();
	const dev = await startDevServer(dir);
	const search = await searchBrowser();
	const browser = await chromium.launch({ executablePath: search.found?.path ?? "", args: [...CHROMIUM_ARGS] });
	try {
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await page.goto(`${dev.url}flowcharts/b2b/`, { timeout: 300_000 });
		const firstView = await timeUntil(page, hasSvgText(page, "Inbound lead"), 300_000);
		const startup = performance.now() - startedAt;
		log(`first page view ready after ${(startup / 1000).toFixed(1)} s`);
		await sleep(3_000);

		const edits: number[] = [];
		for (let i = 1; i <= EDITS; i++) {
			const label = `Inbound lead ${i}`;
			await writeFile(file, original.replace(LABEL, `    label: ${label}\n`));
			const ms = await timeUntil(page, hasSvgText(page, label));
			edits.push(ms);
			log(`  edit ${i}: ${(ms / 1000).toFixed(2)} s`);
			await sleep(1_500);
		}
		log(`  idle ${IDLE_S} s (longer than the shared browser's idle close) …`);
		await sleep(IDLE_S * 1000);
		await writeFile(file, original.replace(LABEL, "    label: Inbound lead after idle\n"));
		const afterIdle = await timeUntil(page, hasSvgText(page, "Inbound lead after idle"));
		log(`  edit after idle: ${(afterIdle / 1000).toFixed(2)} s`);
		await sleep(1_500);
		await writeFile(file, original.replace("    next: prospecting\n", "    next: prospectin\n"));
		const toPanel = await timeUntil(page, hasPanel(page));
		log(`  typo to error panel: ${(toPanel / 1000).toFixed(2)} s`);
		await sleep(1_500);
		await writeFile(file, original.replace(LABEL, "    label: Inbound lead fixed\n"));
		const toFixed = await timeUntil(
			page,
			async () => !(await hasPanel(page)()) && (await hasSvgText(page, "Inbound lead fixed")()),
		);
		log(`  fix to page back: ${(toFixed / 1000).toFixed(2)} s`);
		const loadAfter = loadavg().map((n) => n.toFixed(1));
		const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
		const section = [
			"## Live preview: edit to update (`bench/dev.ts`)",
			"",
			`Command: \`npm run bench -- dev\` (${EDITS} edits). Machine: ${cpus()[0]?.model ?? "unknown"}, ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}; load average ${loadBefore.join(" ")} before, ${loadAfter.join(" ")} after (other work shared the machine).`,
			"`astro dev` on a copy of the sample project; the B2B page (13 steps, with live CRM numbers, so two diagrams) open",
			"in Chromium at 1366x768; each edit renames a step in `content/flowcharts/b2b.yaml` to a label never rendered",
			"before (a real render, no cache hit). Time: from the file write to the new label in an SVG of the open page,",
			"which the dev server reloads by itself.",
			"",
			"| | time |",
			"|---|---|",
			`| start \`astro dev\` to the first page view with its diagrams | ${s(startup)} (page ${s(firstView)}) |`,
			`| edit a step label → updated diagram in the page | ${stats(edits)} |`,
			`| same, after ${IDLE_S} s without edits | ${s(afterIdle)} |`,
			`| typo in a \`next:\` target → located error panel on the page | ${s(toPanel)} |`,
			`| fix it → panel gone, page and diagram back | ${s(toFixed)} |`,
			"",
			"Before this change (same page, measured by hand with a browser reload loop on the same machine at load ~20):",
			"2.6 s while Chromium happened to be open, 8.4 s once it had closed after 15 s idle (issue 8 saw 23–26 s), and",
			"a broken file made the page a 404 with only a count of errors in the terminal.",
		].join("\n");
		process.stdout.write(`${section}\n`);
		if (!args["no-write"]) await writeDocs(section);
	} finally {
		await browser.close();
		await dev.stop();
		await rm(dir, { recursive: true, force: true });
	}
}

const START = "<!-- bench/dev.ts:start -->";
const END = "<!-- bench/dev.ts:end -->";

async function writeDocs(section: string): Promise<void> {
	const docs = join(ROOT, "docs", "benchmarks.md");
	let doc = await readFile(docs, "utf8");
	const block = `${START}\n${section.trim()}\n${END}`;
	if (doc.includes(START) && doc.includes(END)) {
		doc = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
	} else doc = `${doc.trimEnd()}\n\n${block}\n`;
	await writeFile(docs, doc);
}

await main();
