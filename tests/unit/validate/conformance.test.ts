import { describe, expect, it } from "vitest";
import { report } from "../load/helpers.ts";

describe("conformance-allow.yaml", () => {
	it("locates unknown steps with a suggestion, and allowed transitions the diagram already draws", () => {
		expect(report("conformance-allow.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/conformance-allow.yaml:24:11 error: conformance.allow: to → unknown step "wonn" (did you mean "won"?)
			  hint: Defined steps: lead, demo, negotiation, won.
			tests/fixtures/flowcharts/conformance-allow.yaml:26:7 warning: conformance.allow: demo → negotiation is already an arrow of the flowchart
			  hint: Deals following a drawn arrow already conform; remove this entry.
			"
		`);
	});
});
