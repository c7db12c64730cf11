import { describe, expect, it } from "vitest";
import { automationRows, automationsBySystem, stagesWithoutAutomations } from "../../src/lib/automations.ts";
import { loaded } from "./support/fixtures.ts";

const b2b = loaded("b2b", {
	title: "B2B",
	roles: {},
	steps: [
		{ id: "lead", type: "start", label: "Lead", next: "qualify" },
		{
			id: "qualify",
			label: "Qualify",
			next: "demo",
			automations: [
				{ trigger: "Call ends", action: "Log the call", system: "CRM workflow" },
				{ trigger: "Call booked", action: "Send the agenda", system: "Scheduling tool" },
			],
		},
		{ id: "demo", label: "Demo", next: "decide" },
		{
			id: "decide",
			type: "decision",
			label: "Fit?",
			next: [
				{ to: "won", when: "Yes" },
				{ to: "lost", when: "No" },
			],
		},
		{ id: "won", type: "end", outcome: "won", label: "Won" },
		{ id: "lost", type: "end", outcome: "lost", label: "Lost" },
	],
});
const renewal = loaded("renewal", {
	title: "Renewal",
	roles: {},
	steps: [
		{ id: "due", type: "start", label: "Due", next: "expand" },
		{
			id: "expand",
			label: "Expand",
			next: "done",
			automations: [{ trigger: "90 days before renewal", action: "Open a renewal task", system: " crm Workflow " }],
		},
		{ id: "done", type: "end", label: "Renewed" },
	],
});

describe("automations", () => {
	it("lists every automation in flowchart and step order", () => {
		expect(
			automationRows([b2b, renewal]).map((r) => `${r.flowchart}/${r.step}: ${r.trigger} → ${r.system}`),
		).toMatchInlineSnapshot(`
				[
				  "b2b/qualify: Call ends → CRM workflow",
				  "b2b/qualify: Call booked → Scheduling tool",
				  "renewal/expand: 90 days before renewal → crm Workflow",
				]
			`);
	});

	it("groups by system case-insensitively, sorted by name, keeping the first spelling", () => {
		const groups = automationsBySystem([b2b, renewal]);
		expect(groups.map((g) => [g.system, g.rows.length, g.flowcharts])).toEqual([
			["CRM workflow", 2, ["b2b", "renewal"]],
			["Scheduling tool", 1, ["b2b"]],
		]);
		expect(groups[0]?.rows.map((r) => r.stepLabel)).toEqual(["Qualify", "Expand"]);
	});

	it("lists stages without automations, leaving out starts, decisions, ends and fully covered flowcharts", () => {
		expect(stagesWithoutAutomations([b2b, renewal])).toEqual([
			{ flowchart: "b2b", flowchartTitle: "B2B", steps: [{ id: "demo", label: "Demo" }] },
		]);
	});

	it("returns nothing for flowcharts without automations", () => {
		const bare = loaded("bare", { title: "Bare", roles: {}, steps: [{ id: "s", type: "start", label: "S" }] });
		expect(automationsBySystem([bare])).toEqual([]);
		expect(stagesWithoutAutomations([bare])).toEqual([]);
	});
});
