import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
	chooseDirection,
	chooseLayout,
	estimateSize,
	layoutFrontMatter,
	shapeLabel,
} from "../../../src/lib/mermaid/layout.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

const root = join(import.meta.dirname, "../../..");
const sample = (name: string) =>
	FlowchartSchema.parse(parse(readFileSync(join(root, `content/flowcharts/${name}.yaml`), "utf8")));

function chain(n: number) {
	return FlowchartSchema.parse({
		title: "Chain",
		roles: {},
		steps: Array.from({ length: n }, (_, i) => ({
			id: `s${i}`,
			type: i === 0 ? "start" : i === n - 1 ? "end" : "stage",
			label: `Step ${i}`,
			...(i < n - 1 ? { next: `s${i + 1}` } : {}),
		})),
	});
}

describe("chooseLayout", () => {
	it("draws the long sample processes top to bottom, where they stay legible at the box's width", () => {
		expect(chooseDirection(sample("b2b"))).toBe("TB");
		expect(chooseDirection(sample("renewal"))).toBe("TB");
	});

	it("draws a short process left to right, like a sentence", () => {
		expect(chooseDirection(chain(4))).toBe("LR");
		expect(chooseDirection(chain(12))).toBe("TB");
	});

	it("draws a wide fan-out left to right, where its breadth becomes height", () => {
		const fan = FlowchartSchema.parse({
			title: "Fan",
			roles: {},
			steps: [
				{ id: "go", type: "start", label: "Go", next: Array.from({ length: 9 }, (_, i) => ({ to: `e${i}` })) },
				...Array.from({ length: 9 }, (_, i) => ({ id: `e${i}`, type: "end", label: `Outcome number ${i}` })),
			],
		});
		expect(estimateSize(fan, "TB").width).toBeGreaterThan(estimateSize(fan, "LR").width);
		expect(chooseDirection(fan)).toBe("LR");
	});

	it("follows the author's direction and layout hints", () => {
		const fc = FlowchartSchema.parse({
			...chain(12),
			direction: "LR",
			layout: { engine: "dagre", edgeLabels: "all", spacing: "roomy" },
		});
		expect(chooseLayout(fc)).toEqual({ direction: "LR", engine: "dagre", edgeLabels: "all", spacing: "roomy" });
		expect(chooseLayout(chain(3))).toEqual({
			direction: "LR",
			engine: "elk",
			edgeLabels: "branches",
			spacing: "compact",
		});
	});
});

describe("layoutFrontMatter", () => {
	const base = { direction: "TB", edgeLabels: "branches", spacing: "compact" } as const;

	it("asks ELK for model order (start lane first) and room under each lane title", () => {
		const text = layoutFrontMatter({ ...base, engine: "elk" }).join("\n");
		expect(text).toContain("  layout: elk.layered\n  elk:\n    considerModelOrder: NODES_AND_EDGES");
		expect(text).toContain("    subGraphTitleMargin:\n      top: 0\n      bottom: 24");
		expect(text).toContain("    rankSpacing: 20");
	});

	it("asks for dagre by leaving the layout key out", () => {
		const text = layoutFrontMatter({ ...base, engine: "dagre" }).join("\n");
		expect(text).not.toMatch(/layout:|elk|subGraphTitleMargin/);
	});
});

describe("shapeLabel", () => {
	it("keeps a short last word and a number's unit on the line before", () => {
		expect(shapeLabel({ type: "stage", label: "Handover to CS" })).toBe("Handover to\u00a0CS");
		expect(shapeLabel({ type: "stage", label: "Demo (30–45 min)" })).toBe("Demo (30–\u206045\u00a0min)");
		expect(shapeLabel({ type: "stage", label: "Prospecting" })).toBe("Prospecting");
	});

	it("puts a long decision question on two balanced lines, and leaves author line breaks alone", () => {
		expect(shapeLabel({ type: "decision", label: "Expansion potential?" })).toBe("Expansion\npotential?");
		expect(shapeLabel({ type: "decision", label: "Qualified?" })).toBe("Qualified?");
		expect(shapeLabel({ type: "decision", label: "One\ntwo three four five" })).toBe("One\ntwo three four five");
	});
});
