/**
 * What conformance checking needs to know about a flowchart, computed once per flowchart: which
 * steps a CRM never records (starts and decisions are "silent"), the arcs an alignment may follow
 * (the documented arrows plus the team's allowlist), and the relations deviations are judged by.
 */
import { buildProcessGraph, distancesFrom, type ProcessGraph, reachable } from "../graph/model.ts";
import type { Flowchart } from "../schema/flowchart.ts";

/** A transition the team accepts although the flowchart does not draw it. */
export interface AllowedTransition {
	from: string;
	to: string;
	reason: string;
}

/**
 * An arc of the alignment model: a documented edge (`ref >= 0`), an allowlist entry (`-1 - i`), or
 * one of the implicit arcs (`LOST_ANYWHERE`, `FROM_ROOT`).
 */
export interface Arc {
	to: number;
	ref: number;
}

/** A deal may be lost at any stage: sales teams close deals lost wherever the buyer walks away. */
export const LOST_ANYWHERE = -1_000_000;
export const FROM_ROOT = -2_000_000;

export interface ConformanceOptions {
	allow?: readonly AllowedTransition[];
	/** Arcs from every stage to the `lost` ends, drawn or not (default true). */
	lostAnywhere?: boolean;
}

export interface ConformanceModel {
	graph: ProcessGraph;
	n: number;
	/** Steps a CRM never records: passing through them costs nothing. */
	silent: Uint8Array;
	isEnd: Uint8Array;
	isWon: Uint8Array;
	/** Arcs by step; index `n` is a virtual root before the starts. */
	arcs: Arc[][];
	allow: AllowedTransition[];
	/** Fewest recorded steps on any start-to-end route: the model part of the fitness denominator. */
	shortestRun: number;
	/** `direct[a * n + b]`: an arrow leads from a to b, possibly through silent steps. */
	direct: Uint8Array;
	/** `reach[a * n + b]`: b can follow a, however far downstream. */
	reach: Uint8Array;
	/** Arrows from the starts (distance); "backwards" means to a step with a smaller one. */
	rank: number[];
	/** Steps a deal may be first recorded at. */
	entry: Uint8Array;
	/** Steps on a documented loop: repeating them is expected. */
	onCycle: Uint8Array;
	/** Per decision, per outgoing arrow: the recorded steps that branch leads to first. */
	branches: { decision: number; entries: number[][] }[];
}

export function conformanceModel(fc: Flowchart, options: ConformanceOptions = {}): ConformanceModel {
	const allow = options.allow ?? [];
	const graph = buildProcessGraph(fc);
	const n = graph.ids.length;
	const silent = Uint8Array.from(graph.types, (t) => (t === "start" || t === "decision" ? 1 : 0));
	const lost = options.lostAnywhere === false ? [] : fc.steps.flatMap((s, i) => (s.outcome === "lost" ? [i] : []));
	const arcs = alignmentArcs(graph, allow, lost);
	const firstRecorded = (sources: number[]) => reachable(graph, sources, (v) => silent[v] === 1);
	const reach = new Uint8Array(n * n);
	const direct = new Uint8Array(n * n);
	for (let a = 0; a < n; a++) {
		const next = graph.outEdges[a]?.map((e) => graph.edges[e]?.to as number) ?? [];
		const far = reachable(graph, next);
		const near = firstRecorded(next);
		for (let b = 0; b < n; b++) {
			reach[a * n + b] = far[b] as number;
			direct[a * n + b] = near[b] && (next.includes(b) || !silent[b]) ? 1 : 0;
		}
		for (const l of lost) if (graph.types[a] === "stage") direct[a * n + l] = 1;
	}
	const entry = firstRecorded(graph.starts);
	return {
		graph,
		n,
		silent,
		isEnd: Uint8Array.from(graph.types, (t) => (t === "end" ? 1 : 0)),
		isWon: Uint8Array.from(fc.steps, (s) => (s.type === "end" && s.outcome === "won" ? 1 : 0)),
		arcs,
		allow: [...allow],
		shortestRun: shortestRun(graph, silent),
		direct,
		reach,
		rank: distancesFrom(graph, graph.starts),
		entry,
		onCycle: Uint8Array.from({ length: n }, (_, v) => reach[v * n + v] as number),
		branches: decisionBranches(graph, silent, firstRecorded),
	};
}

function alignmentArcs(graph: ProcessGraph, allow: readonly AllowedTransition[], lost: number[]): Arc[][] {
	const n = graph.ids.length;
	const arcs: Arc[][] = Array.from({ length: n + 1 }, () => []);
	graph.edges.forEach((e, ref) => {
		arcs[e.from]?.push({ to: e.to, ref });
	});
	allow.forEach((a, i) => {
		const from = graph.index.get(a.from);
		const to = graph.index.get(a.to);
		if (from !== undefined && to !== undefined) arcs[from]?.push({ to, ref: -1 - i });
	});
	for (let v = 0; v < n; v++) {
		if (graph.types[v] !== "stage") continue;
		for (const l of lost) if (!arcs[v]?.some((a) => a.to === l)) arcs[v]?.push({ to: l, ref: LOST_ANYWHERE });
	}
	for (const s of graph.starts) arcs[n]?.push({ to: s, ref: FROM_ROOT });
	return arcs;
}

/** 0-1 breadth-first search: recorded steps cost 1, silent ones 0. */
function shortestRun(graph: ProcessGraph, silent: Uint8Array): number {
	const cost = graph.ids.map(() => Number.POSITIVE_INFINITY);
	const deque: number[] = [];
	for (const s of graph.starts) {
		cost[s] = silent[s] ? 0 : 1;
		deque.push(s);
	}
	while (deque.length > 0) {
		const v = deque.shift() as number;
		for (const e of graph.outEdges[v] ?? []) {
			const w = graph.edges[e]?.to as number;
			const c = (cost[v] as number) + (silent[w] ? 0 : 1);
			if (c >= (cost[w] as number)) continue;
			cost[w] = c;
			if (silent[w]) deque.unshift(w);
			else deque.push(w);
		}
	}
	const best = Math.min(...graph.ends.map((e) => cost[e] as number));
	return Number.isFinite(best) ? best : 0;
}

function decisionBranches(
	graph: ProcessGraph,
	silent: Uint8Array,
	firstRecorded: (sources: number[]) => Uint8Array,
): ConformanceModel["branches"] {
	return graph.types.flatMap((type, decision) => {
		if (type !== "decision") return [];
		const entries = (graph.outEdges[decision] ?? []).map((e) => {
			const seen = firstRecorded([graph.edges[e]?.to as number]);
			return [...seen.keys()].filter((v) => seen[v] && !silent[v]);
		});
		return [{ decision, entries }];
	});
}
