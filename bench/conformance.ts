/**
 * Conformance on top of ingest: a 1,000,000-row export whose deals wander off the playbook (stray
 * records after ~12% of stage entries give well over 10,000 distinct variants), checked against the sample
 * b2b flowchart, then replayed against a proposed flowchart as `npm run diff` does.
 * Targets: conformance under 10 s on top of ingest, peak RSS under 500 MB, on the 2-core machine.
 *
 *   node_modules/.bin/node bench/conformance.ts [--rows 1000000] [--noise 0.12]
 *
 * Generation runs in its own process first, and the measurement in a fresh one, so the RSS printed is
 * ingest + conformance only.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resourceUsage } from "node:process";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { analyseConformance } from "../src/lib/conformance/analyse.ts";
import { compareConformance } from "../src/lib/conformance/compare.ts";
import { conformanceModel } from "../src/lib/conformance/model.ts";
import { csvFilesIn, ingestCsv } from "../src/lib/metrics/ingest.ts";
import { parseMapping } from "../src/lib/metrics/mapping.ts";
import { type Flowchart, FlowchartSchema } from "../src/lib/schema/flowchart.ts";
import { benchArgs } from "./args.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const USAGE = "usage: npm run bench -- conformance [--rows 1000000] [--noise 0.12]";
const { values: args } = benchArgs(USAGE, {
	options: {
		rows: { type: "string", default: "1000000" },
		noise: { type: "string", default: "0.12" },
		measure: { type: "boolean", default: false },
	},
});
const rowsWanted = Number(args.rows) || 1_000_000;
const noise = Number(args.noise);
/** The generator writes about 5.2 rows per deal, plus the stray ones. */
const deals = Math.round(rowsWanted / (5.2 * (1 + noise)));
const outDir = `bench/out/conformance-${deals}-${noise}`;

/** The proposal a pull request might make: draw the rework loop from negotiation back to proposal. */
function proposed(fc: Flowchart): Flowchart {
	const steps = fc.steps.map((s) =>
		s.id === "negotiation"
			? { ...s, next: [{ to: "signed" }, { to: "proposal", when: "Buyer asks for a new offer" }] }
			: s,
	);
	return { ...fc, steps };
}

async function measure(): Promise<void> {
	const flowchart = FlowchartSchema.parse(parseYaml(readFileSync(`${root}content/flowcharts/b2b.yaml`, "utf8")));
	const mappingText = readFileSync(`${root}content/metrics/b2b/mapping.yaml`, "utf8");
	const { mapping } = parseMapping(mappingText, "content/metrics/b2b/mapping.yaml", flowchart);
	if (!mapping) throw new Error("sample mapping is invalid");
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	const ingested = await ingestCsv(await csvFilesIn(`${root}${outDir}`, outDir), mapping, flowchart);
	const t1 = performance.now();
	const report = analyseConformance(conformanceModel(flowchart), ingested.store);
	const t2 = performance.now();
	const cpu2 = process.cpuUsage(cpu0);
	const after = analyseConformance(conformanceModel(proposed(flowchart)), ingested.store);
	const change = compareConformance(report, after);
	const t3 = performance.now();
	console.log(
		JSON.stringify({
			rows: ingested.report.rows,
			deals: report.deals,
			variants: report.variants.length,
			rate: report.rate,
			rateAfter: after.rate,
			newlyConforming: change.newlyConforming,
			ingestMs: Math.round(t1 - t0),
			conformanceMs: Math.round(t2 - t1),
			// CPU time of ingest + conformance: what a busy machine's wall clock hides.
			cpuMs: Math.round((cpu2.user + cpu2.system) / 1000),
			replayMs: Math.round(t3 - t2),
			peakRssMb: Math.round(resourceUsage().maxRSS / 1024),
		}),
	);
}

if (args.measure) {
	await measure();
} else {
	if (!existsSync(`${root}${outDir}/2026-h2.csv`)) {
		console.log(`Generating ${deals.toLocaleString("en-US")} deals into ${outDir} ...`);
		execFileSync(
			process.execPath,
			["scripts/generate-metrics.ts", "--deals", String(deals), "--out", outDir, "--noise", String(noise)],
			{ cwd: root, stdio: "inherit" },
		);
	}
	const out = execFileSync(
		process.execPath,
		["bench/conformance.ts", "--measure", "--rows", String(rowsWanted), "--noise", String(noise)],
		{ cwd: root },
	).toString();
	const r = JSON.parse(out) as Record<string, number>;
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
	console.log(`rows:             ${r.rows?.toLocaleString("en-US")} (${r.deals?.toLocaleString("en-US")} deals)`);
	console.log(`variants:         ${r.variants?.toLocaleString("en-US")} (target >= 10,000)`);
	console.log(`ingest:           ${r.ingestMs} ms`);
	console.log(`conformance:      ${r.conformanceMs} ms (target < 10000)`);
	console.log(`CPU, both:        ${r.cpuMs} ms (ingest + conformance, this process)`);
	console.log(`diff replay:      ${r.replayMs} ms (conformance against the proposal + comparison)`);
	console.log(
		`conformance rate: ${pct(r.rate ?? 0)} → ${pct(r.rateAfter ?? 0)} with the proposal (${r.newlyConforming} deals more)`,
	);
	console.log(`peak RSS:         ${r.peakRssMb} MB (target < 500)`);
	if ((r.conformanceMs ?? 0) > 10_000 || (r.peakRssMb ?? 0) > 500 || (r.variants ?? 0) < 10_000) process.exitCode = 1;
}
