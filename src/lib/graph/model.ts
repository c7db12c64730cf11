/**
 * The one graph model of a flowchart: steps by index, transitions as edges, and the searches every
 * consumer needs (reachability forwards and backwards, shortest distances). Validation, metrics and
 * conformance read the process through this rather than walking `next:` fields themselves.
 */
import { type Flowchart, type StepType, transitionsOf } from "../schema/flowchart.ts";

export interface GraphEdge {
	from: number;
	to: number;
	/** Condition on the arrow, when the YAML gives one. */
	when?: string;
	/** `from->to` in step ids: the key annotations and reports use. */
	key: string;
}

export interface ProcessGraph {
	/** Step ids in reading order; a step's number is its index here. */
	ids: string[];
	index: Map<string, number>;
	types: StepType[];
	edges: GraphEdge[];
	/** Edge numbers leaving / entering each step. */
	outEdges: number[][];
	inEdges: number[][];
	starts: number[];
	ends: number[];
}

/** An arrow between two step numbers, before the model numbers it. */
export interface Link {
	from: number;
	to: number;
	when?: string;
}

/** Builds the model; transitions to unknown steps are left out (validation reports them). */
export function buildProcessGraph(fc: Flowchart): ProcessGraph {
	const index = stepIndex(fc);
	const links: Link[] = [];
	fc.steps.forEach((step, from) => {
		for (const t of transitionsOf(step)) {
			const to = index.get(t.to);
			if (to !== undefined) links.push({ from, to, ...(t.when ? { when: t.when } : {}) });
		}
	});
	return graphOf(fc, links, index);
}

/** Step number of each id; a repeated id keeps its first step (validation reports the repeat). */
export function stepIndex(fc: Flowchart): Map<string, number> {
	const index = new Map<string, number>();
	fc.steps.forEach((s, i) => {
		if (!index.has(s.id)) index.set(s.id, i);
	});
	return index;
}

/** The model over `links` chosen by the caller (validation counts a broken link as reaching its likely target). */
export function graphOf(fc: Flowchart, links: readonly Link[], index = stepIndex(fc)): ProcessGraph {
	const ids = fc.steps.map((s) => s.id);
	const edges: GraphEdge[] = [];
	const outEdges: number[][] = ids.map(() => []);
	const inEdges: number[][] = ids.map(() => []);
	for (const { from, to, when } of links) {
		outEdges[from]?.push(edges.length);
		inEdges[to]?.push(edges.length);
		edges.push({ from, to, ...(when ? { when } : {}), key: `${ids[from]}->${ids[to]}` });
	}
	const types = fc.steps.map((s) => s.type);
	const which = (type: StepType) => types.flatMap((t, i) => (t === type ? [i] : []));
	return { ids, index, types, edges, outEdges, inEdges, starts: which("start"), ends: which("end") };
}

/** Successor step numbers of `v` (with repeats when two arrows join the same pair). */
export function successors(g: ProcessGraph, v: number): number[] {
	return (g.outEdges[v] ?? []).map((e) => g.edges[e]?.to ?? -1);
}

/**
 * Steps reachable from `sources` (the sources included). `through(v)` decides whether the search may
 * continue past a reached step `v` (sources included); by default it always may.
 */
export function reachable(
	g: ProcessGraph,
	sources: readonly number[],
	through: (v: number) => boolean = () => true,
	direction: "forward" | "backward" = "forward",
): Uint8Array {
	const seen = new Uint8Array(g.ids.length);
	const stack = [...sources];
	for (const s of sources) seen[s] = 1;
	const adjacent = direction === "forward" ? g.outEdges : g.inEdges;
	while (stack.length > 0) {
		const v = stack.pop() as number;
		if (!through(v)) continue;
		for (const e of adjacent[v] ?? []) {
			const edge = g.edges[e];
			const w = direction === "forward" ? edge?.to : edge?.from;
			if (w === undefined || seen[w]) continue;
			seen[w] = 1;
			stack.push(w);
		}
	}
	return seen;
}

/** Breadth-first distance (in arrows) from any of `sources`; Infinity where unreachable. */
export function distancesFrom(g: ProcessGraph, sources: readonly number[]): number[] {
	const dist = g.ids.map(() => Number.POSITIVE_INFINITY);
	const queue = [...sources];
	for (const s of sources) dist[s] = 0;
	for (let head = 0; head < queue.length; head++) {
		const v = queue[head] as number;
		for (const w of successors(g, v)) {
			if (dist[w] !== Number.POSITIVE_INFINITY) continue;
			dist[w] = (dist[v] as number) + 1;
			queue.push(w);
		}
	}
	return dist;
}
