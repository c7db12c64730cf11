import { describe, expect, test } from "vitest";
import { formatChange } from "../../../src/i18n/changes.ts";
import { type ChangeKind, diffFlowcharts } from "../../../src/lib/diff/semantic-diff.ts";
import { flowchartFixture } from "../support/fixtures.ts";

const fixture = (name: string) => flowchartFixture(`diff/${name}`);

const texts = (before: string | undefined, after: string | undefined) =>
	diffFlowcharts(before ? fixture(before) : undefined, after ? fixture(after) : undefined).map(
		(c) => `${c.kind}${c.stepId ? ` [${c.stepId}]` : ""}: ${formatChange("en", c.message)}`,
	);

describe("diffFlowcharts", () => {
	test("identical versions have no changes", () => {
		expect(diffFlowcharts(fixture("process/before.yaml"), fixture("process/before.yaml"))).toEqual([]);
		expect(diffFlowcharts(undefined, undefined)).toEqual([]);
	});

	test("a flowchart added or removed", () => {
		expect(texts(undefined, "routing/after.yaml")).toMatchInlineSnapshot(`
			[
			  "flowchart-added: Flowchart added: "Routing" (8 steps)",
			]
		`);
		expect(texts("routing/before.yaml", undefined)).toMatchInlineSnapshot(`
			[
			  "flowchart-removed: Flowchart removed: "Routing"",
			]
		`);
	});

	test("flowchart, role and step changes, in words with role names", () => {
		expect(texts("process/before.yaml", "process/after.yaml")).toMatchInlineSnapshot(`
			[
			  "title-changed: Title changed from "Small deals" to "Small-deal sales"",
			  "owner-changed: Owner changed from Sales operations to Head of sales",
			  "cadence-changed: Review cadence changed from 6 months to 1 year",
			  "role-renamed: Role renamed from Sales operations to Sales ops",
			  "role-added: Role added: Head of sales",
			  "role-removed: Role removed: Legal",
			  "label-changed [lead]: Step "New lead" renamed to "Inbound lead"",
			  "type-changed [prospecting]: Prospecting: type changed from stage to decision",
			  "responsibility-changed [prospecting]: Prospecting: responsible changed from Sales development representative to Account executive",
			  "responsibility-changed [prospecting]: Prospecting: accountable Sales manager removed",
			  "consulted-added [prospecting]: Prospecting: Sales manager added to consulted",
			  "informed-removed [prospecting]: Prospecting: Sales operations removed from informed",
			  "description-changed [prospecting]: Prospecting: description changed from "Find prospects." to "Find prospects that fit the profile."",
			  "tasks-changed [prospecting]: Prospecting: task added: "Call the lead"",
			  "tasks-changed [prospecting]: Prospecting: task removed: "Research the account"",
			  "criteria-changed [prospecting]: Prospecting: entry criteria changed from "A lead exists." to "A lead exists in the CRM."",
			  "metric-changed [prospecting]: Prospecting: target conversion changed from 40% to 35%",
			  "metric-changed [prospecting]: Prospecting: max days in step changed from 14 to 10",
			  "automation-added [prospecting]: Prospecting: automation added: Stop the sequence when Prospect replies (CRM sequence)",
			  "automation-removed [prospecting]: Prospecting: automation removed: Send follow-up email when No reply after 3 days (CRM sequence)",
			  "responsibility-changed [negotiation]: Negotiation: accountable changed from Sales manager to Head of sales",
			  "consulted-removed [negotiation]: Negotiation: Legal removed from consulted",
			  "tasks-changed [negotiation]: Negotiation: tasks reordered",
			  "step-added [security]: Step added: "Security review" (stage, responsible: Sales ops)",
			  "outcome-changed [won]: Won: outcome changed from won to other",
			  "step-removed [demo]: Step removed: "Demo"",
			]
		`);
	});

	test("transitions added, removed, re-routed and conditions reworded", () => {
		expect(texts("routing/before.yaml", "routing/after.yaml")).toMatchInlineSnapshot(`
			[
			  "transition-rerouted [discovery]: Discovery: now leads to Presentation instead of Qualified (BANT)?",
			  "condition-changed [qualified]: Qualified (BANT)?: condition of the branch to Presentation changed from "Yes" to "Budget confirmed"",
			  "transition-rerouted [qualified]: Qualified (BANT)?: the "No" branch now leads to Disqualified instead of Nurture",
			  "transition-added [qualified]: Qualified (BANT)?: now also leads to Done when "Existing customer"",
			  "transition-removed [qualified]: Qualified (BANT)?: no longer leads to Lost ("Spam")",
			  "condition-changed [presentation]: Presentation: condition "Proposal accepted" added to the branch to Done",
			  "condition-changed [nurture]: Nurture: condition "Re-engaged" added to the branch to Discovery",
			]
		`);
	});

	test("the reverse diff reads the other way round", () => {
		expect(texts("routing/after.yaml", "routing/before.yaml")).toMatchInlineSnapshot(`
			[
			  "transition-rerouted [discovery]: Discovery: now leads to Qualified (BANT)? instead of Presentation",
			  "condition-changed [qualified]: Qualified (BANT)?: condition of the branch to Presentation changed from "Budget confirmed" to "Yes"",
			  "transition-rerouted [qualified]: Qualified (BANT)?: the "No" branch now leads to Nurture instead of Disqualified",
			  "transition-added [qualified]: Qualified (BANT)?: now also leads to Lost when "Spam"",
			  "transition-removed [qualified]: Qualified (BANT)?: no longer leads to Done ("Existing customer")",
			  "condition-changed [presentation]: Presentation: condition "Proposal accepted" removed from the branch to Done",
			  "condition-changed [nurture]: Nurture: condition "Re-engaged" removed from the branch to Discovery",
			]
		`);
	});

	test("covers every kind of change", () => {
		const kinds = new Set(
			[
				...diffFlowcharts(fixture("process/before.yaml"), fixture("process/after.yaml")),
				...diffFlowcharts(fixture("routing/before.yaml"), fixture("routing/after.yaml")),
				...diffFlowcharts(fixture("routing/after.yaml"), fixture("routing/before.yaml")),
				...diffFlowcharts(undefined, fixture("routing/after.yaml")),
				...diffFlowcharts(fixture("routing/after.yaml"), undefined),
			].map((c) => c.kind),
		);
		const all: ChangeKind[] = [
			"flowchart-added",
			"flowchart-removed",
			"title-changed",
			"owner-changed",
			"cadence-changed",
			"role-added",
			"role-removed",
			"role-renamed",
			"step-added",
			"step-removed",
			"label-changed",
			"type-changed",
			"outcome-changed",
			"transition-added",
			"transition-removed",
			"transition-rerouted",
			"condition-changed",
			"responsibility-changed",
			"consulted-added",
			"consulted-removed",
			"informed-removed",
			"description-changed",
			"tasks-changed",
			"criteria-changed",
			"metric-changed",
			"automation-added",
			"automation-removed",
		];
		expect(all.filter((k) => !kinds.has(k))).toEqual([]);
	});

	test("a percentage written differently is not a change; a role's name is used, not its id", () => {
		const before = fixture("process/before.yaml");
		const after = structuredClone(before);
		const step = after.steps[1];
		if (!step?.metrics) throw new Error("fixture changed");
		step.metrics.target_conversion = 0.4;
		step.informed = ["ops", "sdr"];
		expect(diffFlowcharts(before, after)).toMatchInlineSnapshot(`
			[
			  {
			    "kind": "informed-added",
			    "message": {
			      "key": "involved-added",
			      "list": "informed",
			      "role": "Sales development representative",
			      "step": "Prospecting",
			    },
			    "stepId": "prospecting",
			  },
			]
		`);
	});

	test("summary and role details", () => {
		const before = fixture("process/before.yaml");
		const after = structuredClone(before);
		after.summary = undefined;
		after.roles.ae = { name: "Account executive", email: "ae@example.com" };
		expect(
			diffFlowcharts(before, after).map((c) => `${c.kind}: ${formatChange("en", c.message)}`),
		).toMatchInlineSnapshot(`
			[
			  "summary-changed: Summary removed",
			  "role-changed: Role Account executive: description or contact changed",
			]
		`);
	});

	test("long texts are said to have changed, with only the new text quoted", () => {
		const before = fixture("process/before.yaml");
		const after = structuredClone(before);
		const step = after.steps[1];
		if (!step) throw new Error("fixture changed");
		step.description = "A much longer description. ".repeat(8).trim();
		step.exit = undefined;
		expect(diffFlowcharts(before, after).map((c) => formatChange("en", c.message))).toMatchInlineSnapshot(`
			[
			  "Prospecting: description changed to "A much longer description. A much longer description. A much longer description. A much longer description. A much longer description. A much longer description. A much longer description. A much longer description."",
			  "Prospecting: exit criteria removed",
			]
		`);
	});
});
