import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { flowOrder, flowRanks } from "../../../src/lib/flow-order.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";
import { loadedFixture } from "../support/fixtures.ts";

const root = join(import.meta.dirname, "../../..");
const sample = (name: string) =>
	FlowchartSchema.parse(parse(readFileSync(join(root, `content/flowcharts/${name}.yaml`), "utf8")));

describe("flowOrder", () => {
	it("lists starts (the longest way first), then stages and decisions in flow order, then ends (b2b sample)", () => {
		expect(flowOrder(sample("b2b")).map((s) => s.id)).toEqual([
			"outbound-lead",
			"inbound-lead",
			"prospecting",
			"qualification",
			"qualified",
			"nurture",
			"presentation",
			"proposal",
			"negotiation",
			"signed",
			"handover",
			"won",
			"lost",
		]);
	});

	it("does not let a loop back pull a step forward", () => {
		const fc = loadedFixture("mermaid", "loop-back").data;
		expect(flowOrder(fc).map((s) => s.id)).toEqual(["start", "draft", "review", "sign", "won"]);
		expect(flowRanks(fc).get("draft")).toBe(1);
	});

	it("puts steps declared out of order where the flow reaches them", () => {
		const steps = FlowchartSchema.parse({
			title: "t",
			roles: {},
			steps: [
				{ id: "done", type: "end", label: "Done" },
				{ id: "b", label: "B", next: "done" },
				{ id: "a", label: "A", next: "b" },
				{ id: "go", type: "start", label: "Go", next: "a" },
				{ id: "orphan", label: "Orphan" },
			],
		});
		expect(flowOrder(steps).map((s) => s.id)).toEqual(["go", "orphan", "a", "b", "done"]);
	});
});
