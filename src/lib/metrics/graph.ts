// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * What the metrics need to know about a flowchart's shape: its transitions, which moves count as
 * "moving on", how an observed CRM move maps onto transitions (CRMs never record decision diamonds),
 * the first stage(s) for cumulative conversion and the funnel order.
 */
import {
	buildProcessGraph,
	distancesFrom,
	type GraphEdge,
	type ProcessGraph,
	reachable,
	successors,
} from "../graph/model.ts";
import { type Flowchart, type Step, targetFraction } from "../schema/flowchart.ts";

export type { GraphEdge };

export interface FlowGraph {
	steps: Step[];
	n: number;
	edges: GraphEdge[];
	isEnd: Uint8Array;
	isDecision: Uint8Array;
	isLost: Uint8Array;
	isWon: Uint8Array;
	/** `forward[a * n + b]`: b can still lead to a success end without going back through a. */
	forward: Uint8Array;
	/** `movedOn[a * n + b]`: a move from a to b counts as moving on (see `computeMovedOn`). */
	movedOn: Uint8Array;
	/** `paths[a * n + b]`: edge indices of the shortest route from a to b through decisions only, or null. */
	paths: (number[] | null)[];
	/** Stage steps that deals enter first after a start: the base of cumulative conversion. */
	firstStages: number[];
	isFirstStage: Uint8Array;
	/** Stage steps in funnel order: by distance from the start(s), then reading order. */
	funnel: number[];
	maxDays: Float64Array;
	targetConversion: Float64Array;
}

/**
 * Moving on from `a` to `b` means `b` can still lead to a success end (a `won` end; when the chart has
 * none, any end not marked `lost`) without going back through `a`. So the "No" branch to nurture is not
 * moving on from qualification (nurture only leads back to it), a skip ahead is, and a loop back is not.
 */
function computeForward(g: ProcessGraph, success: boolean[]): Uint8Array {
	const n = g.ids.length;
	const forward = new Uint8Array(n * n);
	const successes = success.flatMap((ok, s) => (ok ? [s] : []));
	for (let a = 0; a < n; a++) {
		// Steps that reach success without passing through a: a backward search from the success ends.
		const ok = reachable(
			g,
			successes.filter((s) => s !== a),
			(v) => v !== a,
			"backward",
		);
		for (let b = 0; b < n; b++) forward[a * n + b] = b !== a && ok[b] ? 1 : 0;
	}
	return forward;
}

/**
 * Moving on from a to b:
 * - from a decision: b is on a branch that can still lead to success (the "Yes" branch);
 * - from any other step, along a route of transitions (through decisions, which CRMs do not record):
 *   yes, unless the route goes straight to a lost end. A route through a decision counts as reaching
 *   that decision, whose own conversion then takes the loss (negotiation → signed → lost);
 * - with no route (a skipped step): yes when b can still lead to success without going back.
 */
function computeMovedOn(
	n: number,
	forward: Uint8Array,
	paths: (number[] | null)[],
	isDecision: Uint8Array,
	isLost: Uint8Array,
): Uint8Array {
	const m = new Uint8Array(n * n);
	for (let a = 0; a < n; a++) {
		for (let b = 0; b < n; b++) {
			const path = paths[a * n + b];
			let ok: boolean;
			if (isDecision[a]) ok = forward[a * n + b] === 1;
			else if (path) ok = path.length > 1 || !isLost[b];
			else ok = forward[a * n + b] === 1;
			m[a * n + b] = ok ? 1 : 0;
		}
	}
	return m;
}

/** `paths[a * n + b]`: the shortest route of edges from a to b that passes only through decisions, or null. */
function decisionPaths(g: ProcessGraph, isDecision: Uint8Array): (number[] | null)[] {
	const n = g.ids.length;
	const paths: (number[] | null)[] = new Array(n * n).fill(null);
	for (let a = 0; a < n; a++) {
		const via: (number[] | null)[] = new Array(n).fill(null);
		const queue: number[] = [];
		for (const e of g.outEdges[a]!) {
			const to = g.edges[e]!.to;
			if (via[to] === null) {
				via[to] = [e];
				queue.push(to);
			}
		}
		while (queue.length) {
			const v = queue.shift()!;
			if (!isDecision[v]) continue;
			for (const e of g.outEdges[v]!) {
				const to = g.edges[e]!.to;
				if (via[to] === null) {
					via[to] = [...via[v]!, e];
					queue.push(to);
				}
			}
		}
		for (let b = 0; b < n; b++) paths[a * n + b] = via[b]!;
	}
	return paths;
}

/** Stages reached from the starts through starts and decisions only; the first stage in reading order when none is. */
function firstStagesOf(g: ProcessGraph): number[] {
	const firstStages = new Set<number>();
	const seen = new Uint8Array(g.ids.length);
	const queue = [...g.starts];
	while (queue.length) {
		const v = queue.shift()!;
		for (const w of successors(g, v)) {
			if (seen[w]) continue;
			seen[w] = 1;
			if (g.types[w] === "stage") firstStages.add(w);
			else if (g.types[w] !== "end") queue.push(w);
		}
	}
	if (firstStages.size === 0) {
		const first = g.types.indexOf("stage");
		if (first >= 0) firstStages.add(first);
	}
	return [...firstStages].sort((a, b) => a - b);
}

export function buildGraph(fc: Flowchart): FlowGraph {
	const steps = fc.steps;
	const n = steps.length;
	const g = buildProcessGraph(fc);
	const flag = (f: (s: Step) => boolean) => Uint8Array.from(steps, (s) => (f(s) ? 1 : 0));
	const isEnd = flag((s) => s.type === "end");
	const isDecision = flag((s) => s.type === "decision");
	const isLost = flag((s) => s.type === "end" && s.outcome === "lost");
	const isWon = flag((s) => s.type === "end" && s.outcome === "won");
	const anyWon = isWon.some((x) => x === 1);
	const success = steps.map((s, i) => (anyWon ? isWon[i] === 1 : s.type === "end" && s.outcome !== "lost"));
	const forward = computeForward(g, success);
	const paths = decisionPaths(g, isDecision);
	const movedOn = computeMovedOn(n, forward, paths, isDecision, isLost);
	const firstStages = firstStagesOf(g);
	// Funnel order: distance from the starts, then reading order.
	const depth = distancesFrom(g, g.starts);
	const funnel = steps
		.map((s, i) => ({ s, i }))
		.filter(({ s }) => s.type === "stage")
		.sort((a, b) => depth[a.i]! - depth[b.i]! || a.i - b.i)
		.map(({ i }) => i);
	return {
		steps,
		n,
		edges: g.edges,
		isEnd,
		isDecision,
		isLost,
		isWon,
		forward,
		movedOn,
		paths,
		firstStages,
		isFirstStage: Uint8Array.from(steps, (_, i) => (firstStages.includes(i) ? 1 : 0)),
		funnel,
		maxDays: Float64Array.from(steps, (s) => s.metrics?.max_days ?? Number.NaN),
		targetConversion: Float64Array.from(steps, (s) => targetFraction(s.metrics?.target_conversion) ?? Number.NaN),
	};
}
