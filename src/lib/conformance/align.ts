/**
 * Optimal alignment of one deal's recorded steps against the flowchart. Decisions are exclusive, so
 * the model is a plain graph and an alignment is a shortest path over (model step × trace position):
 * - synchronous move: follow an arc to the step the trace records next (cost 0);
 * - model move: follow an arc without consuming the trace; costs 1 when the step is recorded by a
 *   CRM (a documented step the deal skipped), 0 when it is silent (a start or a decision);
 * - log move: consume a recorded step the playbook does not allow here (cost 1).
 * Costs are 0 or 1, so a bucketed breadth-first search finds the optimum in O(states × arcs).
 */
import { type ConformanceModel, LOST_ANYWHERE } from "./model.ts";

export type MoveKind = "sync" | "model" | "log";

export interface Move {
	kind: MoveKind;
	/** The model step (sync, model) or the recorded step (log). */
	step: number;
	/** The arc followed (sync, model): edge number, allowlist entry `-1 - i`, or from the virtual root. */
	ref?: number;
	/** The step the arc left; -1 for the virtual root. */
	from?: number;
}

export interface Alignment {
	cost: number;
	moves: Move[];
	/** 1 − cost / (trace length + shortest start-to-end run); 1 for an empty trace. */
	fitness: number;
}

/**
 * Aligns `trace` (step numbers in time order). A `closed` trace must end at an end step; an open one
 * (a deal still in progress) may stop anywhere, so it is aligned as a prefix of the process.
 */
export function align(model: ConformanceModel, trace: readonly number[], closed: boolean): Alignment {
	const width = model.n + 1;
	const root = model.n;
	const T = trace.length;
	const states = width * (T + 1);
	const dist = new Int32Array(states).fill(-1);
	const back = new Int32Array(states).fill(-1);
	const backArc = new Int32Array(states);
	const backKind = new Uint8Array(states);
	const buckets: number[][] = [[root]];
	// Best cost a state was queued with, so each state is queued at most once per better cost.
	const seen = new Int32Array(states).fill(2 ** 30);
	seen[root] = 0;
	let goal = -1;
	for (let cost = 0; cost < buckets.length && goal < 0; cost++) {
		const bucket = buckets[cost] ?? [];
		for (let k = 0; k < bucket.length; k++) {
			const state = bucket[k] as number;
			if (dist[state] !== -1) continue;
			dist[state] = cost;
			const v = state % width;
			const i = (state - v) / width;
			if (i === T && (closed ? v < root && model.isEnd[v] === 1 : true)) {
				goal = state;
				break;
			}
			const arcs = model.arcs[v] ?? [];
			/** Whether `arc` is documented while the way `to` was first reached is a lost-anywhere shortcut. */
			const prefersDocumented = (to: number, arc: number) => {
				if ((arcs[arc]?.ref ?? -1) < 0 || backKind[to] === LOG) return false;
				const from = (back[to] as number) % width;
				return model.arcs[from]?.[backArc[to] as number]?.ref === LOST_ANYWHERE;
			};
			const relax = (to: number, c: number, kind: number, arc: number) => {
				const total = cost + c;
				if (dist[to] !== -1) return;
				if ((seen[to] as number) === total && kind !== LOG && prefersDocumented(to, arc)) {
					// Same cost through a documented arrow: keep that, so the arrow counts as taken (not dead).
					back[to] = state;
					backKind[to] = kind;
					backArc[to] = arc;
					return;
				}
				if ((seen[to] as number) <= total) return;
				seen[to] = total;
				back[to] = state;
				backKind[to] = kind;
				backArc[to] = arc;
				let target = buckets[total];
				if (!target) {
					target = [];
					buckets[total] = target;
				}
				target.push(to);
			};
			for (let a = 0; a < arcs.length; a++) {
				const arc = arcs[a] as { to: number; ref: number };
				if (i < T && trace[i] === arc.to) relax((i + 1) * width + arc.to, 0, SYNC, a);
				relax(i * width + arc.to, model.silent[arc.to] ? 0 : 1, MODEL, a);
			}
			if (i < T) relax((i + 1) * width + v, 1, LOG, -1);
		}
	}
	return finish(model, trace, goal, dist, { back, backArc, backKind }, width);
}

const SYNC = 1;
const MODEL = 2;
const LOG = 3;

function finish(
	model: ConformanceModel,
	trace: readonly number[],
	goal: number,
	dist: Int32Array,
	path: { back: Int32Array; backArc: Int32Array; backKind: Uint8Array },
	width: number,
): Alignment {
	const denominator = trace.length + model.shortestRun;
	if (goal < 0) {
		// No end is reachable at all (a broken model): every recorded step is a log move.
		const moves = trace.map((step): Move => ({ kind: "log", step }));
		return { cost: denominator, moves, fitness: denominator === 0 ? 1 : 0 };
	}
	const moves: Move[] = [];
	for (let s = goal; path.back[s] !== -1; s = path.back[s] as number) {
		const prev = path.back[s] as number;
		const from = prev % width;
		const kind = path.backKind[s];
		if (kind === LOG) {
			const i = (prev - from) / width;
			moves.push({ kind: "log", step: trace[i] as number });
			continue;
		}
		const arc = model.arcs[from]?.[path.backArc[s] as number];
		if (!arc) continue;
		moves.push({
			kind: kind === SYNC ? "sync" : "model",
			step: arc.to,
			ref: arc.ref,
			from: from === model.n ? -1 : from,
		});
	}
	moves.reverse();
	const cost = dist[goal] as number;
	return { cost, moves, fitness: denominator === 0 ? 1 : 1 - cost / denominator };
}
