import { describe, expect, it } from "vitest";
import { devReport } from "../../../src/lib/dev-report.ts";
import type { Diagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { brokenFiles } from "../../../src/loaders/flowcharts.ts";

const typo: Diagnostic = {
	severity: "error",
	file: "content/flowcharts/b2b.yaml",
	line: 49,
	column: 11,
	code: "unknown-step",
	message: 'step "outbound-lead": next → unknown step "prospectin" (did you mean "prospecting"?)',
	hint: "Defined steps: prospecting.",
};
const oldRows: Diagnostic = {
	severity: "warning",
	file: "content/metrics/b2b/2026-h2.csv",
	line: 2884,
	column: 1,
	code: "bad-row",
	message: "1 row: missing deal id",
};
const reviewWarning: Diagnostic = {
	...oldRows,
	file: "content/flowcharts/b2b.yaml",
	line: 1,
	message: "never reviewed",
};
const onboarding: Diagnostic = {
	severity: "error",
	file: "content/onboarding.yaml",
	line: 18,
	column: 10,
	code: "unknown-flowchart",
	message: 'onboarding item 3: flowchart "b2b" does not exist',
};

describe("devReport", () => {
	it("prints errors elsewhere first, then every problem of the saved file, then the summary; no old warnings", () => {
		const report = { diagnostics: [typo, reviewWarning, oldRows, onboarding], summary: "2 errors, 2 warnings" };
		expect(devReport(report, ["content/flowcharts/b2b.yaml"])).toMatchInlineSnapshot(`
			"content/onboarding.yaml:18:10 error: onboarding item 3: flowchart "b2b" does not exist
			content/flowcharts/b2b.yaml:49:11 error: step "outbound-lead": next → unknown step "prospectin" (did you mean "prospecting"?)
			  hint: Defined steps: prospecting.
			content/flowcharts/b2b.yaml:1:1 warning: never reviewed
			flowbook: 2 errors, 2 warnings (after a change to content/flowcharts/b2b.yaml)
			"
		`);
	});

	it("says the content is clean again after a fix", () => {
		expect(
			devReport({ diagnostics: [oldRows], summary: "0 errors, 1 warning" }, ["content\\flowcharts\\b2b.yaml"]),
		).toBe("flowbook: 0 errors, 1 warning (after a change to content/flowcharts/b2b.yaml)\n");
	});
});

describe("brokenFiles", () => {
	it("groups the problems of flowchart files that have errors by flowchart id, warnings included", () => {
		const broken = brokenFiles([typo, reviewWarning, oldRows, onboarding]);
		expect([...broken.keys()]).toEqual(["b2b"]);
		expect(broken.get("b2b")).toEqual([typo, reviewWarning]);
	});

	it("leaves out flowcharts with warnings only", () => {
		expect(brokenFiles([reviewWarning]).size).toBe(0);
	});
});
