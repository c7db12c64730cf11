// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * The one pass over the deals that `computeMetrics` turns into figures: every visit, move, stay and
 * close counted into typed arrays per (step, period). The policies are in compute.ts.
 */

import type { EventStore } from "../events/store.ts";
import type { StalledDeal } from "./compute.ts";
import type { FlowGraph } from "./graph.ts";

const DAY = 86_400_000;

export interface Acc {
	entries: Int32Array;
	deals: Int32Array;
	reEntries: Int32Array;
	left: Int32Array;
	stillIn: Int32Array;
	movedOn: Int32Array;
	lost: Int32Array;
	skipped: Int32Array;
	other: Int32Array;
	cum: Int32Array;
	cumBase: Int32Array;
}

function acc(size: number): Acc {
	const z = () => new Int32Array(size);
	return {
		entries: z(),
		deals: z(),
		reEntries: z(),
		left: z(),
		stillIn: z(),
		movedOn: z(),
		lost: z(),
		skipped: z(),
		other: z(),
		cum: z(),
		cumBase: z(),
	};
}

/** What every counting function reads: the graph, the events and the period grid. */
export interface Ctx {
	g: FlowGraph;
	store: EventStore;
	/** Number of periods. */
	P: number;
	exportAt: number;
	/** Period number of a time. */
	pOf: (t: number) => number;
}

/** The counters one pass over the deals fills. Per (step, period) at `[s * P + p]`; overall by summing, except distinct deals. */
export interface Tally {
	a: Acc;
	dealsAll: Int32Array;
	cumAll: Int32Array;
	/** The last deal counted in a bucket, so each deal counts once per bucket. */
	stampP: Int32Array;
	stampAll: Int32Array;
	stampCum: Int32Array;
	edgeCount: Int32Array;
	open: Int32Array;
	stalled: Int32Array;
	stalledDeals: StalledDeal[][];
	won: Int32Array;
	lostDeals: Int32Array;
	wonValue: Float64Array;
	wonWithAmount: Int32Array;
	cycles: number[][];
	openDiff: Int32Array;
	openNow: number;
	cumBaseAll: number;
	cumBase: Int32Array;
	// Stay lengths as (bucket, days) pairs in two typed arrays: a million boxed numbers would not fit the memory budget.
	// Float32 keeps days to well under a second.
	durKey: Int32Array;
	durVal: Float32Array;
	durN: number;
}

export function newTally(N: number, P: number, edges: number, store: EventStore): Tally {
	return {
		a: acc(N * P),
		dealsAll: new Int32Array(N),
		cumAll: new Int32Array(N),
		stampP: new Int32Array(N * P).fill(-1),
		stampAll: new Int32Array(N).fill(-1),
		stampCum: new Int32Array(N).fill(-1),
		edgeCount: new Int32Array(edges * P),
		open: new Int32Array(N),
		stalled: new Int32Array(N),
		stalledDeals: Array.from({ length: N }, () => []),
		won: new Int32Array(P),
		lostDeals: new Int32Array(P),
		wonValue: new Float64Array(P),
		wonWithAmount: new Int32Array(P),
		cycles: Array.from({ length: P }, () => []),
		openDiff: new Int32Array(P + 1),
		openNow: 0,
		cumBaseAll: 0,
		cumBase: new Int32Array(P),
		durKey: new Int32Array(store.order.length),
		durVal: new Float32Array(store.order.length),
		durN: 0,
	};
}

/** One deal's place in its cohort: the visit at which it entered a first stage, and that period. */
interface Deal {
	d: number;
	firstF: number;
	cohort: number;
}

/** Counts one deal: its visits, the moves between them, and how it closed (or that it is open). */
export function tallyDeal(ctx: Ctx, t: Tally, d: number, visits: Int32Array): void {
	const { store, g } = ctx;
	const lo = store.offsets[d]!;
	const hi = store.offsets[d + 1]!;
	if (hi === lo) return;
	const k = collapseVisits(store, lo, hi, visits);
	const stepOf = store.columns.step;
	let firstF = -1;
	for (let i = 0; i < k; i++) {
		if (g.isFirstStage[stepOf[visits[i]!]!]) {
			firstF = i;
			break;
		}
	}
	const cohort = firstF >= 0 ? ctx.pOf(store.columns.at[visits[firstF]!]!) : -1;
	if (firstF >= 0) {
		t.cumBaseAll++;
		t.cumBase[cohort]!++;
	}
	const deal: Deal = { d, firstF, cohort };
	for (let i = 0; i < k; i++) {
		if (i < k - 1) tallyMove(ctx, t, deal, i, visits[i]!, visits[i + 1]!);
		else tallyLastVisit(ctx, t, deal, i, visits[i]!);
	}
	tallyClose(ctx, t, lo, hi, visits[k - 1]!);
}

/** The deal's events with consecutive events for the same step merged into one visit; returns the count. */
function collapseVisits(store: EventStore, lo: number, hi: number, visits: Int32Array): number {
	const stepOf = store.columns.step;
	let k = 0;
	for (let i = lo; i < hi; i++) {
		const r = store.order[i]!;
		if (k > 0 && stepOf[visits[k - 1]!] === stepOf[r]) continue;
		visits[k++] = r;
	}
	return k;
}

/** A visit (the deal's `i`-th) entering step `s` in period `p`: entries, distinct deals, re-entries, cohort reach. */
function enter(ctx: Ctx, t: Tally, deal: Deal, s: number, p: number, i: number): void {
	const { a } = t;
	const d = deal.d;
	const sp = s * ctx.P + p;
	a.entries[sp]!++;
	if (t.stampP[sp] !== d) {
		t.stampP[sp] = d;
		a.deals[sp]!++;
	}
	if (t.stampAll[s] !== d) {
		t.stampAll[s] = d;
		t.dealsAll[s]!++;
	} else a.reEntries[sp]!++;
	if (deal.firstF >= 0 && i >= deal.firstF && t.stampCum[s] !== d) {
		t.stampCum[s] = d;
		a.cum[s * ctx.P + deal.cohort]!++;
		t.cumAll[s]!++;
	}
}

/** A visit followed by another event: its stay, and the move counted on each transition along the route. */
function tallyMove(ctx: Ctx, t: Tally, deal: Deal, i: number, r: number, rn: number): void {
	const { g, P } = ctx;
	const N = g.n;
	const { a, edgeCount } = t;
	const { at, step: stepOf } = ctx.store.columns;
	const s = stepOf[r]!;
	const time = at[r]!;
	const p = ctx.pOf(time);
	const sp = s * P + p;
	enter(ctx, t, deal, s, p, i);
	const nx = stepOf[rn]!;
	const tn = at[rn]!;
	a.left[sp]!++;
	if (!g.isDecision[s] && !g.isEnd[s]) {
		t.durKey[t.durN] = sp;
		t.durVal[t.durN++] = (tn - time) / DAY;
	}
	if (g.movedOn[s * N + nx]) a.movedOn[sp]!++;
	if (g.isLost[nx]) a.lost[sp]!++;
	const path = g.paths[s * N + nx];
	if (!path) {
		if (g.forward[s * N + nx]) a.skipped[sp]!++;
		else a.other[sp]!++;
		return;
	}
	edgeCount[path[0]! * P + p]!++;
	// The decisions passed on the way are entered when the deal left this step.
	const pd = ctx.pOf(tn);
	for (let j = 1; j < path.length; j++) {
		const e = g.edges[path[j]!]!;
		const dsp = e.from * P + pd;
		enter(ctx, t, deal, e.from, pd, i);
		a.left[dsp]!++;
		if (g.movedOn[e.from * N + e.to]) a.movedOn[dsp]!++;
		if (g.isLost[e.to]) a.lost[dsp]!++;
		edgeCount[path[j]! * P + pd]!++;
	}
}

/** The deal's last visit: still in the step (and maybe stalled) unless it is an end. */
function tallyLastVisit(ctx: Ctx, t: Tally, deal: Deal, i: number, r: number): void {
	const { g } = ctx;
	const s = ctx.store.columns.step[r]!;
	const time = ctx.store.columns.at[r]!;
	const p = ctx.pOf(time);
	enter(ctx, t, deal, s, p, i);
	if (g.isEnd[s]) return;
	t.a.stillIn[s * ctx.P + p]!++;
	t.open[s]!++;
	const days = (ctx.exportAt - time) / DAY;
	if (days > g.maxDays[s]!) {
		t.stalled[s]!++;
		t.stalledDeals[s]!.push({ deal: ctx.store.dealIds[deal.d]!, days: Math.floor(days) });
	}
}

/** Open from its first event until it closes: won (with value and cycle length), lost, or still open. */
function tallyClose(ctx: Ctx, t: Tally, lo: number, hi: number, last: number): void {
	const { g, store } = ctx;
	const at = store.columns.at;
	const ls = store.columns.step[last]!;
	const first = store.order[lo]!;
	t.openDiff[ctx.pOf(at[first]!)]!++;
	if (!g.isEnd[ls]) {
		t.openNow++;
		return;
	}
	const pc = ctx.pOf(at[last]!);
	t.openDiff[pc]!--;
	if (g.isWon[ls]) {
		t.won[pc]!++;
		t.cycles[pc]!.push((at[last]! - at[first]!) / DAY);
		let amount = Number.NaN;
		for (let i = lo; i < hi; i++) {
			const v = store.columns.amount[store.order[i]!]!;
			if (!Number.isNaN(v)) amount = v;
		}
		if (!Number.isNaN(amount)) {
			t.wonValue[pc]! += amount;
			t.wonWithAmount[pc]!++;
		}
	} else if (g.isLost[ls]) t.lostDeals[pc]!++;
}

/** Sorted stay lengths of step `s` over periods `ps`. */
export type Stays = (s: number, ps: number[]) => Float32Array;

export function stayLengths(t: Tally, N: number, P: number): Stays {
	// Counting sort by bucket (s * P + p): each step's periods are then contiguous, and each bucket is sorted.
	const { durKey, durVal, durN } = t;
	const durStart = new Int32Array(N * P + 1);
	for (let i = 0; i < durN; i++) durStart[durKey[i]! + 1]!++;
	for (let b = 0; b < N * P; b++) durStart[b + 1]! += durStart[b]!;
	const durSorted = new Float32Array(durN);
	const fill = durStart.slice(0, N * P);
	for (let i = 0; i < durN; i++) durSorted[fill[durKey[i]!]!++] = durVal[i]!;
	for (let b = 0; b < N * P; b++) durSorted.subarray(durStart[b]!, durStart[b + 1]!).sort();
	return (s, ps) =>
		ps.length === 1
			? durSorted.subarray(durStart[s * P + ps[0]!]!, durStart[s * P + ps[0]! + 1]!)
			: durSorted.slice(durStart[s * P]!, durStart[s * P + P]!).sort();
}

export function maxDealLength(store: EventStore): number {
	let m = 0;
	for (let d = 0; d < store.dealIds.length; d++) m = Math.max(m, store.offsets[d + 1]! - store.offsets[d]!);
	return m;
}
