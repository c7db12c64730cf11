// Diagram size per layout engine for the sample flowcharts: node_modules/.bin/node bench/diagram-fit.ts
// Prints Mermaid's drawn size (16 px labels) and the scale at which it fits the 1366x768 box (11 px needs 0.6875).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadFlowchartSource } from "../src/lib/load/load-flowcharts.ts";
import { compileFlowchart } from "../src/lib/mermaid/compile.ts";
import { chooseLayout, FIT_BOX } from "../src/lib/mermaid/layout.ts";
import { createMermaidRenderer } from "../src/lib/render/renderer.ts";

const dir = join(import.meta.dirname, "../content/flowcharts");
const jobs: { id: string; source: string }[] = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
	const file = `content/flowcharts/${name}`;
	const { flowchart } = loadFlowchartSource(file, readFileSync(join(dir, name), "utf8"));
	if (!flowchart) continue;
	for (const engine of ["elk", "dagre"] as const) {
		const layout = { ...chooseLayout(flowchart.data), engine };
		jobs.push({ id: `${name} ${layout.direction} ${engine}`, source: compileFlowchart(flowchart, { layout }) });
	}
}
const renderer = createMermaidRenderer({ pages: 1 });
try {
	const started = performance.now();
	const results = await renderer.render(jobs);
	console.log(`${jobs.length} diagrams in ${(performance.now() - started).toFixed(0)} ms`);
	for (const result of results) {
		if (!("svg" in result)) throw new Error(`${result.id}: ${result.error.message}`);
		const [, w, h] = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(result.svg) ?? [];
		const scale = Math.min(1, FIT_BOX.width / Number(w), FIT_BOX.height / Number(h));
		console.log(
			`${result.id.padEnd(24)} ${Math.round(Number(w))} x ${Math.round(Number(h))} px, fits at ${scale.toFixed(3)}`,
		);
	}
} finally {
	await renderer.close();
}
