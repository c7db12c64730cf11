import { describe, expect, it } from "vitest";
import { raciMatrix, roleSteps } from "../../src/lib/raci.ts";
import { type FlowchartInput, FlowchartSchema, type LoadedFlowchart } from "../../src/lib/schema/flowchart.ts";

function flowchart(input: FlowchartInput) {
	return FlowchartSchema.parse(input);
}

const b2b = flowchart({
	title: "B2B",
	roles: { sdr: "SDR", ae: { name: "Account executive" }, mgr: "Sales manager" },
	steps: [
		{ id: "start", type: "start", label: "New lead", next: "qualify" },
		{ id: "qualify", label: "Qualify", responsible: "sdr", accountable: "mgr", informed: ["ae"], next: "fit" },
		{ id: "fit", type: "decision", label: "Fit?", next: [{ to: "demo", when: "yes" }] },
		{ id: "demo", label: "Demo", responsible: "ae", accountable: "ae", consulted: ["sdr", "sdr"], next: "check" },
		{ id: "check", type: "decision", label: "Approved?", accountable: "mgr", next: [{ to: "won", when: "yes" }] },
		{ id: "idle", label: "Unowned stage" },
		{ id: "won", type: "end", outcome: "won", label: "Won", informed: ["mgr", "cfo"] },
		{ id: "lost", type: "end", outcome: "lost", label: "Lost" },
	],
});

describe("raciMatrix", () => {
	it("lists roles as declared, then undeclared ones", () => {
		expect(raciMatrix(b2b).roles).toEqual([
			{ id: "sdr", name: "SDR" },
			{ id: "ae", name: "Account executive" },
			{ id: "mgr", name: "Sales manager" },
			{ id: "cfo", name: "cfo" },
		]);
	});

	it("keeps stages, and decisions, starts and ends only with a letter", () => {
		expect(raciMatrix(b2b).rows.map((r) => `${r.type}:${r.stepId}`)).toEqual([
			"stage:qualify",
			"stage:demo",
			"decision:check",
			"stage:idle",
			"end:won",
		]);
	});

	it("fills cells in R, A, C, I order without duplicates", () => {
		const rows = raciMatrix(b2b).rows;
		expect(rows[0]?.cells).toEqual({ sdr: ["R"], ae: ["I"], mgr: ["A"], cfo: [] });
		expect(rows[1]?.cells).toEqual({ sdr: ["C"], ae: ["R", "A"], mgr: [], cfo: [] });
		expect(rows[3]?.cells).toEqual({ sdr: [], ae: [], mgr: [], cfo: [] });
		expect(rows[4]).toEqual({
			stepId: "won",
			label: "Won",
			type: "end",
			cells: { sdr: [], ae: [], mgr: ["I"], cfo: ["I"] },
		});
	});
});

describe("roleSteps", () => {
	const loaded: LoadedFlowchart[] = [
		{ id: "b2b", file: "content/flowcharts/b2b.yaml", data: b2b },
		{
			id: "renewal",
			file: "content/flowcharts/renewal.yaml",
			data: flowchart({
				title: "Renewal",
				roles: { am: "AM" },
				steps: [{ id: "call", label: "Call", responsible: "am" }],
			}),
		},
		{
			id: "upsell",
			file: "content/flowcharts/upsell.yaml",
			data: flowchart({
				title: "Upsell",
				roles: { mgr: "Manager" },
				steps: [{ id: "approve", type: "decision", label: "Approve", responsible: "mgr" }],
			}),
		},
	];

	it("groups a role's steps by flowchart and letter", () => {
		expect(roleSteps(loaded, "mgr")).toEqual([
			{
				flowchartId: "b2b",
				title: "B2B",
				file: "content/flowcharts/b2b.yaml",
				steps: {
					R: [],
					A: [
						{ stepId: "qualify", label: "Qualify", type: "stage" },
						{ stepId: "check", label: "Approved?", type: "decision" },
					],
					C: [],
					I: [{ stepId: "won", label: "Won", type: "end" }],
				},
			},
			{
				flowchartId: "upsell",
				title: "Upsell",
				file: "content/flowcharts/upsell.yaml",
				steps: { R: [{ stepId: "approve", label: "Approve", type: "decision" }], A: [], C: [], I: [] },
			},
		]);
	});

	it("lists a step under every letter the role has", () => {
		const [b2bSteps] = roleSteps(loaded, "ae");
		expect(b2bSteps?.steps.R.map((s) => s.stepId)).toEqual(["demo"]);
		expect(b2bSteps?.steps.A.map((s) => s.stepId)).toEqual(["demo"]);
		expect(b2bSteps?.steps.I.map((s) => s.stepId)).toEqual(["qualify"]);
	});

	it("is empty for a role without steps", () => {
		expect(roleSteps(loaded, "nobody")).toEqual([]);
	});
});
