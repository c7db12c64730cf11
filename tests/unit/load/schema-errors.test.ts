import { describe, expect, it } from "vitest";
import { loadFixture, report } from "./helpers.ts";

describe("unknown-key.yaml", () => {
	it("points at each unknown key with a suggestion and the allowed keys", () => {
		expect(loadFixture("unknown-key.yaml").flowchart).toBeUndefined();
		expect(report("unknown-key.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/unknown-key.yaml:5:5 error: role "ae": unknown key \`mail\` (did you mean \`email\`?)
			  hint: Allowed keys here: name, description, email.
			tests/fixtures/flowcharts/unknown-key.yaml:7:5 error: step "prospecting": missing required field \`label\`
			  hint: Add \`label: …\` (short label shown in the diagram).
			tests/fixtures/flowcharts/unknown-key.yaml:9:5 error: step "prospecting": unknown key \`lable\` (did you mean \`label\`?)
			  hint: Allowed keys here: id, type, label, outcome, description, responsible, accountable, consulted, informed, tasks, entry, exit, metrics, automations, next.
			tests/fixtures/flowcharts/unknown-key.yaml:12:7 error: step "prospecting": unknown key \`max_day\` in \`metrics\` (did you mean \`max_days\`?)
			  hint: Allowed keys here: target_conversion, max_days.
			tests/fixtures/flowcharts/unknown-key.yaml:15:9 error: step "prospecting": unknown key \`wen\` in \`next[0]\` (did you mean \`when\`?)
			  hint: Allowed keys here: to, when.
			tests/fixtures/flowcharts/unknown-key.yaml:19:1 error: unknown key \`colour\` at the top level
			  hint: Allowed keys here: $schema, title, summary, owner, direction, layout, order, roles, steps, review, conformance, crm.
			"
		`);
	});
});

describe("wrong-type.yaml", () => {
	it("says what type was expected and quotes what was written", () => {
		expect(report("wrong-type.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/wrong-type.yaml:4:8 error: role "sdr" must be a display name or a mapping with \`name\`, \`description\` and \`email\`, got the number 42
			  hint: Write \`ae: Account executive\`, or \`name:\` and \`email:\` indented under the role id.
			tests/fixtures/flowcharts/wrong-type.yaml:8:12 error: step "lead": \`label\` must be text, got the number 42
			  hint: Put the value in quotes, e.g. \`label: "42"\`.
			tests/fixtures/flowcharts/wrong-type.yaml:10:12 error: step "lead": \`tasks\` must be a list, got the text "Call the lead"
			  hint: Write a list: one \`- item\` per line under \`tasks:\`.
			tests/fixtures/flowcharts/wrong-type.yaml:12:9 warning: step "prospecting" cannot be reached from any start step
			  hint: Add \`next: prospecting\` to the step that should lead here, or remove the step.
			tests/fixtures/flowcharts/wrong-type.yaml:16:17 error: step "prospecting": \`max_days\` must be a number, got the text "two weeks"
			  hint: Write a plain number without quotes or units, e.g. \`max_days: 14\`.
			tests/fixtures/flowcharts/wrong-type.yaml:17:26 error: step "prospecting": \`target_conversion\` must be a percentage such as '40%', got the text "lots"
			  hint: Share of deals entering this step that should move on, e.g. '40%'.
			tests/fixtures/flowcharts/wrong-type.yaml:18:11 error: step "prospecting": \`next\` must be a step id or a list of {to, when} transitions, got the number 7
			  hint: Write \`next: <step id>\`, or a list of \`- to: <step id>\` entries, each with an optional \`when: <condition>\`.
			tests/fixtures/flowcharts/wrong-type.yaml:21:11 error: step "won": \`label\` must be text, got an empty value
			  hint: Write the value after \`label:\` on the same line, or remove the line.
			"
		`);
	});
});

describe("bad-enum.yaml", () => {
	it("lists the allowed values", () => {
		expect(report("bad-enum.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/bad-enum.yaml:2:12 error: \`direction\` must be one of LR, TB; got the text "left-right"
			  hint: Diagram direction: LR (left to right) or TB (top to bottom). Leave it out to let Flowbook choose from the flowchart's shape.
			tests/fixtures/flowcharts/bad-enum.yaml:7:11 error: step "lead": \`type\` must be one of start, stage, decision, end; got the text "strat" (did you mean "start"?)
			  hint: start or end (terminators), decision (diamond) or stage (rectangle, the default).
			tests/fixtures/flowcharts/bad-enum.yaml:13:14 error: step "won": \`outcome\` must be one of won, lost, other; got the text "wonn" (did you mean "won"?)
			  hint: For end steps: won, lost or other. Used to compute win rate.
			"
		`);
	});
});

describe("missing-field.yaml", () => {
	it("names the missing field and what it is for", () => {
		expect(report("missing-field.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/missing-field.yaml:1:1 error: missing required field \`title\`
			  hint: Add \`title: …\` (title of the process).
			tests/fixtures/flowcharts/missing-field.yaml:4:5 error: step "lead": missing required field \`label\`
			  hint: Add \`label: …\` (short label shown in the diagram).
			tests/fixtures/flowcharts/missing-field.yaml:7:5 error: step #2: missing required field \`id\`
			  hint: Add \`id: …\` (unique id of the step within the flowchart; its section on the page is #step-<id>).
			"
		`);
	});
});

describe("invalid-id.yaml", () => {
	it("suggests a valid id and explains formats", () => {
		expect(report("invalid-id.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/invalid-id.yaml:3:3 error: role "Account Exec": id "Account Exec" is not a valid id: use lower-case letters, digits, '-' and '_', starting with a letter
			  hint: Try "account-exec".
			tests/fixtures/flowcharts/invalid-id.yaml:5:9 error: step "Lead Intake": \`id\` "Lead Intake" is not a valid id: use lower-case letters, digits, '-' and '_', starting with a letter
			  hint: Try "lead-intake".
			tests/fixtures/flowcharts/invalid-id.yaml:8:11 error: step "Lead Intake": \`next\` "Won" is not a valid id: use lower-case letters, digits, '-' and '_', starting with a letter
			  hint: Try "won".
			tests/fixtures/flowcharts/invalid-id.yaml:13:10 error: \`every\` must be a number and a unit, such as '6 months' or '1 year', got the text "often"
			  hint: Review cadence such as '6 months' or '1 year'. Defaults to the site-wide cadence.
			tests/fixtures/flowcharts/invalid-id.yaml:15:13 error: review #1: \`date\` must be a date written YYYY-MM-DD, got the text "15/01/2025"
			  hint: Day of the review, written YYYY-MM-DD.
			tests/fixtures/flowcharts/invalid-id.yaml:17:16 error: review #1: \`summary\` must not be empty
			  hint: What was decided or changed.
			"
		`);
	});
});
