/** The "as lived" diagram's facts: moves without an arrow (allowed or not) and dead arrows, from a real analysis. */
import { describe, expect, test } from "vitest";
import { conformanceOf } from "../../../src/lib/conformance/index.ts";
import { livedAnnotations, livedArrows } from "../../../src/lib/conformance/lived.ts";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import type { Flowchart } from "../../../src/lib/schema/flowchart.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

const fc: Flowchart = FlowchartSchema.parse({
	title: "T",
	roles: { ae: "AE" },
	conformance: { allow: [{ from: "a", to: "c", reason: "Small deals" }], lost_anywhere: false },
	steps: [
		{ id: "s", type: "start", label: "S", next: "a" },
		{ id: "a", label: "A", next: "b" },
		{
			id: "b",
			label: "B",
			next: [
				{ to: "c", when: "go" },
				{ to: "x", when: "skip" },
			],
		},
		{ id: "x", label: "X", next: "c" },
		{ id: "c", label: "C", next: "won" },
		{ id: "won", type: "end", outcome: "won", label: "Won" },
	],
});

const DAY = 86_400_000;
/** Deal paths (recorded steps). */
const paths: Record<string, string[]> = {
	d1: ["a", "b", "c", "won"],
	d2: ["a", "b", "c", "won"],
	d3: ["a", "c", "won"],
	d4: ["a", "b", "a", "b", "c", "won"],
	d5: ["b", "won"],
};
const events = Object.entries(paths).flatMap(([deal, steps]) =>
	steps.map((step, i) => ({ deal, step, at: Date.UTC(2026, 0, 1) + i * DAY, file: "export.csv", line: i + 2 })),
);

describe("livedArrows", () => {
	const { store } = storeFromEvents(
		events,
		fc.steps.map((s) => s.id),
	);
	const arrows = livedArrows(conformanceOf(fc, store));

	test("moves without an arrow, most deals first, with the allowlist's reason; then arrows nobody took", () => {
		expect(arrows).toEqual([
			{ from: "a", to: "c", kind: "undocumented", deals: 1, share: 0.2, reason: "Small deals" },
			{ from: "b", to: "a", kind: "backwards", deals: 1, share: 0.2 },
			{ from: "b", to: "won", kind: "undocumented", deals: 1, share: 0.2 },
			{ from: "b", to: "x", kind: "dead", deals: 0, share: 0, when: "skip" },
			{ from: "x", to: "c", kind: "dead", deals: 0, share: 0 },
		]);
	});

	test("become dashed extra arrows labelled with their share, and faded dead arrows", () => {
		const share = (x: number) => `${Math.round(x * 100)}%`;
		expect(livedAnnotations(arrows, share, "accepted")).toEqual({
			extraEdges: [
				{ from: "a", to: "c", note: "20% · accepted" },
				{ from: "b", to: "a", note: "20%" },
				{ from: "b", to: "won", note: "20%" },
			],
			fadedEdges: ["b->x", "x->c"],
		});
	});
});

describe("dead arrows with lost_anywhere (the default)", () => {
	test("a deal lost after a decision took the decision's arrow to Lost, not the lost-anywhere shortcut", () => {
		const decided: Flowchart = FlowchartSchema.parse({
			title: "T",
			roles: {},
			steps: [
				{ id: "s", type: "start", label: "S", next: "a" },
				{ id: "a", label: "A", next: "d" },
				{
					id: "d",
					type: "decision",
					label: "D?",
					next: [
						{ to: "won", when: "yes" },
						{ to: "lost", when: "no" },
					],
				},
				{ id: "won", type: "end", outcome: "won", label: "Won" },
				{ id: "lost", type: "end", outcome: "lost", label: "Lost" },
			],
		});
		const at = Date.UTC(2026, 0, 1);
		const { store } = storeFromEvents(
			[
				{ deal: "x", step: "a", at, file: "e.csv", line: 2 },
				{ deal: "x", step: "lost", at: at + DAY, file: "e.csv", line: 3 },
			],
			decided.steps.map((s) => s.id),
		);
		const report = conformanceOf(decided, store);
		expect(report.rate).toBe(1);
		expect(report.deadArrows.map((a) => a.key)).toEqual(["d->won"]);
	});
});
