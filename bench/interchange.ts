/**
 * `node bench/interchange.ts [--runs 5]`: times BPMN export and import and the draw.io export (median of runs, in-process,
 * warm) for the sample flowcharts and a generated 500-step one, the largest the format allows.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exportBpmn } from "../src/lib/interchange/bpmn-export.ts";
import { importBpmn } from "../src/lib/interchange/bpmn-import.ts";
import { exportDrawioSvg } from "../src/lib/interchange/drawio-export.ts";
import { loadFlowchartSource } from "../src/lib/load/load-flowcharts.ts";
import type { LoadedFlowchart } from "../src/lib/schema/flowchart.ts";
import { syntheticFlowchart } from "./validate.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt === -1 ? 5 : Number(process.argv[runsAt + 1]);

function load(file: string, text: string): LoadedFlowchart {
	const fc = loadFlowchartSource(file, text).flowchart;
	if (!fc) throw new Error(`${file} does not load`);
	return fc;
}

async function median(task: () => Promise<unknown>): Promise<number> {
	await task();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await task();
		times.push(performance.now() - start);
	}
	return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

const cases = [
	load("content/flowcharts/b2b.yaml", readFileSync(`${root}content/flowcharts/b2b.yaml`, "utf8")),
	load("content/flowcharts/renewal.yaml", readFileSync(`${root}content/flowcharts/renewal.yaml`, "utf8")),
	load("bench/big500.yaml", syntheticFlowchart(1, 500)),
];
console.log("| Flowchart | Steps | BPMN size | BPMN export | BPMN import | .drawio.svg export |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const fc of cases) {
	const xml = await exportBpmn(fc);
	const out = await median(() => exportBpmn(fc));
	const back = await median(() => importBpmn("x.bpmn", xml, fc.id));
	const drawio = await median(() => exportDrawioSvg(fc));
	const kb = (xml.length / 1024).toFixed(0);
	const ms = (t: number) => `${t.toFixed(0)} ms`;
	console.log(`| ${fc.file} | ${fc.data.steps.length} | ${kb} KiB | ${ms(out)} | ${ms(back)} | ${ms(drawio)} |`);
}
