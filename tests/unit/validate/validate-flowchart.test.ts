import { describe, expect, it } from "vitest";
import { FlowchartSchema, type LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";
import { closest, didYouMean } from "../../../src/lib/text/suggest.ts";
import { validateFlowchart } from "../../../src/lib/validate/index.ts";

describe("validateFlowchart without source positions", () => {
	it("reports without line and column", () => {
		const data = FlowchartSchema.parse({
			title: "T",
			roles: {},
			steps: [
				{ id: "a", type: "start", label: "A", next: "c" },
				{ id: "b", type: "end", label: "B" },
			],
		});
		const fc: LoadedFlowchart = { id: "t", file: "content/flowcharts/t.yaml", data };
		expect(validateFlowchart(fc)).toEqual([
			{
				severity: "error",
				file: "content/flowcharts/t.yaml",
				code: "unknown-step",
				message: 'step "a": next → unknown step "c"',
				hint: "Defined steps: a, b.",
			},
		]);
	});
});

describe("suggest", () => {
	it("finds plausible typos only", () => {
		expect(closest("qualifed", ["qualified", "proposal"])).toBe("qualified");
		expect(closest("lable", ["label", "id"])).toBe("label");
		expect(closest("Prospecting", ["prospecting"])).toBe("prospecting");
		expect(closest("ae", ["sdr", "head"])).toBeUndefined();
		expect(didYouMean("wom", ["won"])).toBe(' (did you mean "won"?)');
		expect(didYouMean("zzz", ["won"])).toBe("");
	});
});
