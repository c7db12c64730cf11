// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * What the metrics need to know about a flowchart's shape: its transitions, which moves count as
 * "moving on", how an observed CRM move maps onto transitions (CRMs never record decision diamonds),
 * the first stage(s) for cumulative conversion and the funnel order.
 */
import { type Flowchart, type Step, targetFraction, transitionsOf } from "../schema/flowchart.ts";

export interface GraphEdge {
	from: number;
	to: number;
	when?: string;
	/** "from->to", the key the diagram annotations use. */
	key: string;
}

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
function computeForward(steps: Step[], out: number[][], success: boolean[]): Uint8Array {
	const n = steps.length;
	const forward = new Uint8Array(n * n);
	for (let a = 0; a < n; a++) {
		// Nodes that reach success without passing through a: reverse search from success nodes.
		const ok = new Uint8Array(n);
		const inEdges: number[][] = steps.map(() => []);
		for (let u = 0; u < n; u++) for (const v of out[u]!) inEdges[v]!.push(u);
		const queue: number[] = [];
		for (let s = 0; s < n; s++)
			if (success[s] && s !== a) {
				ok[s] = 1;
				queue.push(s);
			}
		while (queue.length) {
			const v = queue.pop()!;
			for (const u of inEdges[v]!)
				if (!ok[u] && u !== a) {
					ok[u] = 1;
					queue.push(u);
				}
		}
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

export function buildGraph(fc: Flowchart): FlowGraph {
	const steps = fc.steps;
	const n = steps.length;
	const index = new Map(steps.map((s, i) => [s.id, i]));
	const edges: GraphEdge[] = [];
	const outEdges: number[][] = steps.map(() => []);
	const out: number[][] = steps.map(() => []);
	steps.forEach((s, from) => {
		for (const t of transitionsOf(s)) {
			const to = index.get(t.to);
			if (to === undefined) continue;
			outEdges[from]!.push(edges.length);
			out[from]!.push(to);
			edges.push({ from, to, ...(t.when ? { when: t.when } : {}), key: `${s.id}->${t.to}` });
		}
	});
	const flag = (f: (s: Step) => boolean) => Uint8Array.from(steps, (s) => (f(s) ? 1 : 0));
	const isEnd = flag((s) => s.type === "end");
	const isDecision = flag((s) => s.type === "decision");
	const isLost = flag((s) => s.type === "end" && s.outcome === "lost");
	const isWon = flag((s) => s.type === "end" && s.outcome === "won");
	const anyWon = isWon.some((x) => x === 1);
	const success = steps.map((s, i) => (anyWon ? isWon[i] === 1 : s.type === "end" && s.outcome !== "lost"));
	const forward = computeForward(steps, out, success);

	const paths: (number[] | null)[] = new Array(n * n).fill(null);
	for (let a = 0; a < n; a++) {
		const via: (number[] | null)[] = new Array(n).fill(null);
		const queue: number[] = [];
		for (const e of outEdges[a]!) {
			const to = edges[e]!.to;
			if (via[to] === null) {
				via[to] = [e];
				queue.push(to);
			}
		}
		while (queue.length) {
			const v = queue.shift()!;
			if (!isDecision[v]) continue;
			for (const e of outEdges[v]!) {
				const to = edges[e]!.to;
				if (via[to] === null) {
					via[to] = [...via[v]!, e];
					queue.push(to);
				}
			}
		}
		for (let b = 0; b < n; b++) paths[a * n + b] = via[b]!;
	}

	const movedOn = computeMovedOn(n, forward, paths, isDecision, isLost);

	// Distance from the starts; stages reached through starts and decisions only are the first stages.
	const depth = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
	const starts = steps.flatMap((s, i) => (s.type === "start" ? [i] : []));
	const queue = [...starts];
	for (const s of starts) depth[s] = 0;
	const firstStages = new Set<number>();
	const seenFirst = new Uint8Array(n);
	const fq = [...starts];
	while (fq.length) {
		const v = fq.shift()!;
		for (const w of out[v]!) {
			if (seenFirst[w]) continue;
			seenFirst[w] = 1;
			if (steps[w]!.type === "stage") firstStages.add(w);
			else if (steps[w]!.type !== "end") fq.push(w);
		}
	}
	if (firstStages.size === 0) {
		const first = steps.findIndex((s) => s.type === "stage");
		if (first >= 0) firstStages.add(first);
	}
	while (queue.length) {
		const v = queue.shift()!;
		for (const w of out[v]!)
			if (depth[w] === Number.POSITIVE_INFINITY) {
				depth[w] = depth[v]! + 1;
				queue.push(w);
			}
	}
	const funnel = steps
		.map((s, i) => ({ s, i }))
		.filter(({ s }) => s.type === "stage")
		.sort((a, b) => depth[a.i]! - depth[b.i]! || a.i - b.i)
		.map(({ i }) => i);
	const firstList = [...firstStages].sort((a, b) => a - b);
	return {
		steps,
		n,
		edges,
		isEnd,
		isDecision,
		isLost,
		isWon,
		forward,
		movedOn,
		paths,
		firstStages: firstList,
		isFirstStage: Uint8Array.from(steps, (_, i) => (firstStages.has(i) ? 1 : 0)),
		funnel,
		maxDays: Float64Array.from(steps, (s) => s.metrics?.max_days ?? Number.NaN),
		targetConversion: Float64Array.from(steps, (s) => targetFraction(s.metrics?.target_conversion) ?? Number.NaN),
	};
}
