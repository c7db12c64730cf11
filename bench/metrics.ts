/**
 * Streams a 1,000,000-row CRM export through ingest + compute and prints wall time and peak RSS.
 * Target: under 5 s and under 300 MB on the 2-core CI machine.
 *
 *   node_modules/.bin/node bench/metrics.ts [--rows 1000000]
 *
 * Generation runs in its own process first (it holds every row in memory), and the measurement in a
 * fresh process, so the RSS printed is ingest + compute only.
 */
// biome-ignore-all lint/style/noNonNullAssertion: argv lookups checked by the caller
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { findBottlenecks } from "../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../src/lib/metrics/compute.ts";
import { csvFilesIn, ingestCsv } from "../src/lib/metrics/ingest.ts";
import { parseMapping } from "../src/lib/metrics/mapping.ts";
import { FlowchartSchema } from "../src/lib/schema/flowchart.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const node = process.execPath;
const args = process.argv.slice(2);
const rowsWanted = Number(args[args.indexOf("--rows") + 1] ?? 1_000_000) || 1_000_000;
/** The generator writes about 5.2 rows per deal. */
const deals = Math.round(rowsWanted / 5.2);
const outDir = `bench/out/deals-${deals}`;

async function measure(): Promise<void> {
	const flowchart = FlowchartSchema.parse(parseYaml(readFileSync(`${root}tests/fixtures/metrics/b2b.yaml`, "utf8")));
	const mappingText = readFileSync(`${root}content/metrics/b2b/mapping.yaml`, "utf8");
	const { mapping } = parseMapping(mappingText, "content/metrics/b2b/mapping.yaml", flowchart);
	if (!mapping) throw new Error("sample mapping is invalid");
	const t0 = performance.now();
	const sources = await csvFilesIn(`${root}${outDir}`, outDir);
	const ingested = await ingestCsv(sources, mapping, flowchart);
	const t1 = performance.now();
	const metrics = computeMetrics(flowchart, ingested.store, { period: mapping.period });
	const bottlenecks = findBottlenecks(metrics);
	const t2 = performance.now();
	const rss = resourceUsage().maxRSS / 1024;
	console.log(
		JSON.stringify({
			rows: ingested.report.rows,
			deals: metrics.deals,
			ingestMs: Math.round(t1 - t0),
			computeMs: Math.round(t2 - t1),
			totalMs: Math.round(t2 - t0),
			peakRssMb: Math.round(rss),
			bottlenecks: bottlenecks.map((b) => b.step),
		}),
	);
}

if (args.includes("--measure")) {
	await measure();
} else {
	if (!existsSync(`${root}${outDir}/2026-h2.csv`)) {
		console.log(`Generating ${deals.toLocaleString("en-US")} deals into ${outDir} ...`);
		execFileSync(node, ["scripts/generate-metrics.ts", "--deals", String(deals), "--out", outDir], {
			cwd: root,
			stdio: "inherit",
		});
	}
	const startedAt = performance.now();
	const out = execFileSync(node, ["bench/metrics.ts", "--measure", "--rows", String(rowsWanted)], {
		cwd: root,
	}).toString();
	const wall = performance.now() - startedAt;
	const r = JSON.parse(out) as {
		rows: number;
		totalMs: number;
		ingestMs: number;
		computeMs: number;
		peakRssMb: number;
	};
	console.log(`rows:            ${r.rows.toLocaleString("en-US")}`);
	console.log(`ingest:          ${r.ingestMs} ms`);
	console.log(`compute:         ${r.computeMs} ms`);
	console.log(`ingest+compute:  ${r.totalMs} ms (target < 5000)`);
	console.log(`process wall:    ${Math.round(wall)} ms (includes Node start-up and module loading)`);
	console.log(`peak RSS:        ${r.peakRssMb} MB (target < 300)`);
	if (r.totalMs > 5000 || r.peakRssMb > 300) process.exitCode = 1;
}
