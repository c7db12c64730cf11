import { describe, expect, it } from "vitest";
import { exportDrawioSvg } from "../../../src/lib/interchange/drawio-export.ts";
import { importDrawio } from "../../../src/lib/interchange/drawio-import.ts";
import { readDrawio } from "../../../src/lib/interchange/drawio-read.ts";
import { flowchartYaml } from "../../../src/lib/interchange/flowchart-yaml.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { type Flowchart, roleName, transitionsOf } from "../../../src/lib/schema/flowchart.ts";
import { validFlowcharts } from "./helpers.ts";

const samples = validFlowcharts().filter((f) => f.file.startsWith("content/") || f.id === "nasty-labels");

/** Steps by label with their type and where they lead (by label): ids differ after draw.io. */
function byLabel(fc: Flowchart) {
	const label = new Map(fc.steps.map((s) => [s.id, s.label]));
	return fc.steps
		.map((s) => ({
			label: s.label,
			type: s.type,
			next: transitionsOf(s).map((t) => [label.get(t.to), t.when ?? null]),
		}))
		.sort((a, b) => a.label.localeCompare(b.label));
}

describe("draw.io export (.drawio.svg)", () => {
	it.each(samples.map((f) => [f.file, f] as const))(
		"%s is an SVG that carries an editable draw.io file",
		async (_, fc) => {
			const svg = await exportDrawioSvg(fc);
			expect(svg).toMatch(/^<\?xml[^>]+>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
			const read = readDrawio(svg);
			expect(read.problems).toEqual([]);
			const lanes = read.cells.filter((c) => c.style.startsWith("swimlane") && c.parent === "pool");
			const used = [...new Set(fc.data.steps.map((s) => s.responsible).filter((r) => r !== undefined))];
			for (const role of used) expect(lanes.map((l) => l.value)).toContain(roleName(fc.data.roles[role], role));
			expect(read.cells.filter((c) => c.edge)).toHaveLength(fc.data.steps.flatMap(transitionsOf).length);
		},
	);

	it.each(samples.map((f) => [f.file, f] as const))("%s reads back through the draw.io import", async (_, fc) => {
		const result = await importDrawio("x.drawio.svg", await exportDrawioSvg(fc), fc.id);
		const loaded = loadFlowchartSource("x.yaml", flowchartYaml(result.data as never, "test"));
		expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		expect(byLabel(loaded.flowchart?.data as Flowchart)).toEqual(byLabel(fc.data));
	});

	it("escapes content text in the picture and in the embedded file", async () => {
		const nasty = samples.find((f) => f.id === "nasty-labels");
		const svg = await exportDrawioSvg(nasty as never);
		expect(svg).not.toMatch(/<img|<b>/);
	});
});
