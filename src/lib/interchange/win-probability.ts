// biome-ignore-all lint/style/noNonNullAssertion: indices into the store's typed arrays are in range by construction.
/**
 * P(win | a deal entered the step), per step: what a CRM shows as a stage's probability. From the CRM
 * export when enough deals have closed, else from the flowchart's conversion targets. Pure.
 */
import type { EventStore } from "../events/store.ts";
import { type Flowchart, type Step, targetFraction, transitionsOf } from "../schema/flowchart.ts";

export interface WinProbability {
	/** 0..1. */
	value: number;
	/** Where the number comes from: closed deals in the export, or the targets. */
	source: "history" | "targets" | "outcome";
	/** Closed deals (won or lost) that entered the step; only for `history`. */
	closedDeals?: number;
}

/** Fewer closed deals than this and the history says too little; the targets are used instead. */
export const MIN_CLOSED_DEALS = 5;

/**
 * Of the deals that entered each step and have since closed (last event is a won or lost end), the share
 * that were won. Open deals are left out: they have not decided yet.
 */
export function winRatesFromHistory(
	flowchart: Flowchart,
	store: EventStore,
): Map<string, { won: number; closed: number }> {
	const stepIndex = new Map(store.stepIds.map((id, i) => [id, i]));
	const outcomeOf = store.stepIds.map((id) => flowchart.steps.find((s) => s.id === id)?.outcome);
	const won = new Int32Array(store.stepIds.length);
	const closed = new Int32Array(store.stepIds.length);
	const seen = new Int32Array(store.stepIds.length).fill(-1);
	const { order, offsets, columns } = store;
	for (let d = 0; d + 1 < offsets.length; d++) {
		const lo = offsets[d]!;
		const hi = offsets[d + 1]!;
		if (hi === lo) continue;
		const result = outcomeOf[columns.step[order[hi - 1]!]!];
		if (result !== "won" && result !== "lost") continue;
		for (let i = lo; i < hi; i++) {
			const s = columns.step[order[i]!]!;
			if (seen[s] === d) continue;
			seen[s] = d;
			closed[s]!++;
			if (result === "won") won[s]!++;
		}
	}
	const rates = new Map<string, { won: number; closed: number }>();
	for (const step of flowchart.steps) {
		const i = stepIndex.get(step.id);
		rates.set(step.id, i === undefined ? { won: 0, closed: 0 } : { won: won[i]!, closed: closed[i]! });
	}
	return rates;
}

/**
 * From the targets: a step's own target conversion times the best way on to a win (the product of the
 * targets downstream). A step without a target passes deals on unchanged; a loop back counts as no way on.
 */
export function winRatesFromTargets(flowchart: Flowchart): Map<string, number> {
	const byId = new Map(flowchart.steps.map((s) => [s.id, s]));
	const memo = new Map<string, number>();
	const onPath = new Set<string>();
	const visit = (step: Step): number => {
		const known = memo.get(step.id);
		if (known !== undefined) return known;
		if (step.type === "end") return step.outcome === "won" ? 1 : 0;
		if (onPath.has(step.id)) return 0;
		onPath.add(step.id);
		const onward = transitionsOf(step).map((t) => byId.get(t.to));
		const best = Math.max(0, ...onward.map((next) => (next ? visit(next) : 0)));
		onPath.delete(step.id);
		const value = (targetFraction(step.metrics?.target_conversion) ?? 1) * best;
		memo.set(step.id, value);
		return value;
	};
	return new Map(flowchart.steps.map((s) => [s.id, visit(s)]));
}

/** Every step's win probability: outcomes fixed (won 1, lost 0), history where it has enough deals, else targets. */
export function winProbabilities(
	flowchart: Flowchart,
	store?: EventStore,
	minClosed = MIN_CLOSED_DEALS,
): Map<string, WinProbability> {
	const history = store ? winRatesFromHistory(flowchart, store) : undefined;
	const targets = winRatesFromTargets(flowchart);
	const result = new Map<string, WinProbability>();
	for (const step of flowchart.steps) {
		if (step.type === "end") {
			result.set(step.id, { value: step.outcome === "won" ? 1 : 0, source: "outcome" });
			continue;
		}
		const seen = history?.get(step.id);
		if (seen && seen.closed >= minClosed) {
			result.set(step.id, { value: seen.won / seen.closed, source: "history", closedDeals: seen.closed });
		} else {
			result.set(step.id, { value: targets.get(step.id) ?? 0, source: "targets" });
		}
	}
	return result;
}
