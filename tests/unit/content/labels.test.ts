import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLabelSource } from "../../../src/lib/content/labels.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";

const fcFile = "tests/fixtures/flowcharts/valid.yaml";
const flowchart = loadFlowchartSource(fcFile, readFileSync(fcFile, "utf8")).flowchart;

describe("label files are checked like flowcharts", () => {
	it("reports extra or missing list items, conditions for arrows that do not exist, unknown ids, and the schema error, in one run", () => {
		if (!flowchart) throw new Error("fixture flowchart did not load");
		const file = "tests/fixtures/i18n/valid.yaml";
		const report = checkLabelSource(file, readFileSync(file, "utf8"), [flowchart]).map(formatDiagnostic).join("\n");
		expect(`\n${report}\n`).toMatchInlineSnapshot(`
			"
			tests/fixtures/i18n/valid.yaml:3:1 error: unknown key \`colour\` at the top level
			  hint: Allowed keys here: title, summary, roles, steps.
			tests/fixtures/i18n/valid.yaml:6:3 warning: translation for unknown role "boss"; it is not shown
			tests/fixtures/i18n/valid.yaml:10:5 warning: step "prospecting": 3 translated tasks, but the English step has 2
			  hint: Items are matched to the English tasks by position: translate each one in the same order, no more and no fewer.
			tests/fixtures/i18n/valid.yaml:14:5 warning: step "prospecting": 0 translated automations, but the English step has 1
			  hint: Items are matched to the English automations by position: translate each one in the same order, no more and no fewer.
			tests/fixtures/i18n/valid.yaml:18:7 warning: step "qualified": condition for an arrow to "nurtur", but the English step has no condition on an arrow there (did you mean "nurture"?)
			  hint: Conditions are keyed by the step the arrow leads to: proposal, nurture, lost.
			tests/fixtures/i18n/valid.yaml:21:7 warning: step "nurture": condition for an arrow to "prospecting", but the English step has no condition on an arrow there
			  hint: This step's arrows have no conditions to translate: remove \`when\`.
			tests/fixtures/i18n/valid.yaml:22:3 warning: translation for unknown step "qualify"; it is not shown
			  hint: Steps of valid: lead, prospecting, qualified, nurture, proposal, won, lost.
			"
		`);
	});
});
