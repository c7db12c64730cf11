import { describe, expect, it } from "vitest";
import { loadFixture, report } from "../load/helpers.ts";

/** Each fixture breaks one rule; the snapshot is what the author sees. */
const codes = (name: string) => loadFixture(name).diagnostics.map((d) => `${d.severity} ${d.code}`);

describe("duplicate-step.yaml", () => {
	it("points at the second definition", () => {
		expect(codes("duplicate-step.yaml")).toEqual(["error duplicate-step"]);
		expect(report("duplicate-step.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/duplicate-step.yaml:12:9 error: step "won" is defined twice (also step #2)
			  hint: Step ids must be unique within a flowchart: rename one of them and update the \`next\` entries that point to it.
			"
		`);
	});
});

describe("unknown-step.yaml", () => {
	it("points at the reference and suggests the closest id", () => {
		expect(report("unknown-step.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/unknown-step.yaml:13:13 error: step "prospecting": next → unknown step "qualifed" (did you mean "qualified"?)
			  hint: Defined steps: lead, prospecting, qualified, won.
			tests/fixtures/flowcharts/unknown-step.yaml:15:13 error: step "prospecting": next → unknown step "nowhere-near"
			  hint: Defined steps: lead, prospecting, qualified, won.
			"
		`);
	});
});

describe("unknown-role.yaml", () => {
	it("checks owner and every RACI field, listing the defined roles", () => {
		expect(report("unknown-role.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/unknown-role.yaml:2:8 error: owner → unknown role "head"
			  hint: Defined roles: ae, sdr. Add the role under \`roles:\` or use one of these ids.
			tests/fixtures/flowcharts/unknown-role.yaml:13:18 error: step "prospecting": responsible → unknown role "sdrr" (did you mean "sdr"?)
			  hint: Defined roles: ae, sdr. Add the role under \`roles:\` or use one of these ids.
			tests/fixtures/flowcharts/unknown-role.yaml:15:21 error: step "prospecting": consulted → unknown role "marketing"
			  hint: Defined roles: ae, sdr. Add the role under \`roles:\` or use one of these ids.
			tests/fixtures/flowcharts/unknown-role.yaml:16:16 error: step "prospecting": informed → unknown role "sales-ops"
			  hint: Defined roles: ae, sdr. Add the role under \`roles:\` or use one of these ids.
			"
		`);
	});
});

describe("no-start.yaml / no-end.yaml", () => {
	it("requires a start and an end", () => {
		expect(report("no-start.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/no-start.yaml:4:1 error: the flowchart has no start step
			  hint: Mark where deals enter the process with \`type: start\` (several start steps are allowed).
			"
		`);
		expect(report("no-end.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/no-end.yaml:4:1 error: the flowchart has no end step
			  hint: Mark where the process finishes with \`type: end\` and an \`outcome\` (won, lost or other).
			"
		`);
	});
});

describe("unreachable.yaml", () => {
	it("warns about steps no start leads to", () => {
		expect(codes("unreachable.yaml")).toEqual(["warning unreachable"]);
		expect(report("unreachable.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/unreachable.yaml:9:9 warning: step "orphan" cannot be reached from any start step
			  hint: Add \`next: orphan\` to the step that should lead here, or remove the step.
			"
		`);
	});
});

describe("dead-end.yaml", () => {
	it("rejects non-end steps without a way out, including `next: []`", () => {
		expect(report("dead-end.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/dead-end.yaml:12:5 error: step "demo": this stage leads nowhere (no \`next\`)
			  hint: Add \`next: <step id>\`, or make it \`type: end\` with an \`outcome\` if the process stops here.
			tests/fixtures/flowcharts/dead-end.yaml:18:11 error: step "review": this decision leads nowhere (no \`next\`)
			  hint: Add \`next: <step id>\`, or make it \`type: end\` with an \`outcome\` if the process stops here.
			"
		`);
	});
});

describe("end-has-next.yaml", () => {
	it("rejects an end step with next", () => {
		expect(report("end-has-next.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/end-has-next.yaml:13:5 error: step "won": an end step cannot lead anywhere, but it has \`next\`
			  hint: Remove \`next\`, or change the type to \`stage\` if the process goes on from here.
			tests/fixtures/flowcharts/end-has-next.yaml:13:11 warning: step "won": next → "lead", which is a start step
			  hint: Start steps mark where deals enter; point this transition at the stage after "lead", or make "lead" a stage.
			"
		`);
	});
});

describe("decision-branches.yaml", () => {
	it("needs two branches, each with a condition", () => {
		expect(report("decision-branches.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/decision-branches.yaml:12:11 error: step "qualified": a decision needs at least two branches, found 1
			  hint: List each way out under \`next:\` as \`- to: <step id>\` with \`when: <condition>\`, or make the step a \`stage\`.
			tests/fixtures/flowcharts/decision-branches.yaml:19:9 error: step "budget": the branch to "lost" has no \`when\` condition
			  hint: Add \`when: <condition>\` so readers know which way to go, e.g. \`when: budget confirmed\`.
			"
		`);
	});
});

describe("metric-range.yaml", () => {
	it("checks conversion targets and max_days", () => {
		expect(report("metric-range.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/metric-range.yaml:13:26 error: step "prospecting": \`target_conversion\` must be between 0 and 1, got 40
			  hint: Write a percentage in quotes, "40%", or a fraction, 0.4.
			tests/fixtures/flowcharts/metric-range.yaml:14:17 error: step "prospecting": \`max_days\` must be a positive number of days, got 0
			  hint: Write how many days a deal may stay in this step before it counts as stalled, e.g. \`max_days: 14\`.
			tests/fixtures/flowcharts/metric-range.yaml:20:26 error: step "demo": \`target_conversion\` must be at most 100%, got "140%"
			  hint: A conversion target is the share of deals that move on: between 0% and 100%.
			tests/fixtures/flowcharts/metric-range.yaml:21:17 error: step "demo": \`max_days\` must be a positive number of days, got -3
			  hint: Write how many days a deal may stay in this step before it counts as stalled, e.g. \`max_days: 14\`.
			"
		`);
	});
});

describe("start-has-inbound.yaml", () => {
	it("warns, but still loads", () => {
		expect(loadFixture("start-has-inbound.yaml").flowchart).toBeDefined();
		expect(report("start-has-inbound.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/start-has-inbound.yaml:13:13 warning: step "nurture": next → "lead", which is a start step
			  hint: Start steps mark where deals enter; point this transition at the stage after "lead", or make "lead" a stage.
			"
		`);
	});
});

describe("no-responsible.yaml", () => {
	it("warns about the RACI gap", () => {
		expect(report("no-responsible.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/no-responsible.yaml:9:9 warning: step "prospecting": no \`responsible\` role, so the RACI table has a gap
			  hint: Add \`responsible: <role id>\`: the role that does the work in this stage.
			"
		`);
	});
});

describe("outcome-not-end.yaml", () => {
	it("warns about an outcome on a stage", () => {
		expect(report("outcome-not-end.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/outcome-not-end.yaml:12:14 warning: step "signed": \`outcome\` only counts on end steps, but this is a stage
			  hint: Remove \`outcome\`, or make the step \`type: end\`.
			"
		`);
	});
});

describe("loops.yaml", () => {
	it("accepts loops, self-loops and several starts", () => {
		const { flowchart, diagnostics } = loadFixture("loops.yaml");
		expect(diagnostics).toEqual([]);
		expect(flowchart?.data.steps.filter((s) => s.type === "start")).toHaveLength(2);
	});
});

describe("valid.yaml", () => {
	it("passes every rule", () => {
		expect(loadFixture("valid.yaml").diagnostics).toEqual([]);
	});
});

describe("many-errors.yaml", () => {
	it("reports every problem in the file in one run, in source order", () => {
		expect(loadFixture("many-errors.yaml").flowchart).toBeUndefined();
		expect(report("many-errors.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/many-errors.yaml:4:1 error: the flowchart has no start step
			  hint: Mark where deals enter the process with \`type: start\` (several start steps are allowed).
			tests/fixtures/flowcharts/many-errors.yaml:7:18 error: step "prospecting": responsible → unknown role "sdr"
			  hint: Defined roles: ae. Add the role under \`roles:\` or use one of these ids.
			tests/fixtures/flowcharts/many-errors.yaml:9:13 error: step "prospecting": next → unknown step "qualifed" (did you mean "qualified"?)
			  hint: Defined steps: prospecting, qualified, closing, won.
			tests/fixtures/flowcharts/many-errors.yaml:15:11 error: step "qualified": a decision needs at least two branches, found 1
			  hint: List each way out under \`next:\` as \`- to: <step id>\` with \`when: <condition>\`, or make the step a \`stage\`.
			tests/fixtures/flowcharts/many-errors.yaml:16:5 error: step "closing": this stage leads nowhere (no \`next\`)
			  hint: Add \`next: <step id>\`, or make it \`type: end\` with an \`outcome\` if the process stops here.
			tests/fixtures/flowcharts/many-errors.yaml:20:17 error: step "closing": \`max_days\` must be a positive number of days, got 0
			  hint: Write how many days a deal may stay in this step before it counts as stalled, e.g. \`max_days: 14\`.
			tests/fixtures/flowcharts/many-errors.yaml:24:5 error: step "won": an end step cannot lead anywhere, but it has \`next\`
			  hint: Remove \`next\`, or change the type to \`stage\` if the process goes on from here.
			"
		`);
	});
});
