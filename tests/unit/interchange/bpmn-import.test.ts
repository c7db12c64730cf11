import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { exportBpmn } from "../../../src/lib/interchange/bpmn-export.ts";
import { importBpmn } from "../../../src/lib/interchange/bpmn-import.ts";
import { flowchartYaml } from "../../../src/lib/interchange/flowchart-yaml.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { type LoadedFlowchart, transitionsOf } from "../../../src/lib/schema/flowchart.ts";
import { validFlowcharts } from "./helpers.ts";

/** Imports BPMN and runs the project's validation on the YAML the import would write. */
async function importAndValidate(file: string, xml: string) {
	const result = await importBpmn(file, xml, "imported");
	const yaml = flowchartYaml(result.data as never, "test");
	const loaded = loadFlowchartSource(`content/flowcharts/${result.id}.yaml`, yaml);
	return { result, loaded };
}

const shape = (fc: LoadedFlowchart["data"]) =>
	fc.steps.map((s) => ({
		id: s.id,
		type: s.type,
		label: s.label,
		responsible: s.responsible,
		next: transitionsOf(s),
	}));

describe("BPMN round trip: YAML → BPMN → YAML", () => {
	it.each(validFlowcharts().map((f) => [f.file, f] as const))("%s comes back the same", async (_, fc) => {
		const { result, loaded } = await importAndValidate(`${fc.id}.bpmn`, await exportBpmn(fc));
		expect(result.diagnostics).toEqual([]);
		expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		expect(result.id).toBe(fc.id);
		expect(shape(loaded.flowchart?.data as never)).toEqual(shape(fc.data));
		expect(loaded.flowchart?.data.roles).toEqual(fc.data.roles);
		// Everything else too: RACI, targets, automations, tasks, criteria, outcome, review log.
		const { $schema: _a, ...original } = fc.data;
		expect(loaded.flowchart?.data).toEqual(original);
	});
});

/** A Camunda expression, kept as written: the YAML shows it on the arrow. */
const camundaCondition = ["$", "{fit == true}"].join("");

describe("BPMN import from another modeler", () => {
	const file = "tests/fixtures/interchange/camunda-inbound.bpmn";
	const xml = readFileSync(file, "utf8");

	it("turns lanes into roles, tasks into stages, gateways into decisions, and passes validation", async () => {
		const { result, loaded } = await importAndValidate(file, xml);
		expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		const data = loaded.flowchart?.data;
		expect(data?.title).toBe("Inbound lead handling");
		expect(data?.summary).toBe("How a web lead becomes a deal.");
		expect(data?.roles).toEqual({
			"sales-development-rep": "Sales development rep",
			"account-executive": "Account executive",
		});
		expect(data?.steps.map((s) => [s.id, s.type, s.responsible, s.outcome])).toEqual([
			["web-form-submitted", "start", "sales-development-rep", undefined],
			["qualify-lead", "stage", "sales-development-rep", undefined],
			["good-fit", "decision", "sales-development-rep", undefined],
			["gateway_split", "decision", "account-executive", undefined],
			["product-demo", "stage", "account-executive", undefined],
			["security-review", "stage", "account-executive", undefined],
			["send-quote", "stage", "account-executive", undefined],
			["deal-won", "end", "account-executive", "won"],
			["deal-lost", "end", "sales-development-rep", "lost"],
		]);
		const fit = data?.steps.find((s) => s.id === "good-fit");
		expect(fit?.next).toEqual([
			{ to: "gateway_split", when: camundaCondition },
			{ to: "deal-lost", when: "Otherwise" },
		]);
		expect(data?.steps.find((s) => s.id === "product-demo")?.next).toBe("send-quote");
		expect(result.id).toBe("imported");
	});

	it("reports every construct it could not carry over, at its line and column", async () => {
		const { result } = await importAndValidate(file, xml);
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"tests/fixtures/interchange/camunda-inbound.bpmn:6:5 warning: the message flow "Quote" is left out: a flowchart has one pool and no messages
			  hint: Mention the message in the description of the step that sends or waits for it.
			tests/fixtures/interchange/camunda-inbound.bpmn:45:5 warning: the branch from "Good fit?" to "Deal lost" has no name or condition
			  hint: It was labelled "Otherwise"; rename it in the YAML if a clearer condition applies.
			tests/fixtures/interchange/camunda-inbound.bpmn:46:5 warning: the parallel gateway "Gateway_Split" is imported as a decision: a flowchart follows one branch at a time
			  hint: Check the branches: if they all happen, make them stages one after the other.
			tests/fixtures/interchange/camunda-inbound.bpmn:51:5 warning: the branch from "Gateway_Split" to "Product demo" has no name or condition
			  hint: It was labelled "Product demo"; rename it in the YAML if a clearer condition applies.
			tests/fixtures/interchange/camunda-inbound.bpmn:52:5 warning: the branch from "Gateway_Split" to "Security review" has no name or condition
			  hint: It was labelled "Security review"; rename it in the YAML if a clearer condition applies.
			tests/fixtures/interchange/camunda-inbound.bpmn:57:5 warning: the sub-process "Security review" is imported as one stage; the steps inside it are left out
			  hint: Import the sub-process as a flowchart of its own if its steps matter.
			tests/fixtures/interchange/camunda-inbound.bpmn:62:5 warning: the parallel gateway "Gateway_Join" only joins arrows, so it is left out and its arrows lead straight on
			tests/fixtures/interchange/camunda-inbound.bpmn:75:5 warning: the boundary event "No answer in 30 days" is left out, with the arrows leaving it
			  hint: Describe the exception in the step's description, or model it as a decision after the step.
			tests/fixtures/interchange/camunda-inbound.bpmn:87:5 warning: the data object reference "Lead form" is left out: a flowchart has no place for it
			tests/fixtures/interchange/camunda-inbound.bpmn:88:5 warning: the data object "DataObject_Form" is left out: a flowchart has no place for it
			tests/fixtures/interchange/camunda-inbound.bpmn:89:5 warning: the text annotation "TextAnnotation_1" is left out: a flowchart has no place for it"
		`);
	});

	it("gives a located error for XML that does not parse", async () => {
		const broken = "tests/fixtures/interchange/broken.bpmn";
		const result = await importBpmn(broken, readFileSync(broken, "utf8"), "broken");
		expect(result.data).toBeUndefined();
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"tests/fixtures/interchange/broken.bpmn:5:3 error: this is not readable BPMN 2.0 XML: unparsable content </bpmn:process> detected (closing tag mismatch)
			  hint: Export the diagram from your modeler as BPMN 2.0 XML (.bpmn) and try again."
		`);
	});
});
