import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { importDrawio } from "../../../src/lib/interchange/drawio-import.ts";
import { flowchartYaml } from "../../../src/lib/interchange/flowchart-yaml.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { transitionsOf } from "../../../src/lib/schema/flowchart.ts";

const dir = "tests/fixtures/interchange";

async function importAndValidate(file: string) {
	const result = await importDrawio(file, readFileSync(file, "utf8"), "handoff");
	const loaded = loadFlowchartSource("content/flowcharts/handoff.yaml", flowchartYaml(result.data as never, "test"));
	return { result, loaded };
}

describe("draw.io import", () => {
	it.each(["handoff.drawio", "handoff-compressed.drawio", "handoff.drawio.svg"])(
		"%s: swimlanes are roles, shapes give step types, arrow labels conditions; passes validation",
		async (name) => {
			const { loaded } = await importAndValidate(`${dir}/${name}`);
			expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
			const data = loaded.flowchart?.data;
			expect(data?.title).toBe("Lead hand-off");
			expect(data?.roles).toEqual({ sdr: "SDR", "account-executive": "Account executive" });
			expect(data?.steps.map((s) => [s.id, s.type, s.responsible, s.outcome ?? null])).toEqual([
				["lead-arrives", "start", "sdr", null],
				["qualify-lead", "stage", "sdr", null],
				["sales-ready", "decision", "sdr", null],
				["discovery-call", "stage", "account-executive", null],
				["opportunity", "end", "account-executive", null],
				["lost", "end", "sdr", "lost"],
				["crm", "end", "sdr", null],
			]);
			const decision = data?.steps.find((s) => s.id === "sales-ready");
			expect(decision && transitionsOf(decision)).toEqual([
				{ to: "discovery-call", when: "yes" },
				{ to: "lost", when: "no" },
			]);
		},
	);

	it("reports what it left out or changed, at the cell's line and column", async () => {
		const { result } = await importAndValidate(`${dir}/handoff.drawio`);
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"tests/fixtures/interchange/handoff.drawio:36:9 warning: "CRM" has no arrow out, so it becomes an end
			  hint: Draw ends as terminators (a stadium or ellipse), named Won or Lost where that applies.
			tests/fixtures/interchange/handoff.drawio:36:9 warning: the cylinder3 shape "CRM" has no clear role in a sales process; it is imported as an ordinary step
			tests/fixtures/interchange/handoff.drawio:39:9 warning: the text "Check the lead score first" is left out: it is not connected to the process
			  hint: Put notes in a step's description.
			tests/fixtures/interchange/handoff.drawio:63:9 warning: an arrow not connected to a shape at both ends is left out
			  hint: Connect both ends of the arrow to shapes in draw.io."
		`);
	});

	it("points at the page of a compressed diagram, and reports extra pages", async () => {
		const { result } = await importAndValidate(`${dir}/handoff-compressed.drawio`);
		expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toContain(
			'1:1490 the page "Notes" is left out: one page becomes one flowchart',
		);
	});

	it("refuses an SVG without a diagram and broken XML, located", async () => {
		const svg = await importDrawio("plain.drawio.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n</svg>', "x");
		const broken = await importDrawio("broken.drawio", "<mxfile>\n  <diagram>\n</mxfile>", "x");
		expect([...svg.diagnostics, ...broken.diagnostics].map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"plain.drawio.svg:1:1 error: this SVG holds no draw.io diagram (no \`content\` attribute with an <mxfile>)
			broken.drawio:3:1 error: this is not readable XML: closing tag mismatch"
		`);
	});
});
