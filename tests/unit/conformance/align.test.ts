/**
 * Alignments must be optimal. A brute-force search over every route through small random flowcharts
 * (cost of a route = trace length + recorded steps on the route − 2 × their longest common
 * subsequence) must agree with `align` on every one of 2,000+ random traces.
 */
import { describe, expect, it } from "vitest";
// Deterministic, so a failure can be replayed.
import { mulberry32 as rng } from "../../../scripts/generate-metrics.ts";
import { type Alignment, align } from "../../../src/lib/conformance/align.ts";
import { type ConformanceModel, conformanceModel } from "../../../src/lib/conformance/model.ts";
import { type Flowchart, FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

/** A start, a chain of stages with random extra arrows (forward, back, via decisions), two ends. */
function randomFlowchart(random: () => number): Flowchart {
	const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
	const stages = 2 + Math.floor(random() * 4);
	const ids = Array.from({ length: stages }, (_, i) => `s${i}`);
	const targets = [...ids, "won", "lost"];
	const next = new Map<string, { to: string; when?: string }[]>(
		ids.map((id, i) => [id, [{ to: targets[i + 1] as string }]]),
	);
	const decisions: { id: string; type: "decision"; label: string; next: { to: string; when: string }[] }[] = [];
	for (const id of ids) {
		if (random() < 0.5) next.get(id)?.push({ to: pick(targets.filter((t) => t !== id)) });
		if (random() < 0.3) {
			const d = `d${decisions.length}`;
			decisions.push({
				id: d,
				type: "decision",
				label: d,
				next: [
					{ to: pick(targets), when: "yes" },
					{ to: pick(targets), when: "no" },
				],
			});
			next.set(id, [...(next.get(id) ?? []), { to: d }]);
		}
	}
	return FlowchartSchema.parse({
		title: "Random",
		roles: { r: "Rep" },
		steps: [
			{ id: "start", type: "start", label: "Start", next: "s0" },
			...ids.map((id) => ({ id, label: id, next: next.get(id) })),
			...decisions,
			{ id: "won", type: "end", label: "Won", outcome: "won" },
			{ id: "lost", type: "end", label: "Lost", outcome: "lost" },
		],
	});
}

function lcsRow(prev: number[], trace: readonly number[], step: number): number[] {
	const row = [0];
	for (let j = 1; j <= trace.length; j++) {
		row[j] = trace[j - 1] === step ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
	}
	return row;
}

/**
 * Cheapest route by enumeration. A route's cost is at least its recorded steps minus the trace length,
 * so routes longer than the best found plus the trace length cannot win; silent runs longer than the
 * number of silent steps repeat one and cannot help either.
 */
function bruteForce(model: ConformanceModel, trace: readonly number[], closed: boolean): number {
	const silentSteps = model.silent.reduce((s, x) => s + x, 0);
	let best = Number.POSITIVE_INFINITY;
	const visit = (v: number, recorded: number, row: number[], silentRun: number) => {
		const lcs = row[trace.length] as number;
		if (!closed || model.isEnd[v]) best = Math.min(best, trace.length + recorded - 2 * lcs);
		// The model's arcs: the drawn arrows plus the implicit ones to `lost` ends.
		for (const { to: w } of model.arcs[v] ?? []) {
			if (model.silent[w]) {
				if (silentRun < silentSteps) visit(w, recorded, row, silentRun + 1);
			} else if (recorded + 1 - trace.length < best) visit(w, recorded + 1, lcsRow(row, trace, w), 0);
		}
	};
	const empty = new Array(trace.length + 1).fill(0);
	if (!closed) best = trace.length;
	for (const s of model.graph.starts) visit(s, 0, empty, 0);
	return best;
}

/** The moves must replay the trace and walk the model, and their costs must add up. */
function checkConsistent(model: ConformanceModel, trace: readonly number[], a: Alignment): void {
	expect(a.moves.filter((m) => m.kind !== "model").map((m) => m.step)).toEqual(trace);
	let cost = 0;
	let at = -1;
	for (const m of a.moves) {
		if (m.kind === "log") cost++;
		else {
			expect(m.from).toBe(at);
			at = m.step;
			if (m.kind === "model" && !model.silent[m.step]) cost++;
		}
	}
	expect(cost).toBe(a.cost);
}

describe("align", () => {
	it("matches a brute-force search on 2,400 random traces (seed 20261130)", () => {
		const random = rng(20261130);
		let checked = 0;
		const mismatches: string[] = [];
		for (let f = 0; f < 120; f++) {
			const fc = randomFlowchart(random);
			const model = conformanceModel(fc);
			const recorded = [...model.graph.ids.keys()].filter((i) => !model.silent[i]);
			for (let t = 0; t < 20; t++) {
				const length = Math.floor(random() * 6);
				const trace = Array.from({ length }, () => recorded[Math.floor(random() * recorded.length)] as number);
				const closed = trace.length > 0 && model.isEnd[trace[trace.length - 1] as number] === 1;
				const got = align(model, trace, closed);
				const want = bruteForce(model, trace, closed);
				if (got.cost !== want) mismatches.push(`chart ${f} trace ${trace.join(",")}: ${got.cost} vs ${want}`);
				else checkConsistent(model, trace, got);
				checked++;
			}
		}
		expect(checked).toBe(2400);
		expect(mismatches).toEqual([]);
	});
});
