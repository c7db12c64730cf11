// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * Pure metrics over an EventStore and a flowchart. Policies (also in content/metrics/README.md):
 * - A visit is a deal entering a step. Consecutive events for the same step (two CRM stages mapped to
 *   one step) are one visit, timed from the first. Events with equal times keep export order.
 * - "Deals entering" counts distinct deals; a deal coming back (a loop via nurture) adds a re-entry,
 *   and conversion and time are counted per visit, so a deal that loops is counted at each pass.
 * - A visit's next step is the deal's next event. The move counts on each transition along the route
 *   through decisions (CRMs do not record diamonds); a move with no route is a skip (if it still moves
 *   on) or "other" (backwards or off the chart).
 * - Conversion = moved on ÷ (entries − still in the step): open deals still sitting in the step have
 *   not decided yet. Moving on is defined in graph.ts.
 * - Cumulative conversion is by cohort: of deals entering a first stage, the share that later entered
 *   the step; periods group deals by when they entered the first stage.
 * - Periods group a visit by the date it entered the step; a decision is entered when the deal left
 *   the step before it. Wins, losses, deal value and cycle length go by the date the deal closed.
 * - A deal is open when its last event is not an end step. Stalled: open deals whose step has
 *   `max_days` and that have sat there longer than that at the export date.
 */

import type { Message } from "../i18n/format.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import type { EventStore } from "./events.ts";
import { count, daysQuantile, type Figure, figure, ratio } from "./figure.ts";
import { buildGraph, type FlowGraph } from "./graph.ts";

const DAY = 86_400_000;

export type PeriodKind = "quarter" | "month";

export interface ComputeOptions {
	/** Trend period; default quarter. */
	period?: PeriodKind;
	/** When stalled ages are measured (ms); default the latest event time. */
	exportAt?: number;
	/** ISO currency code for displays, e.g. "USD"; plain numbers without it. */
	currency?: string;
}

/** One step's numbers for one period, or overall. */
export interface StepPeriodMetrics {
	/** Period label ("2026-Q1", "2026-03") or "all". */
	period: string;
	/** Distinct deals entering the step. */
	deals: number;
	/** Visits, re-entries included. */
	entries: number;
	/** Visits by deals that had already been in the step. */
	reEntries: number;
	/** Visits followed by another event. */
	left: number;
	/** Visits of open deals still in the step at the export date. */
	stillIn: number;
	/** Visits that moved on (see module comment). */
	movedOn: number;
	/** Visits whose next step was a lost end. */
	lost: number;
	/** Visits that moved on to a step with no transition from here (skipped steps). */
	skipped: number;
	/** Visits that went backwards or off the chart without a transition. */
	other: number;
	/** null for end steps. */
	conversion: Figure | null;
	/** null for start steps and steps before the first stage. */
	cumulative: Figure | null;
	/** Days from entering to the next event; null for decisions and ends. */
	medianDays: Figure | null;
	p90Days: Figure | null;
}

export interface StalledDeal {
	deal: string;
	/** Whole days in the step at the export date. */
	days: number;
}

export interface StepMetrics {
	id: string;
	label: string;
	type: "start" | "stage" | "decision" | "end";
	outcome?: "won" | "lost" | "other";
	target: { conversion?: number; maxDays?: number };
	overall: StepPeriodMetrics;
	/** Aligned with `FlowchartMetrics.periods`. */
	periods: StepPeriodMetrics[];
	/** Open deals whose last event is this step. */
	open: number;
	/** Open deals here longer than `max_days`; null when the step has no `max_days`. */
	stalled: Figure | null;
	/** The longest-stalled deals, at most 20, longest first. */
	stalledDeals: StalledDeal[];
}

export interface EdgeMetrics {
	/** "from->to". */
	key: string;
	from: string;
	to: string;
	when?: string;
	/** Share of the source's decided visits that took this transition. */
	overall: Figure;
	periods: Figure[];
}

export interface Headline {
	period: string;
	/** Overall: open now; per period: open at the end of the period. */
	openDeals: Figure;
	won: Figure;
	lost: Figure;
	winRate: Figure;
	avgDealValue: Figure;
	cycleDays: Figure;
	velocityPerDay: Figure;
	velocityPer30Days: Figure;
}

export interface FlowchartMetrics {
	periodKind: PeriodKind;
	periods: string[];
	/** ISO timestamps. */
	exportDate: string;
	firstEvent: string;
	lastEvent: string;
	currency?: string;
	/** Distinct deals and events used. */
	deals: number;
	events: number;
	headline: Headline;
	headlineByPeriod: Headline[];
	/** In the flowchart's reading order. */
	steps: StepMetrics[];
	edges: EdgeMetrics[];
	/** Stage ids in funnel order. */
	funnel: string[];
	firstStages: string[];
}

export function periodKey(ms: number, kind: PeriodKind): number {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth();
	return kind === "quarter" ? y * 4 + Math.floor(m / 3) : y * 12 + m;
}

export function periodLabel(key: number, kind: PeriodKind): string {
	if (kind === "quarter") return `${Math.floor(key / 4)}-Q${(key % 4) + 1}`;
	return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
}

interface Acc {
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

export function computeMetrics(fc: Flowchart, store: EventStore, options: ComputeOptions = {}): FlowchartMetrics {
	const kind = options.period ?? "quarter";
	const g: FlowGraph = buildGraph(fc);
	const N = g.n;
	const c = store.columns;
	const at = c.at;
	const stepOf = c.step;
	const nDeals = store.dealIds.length;
	const empty = store.order.length === 0;
	const k0 = empty ? 0 : periodKey(store.minAt, kind);
	const k1 = empty ? -1 : periodKey(store.maxAt, kind);
	const P = k1 - k0 + 1;
	const exportAt = options.exportAt ?? (empty ? 0 : store.maxAt + 1);
	const pOf = (t: number) => periodKey(t, kind) - k0;

	// Per (step, period) accumulators at [s * P + p]; overall derived by summing, except distinct deals.
	const a = acc(N * P);
	const dealsAll = new Int32Array(N);
	const cumAll = new Int32Array(N);
	const stampP = new Int32Array(N * P).fill(-1);
	const stampAll = new Int32Array(N).fill(-1);
	const stampCum = new Int32Array(N).fill(-1);
	const edgeCount = new Int32Array(g.edges.length * P);
	const open = new Int32Array(N);
	const stalled = new Int32Array(N);
	const stalledDeals: StalledDeal[][] = Array.from({ length: N }, () => []);
	const won = new Int32Array(P);
	const lostDeals = new Int32Array(P);
	const wonValue = new Float64Array(P);
	const wonWithAmount = new Int32Array(P);
	const cycles: number[][] = Array.from({ length: P }, () => []);
	const openDiff = new Int32Array(P + 1);
	let openNow = 0;
	let cumBaseAll = 0;
	const cumBase = new Int32Array(P);
	// Stay lengths as (bucket, days) pairs in two typed arrays: a million boxed numbers would not fit the memory budget.
	// Float32 keeps days to well under a second.
	const durKey = new Int32Array(store.order.length);
	const durVal = new Float32Array(store.order.length);
	let durN = 0;
	const visits = new Int32Array(Math.max(1, maxDealLength(store)));

	for (let d = 0; d < nDeals; d++) {
		const lo = store.offsets[d]!;
		const hi = store.offsets[d + 1]!;
		if (hi === lo) continue;
		let k = 0;
		for (let i = lo; i < hi; i++) {
			const r = store.order[i]!;
			if (k > 0 && stepOf[visits[k - 1]!] === stepOf[r]) continue;
			visits[k++] = r;
		}
		let firstF = -1;
		for (let i = 0; i < k; i++) {
			if (g.isFirstStage[stepOf[visits[i]!]!]) {
				firstF = i;
				break;
			}
		}
		const cohort = firstF >= 0 ? pOf(at[visits[firstF]!]!) : -1;
		if (firstF >= 0) {
			cumBaseAll++;
			cumBase[cohort]!++;
		}

		const enter = (s: number, p: number, i: number) => {
			const sp = s * P + p;
			a.entries[sp]!++;
			if (stampP[sp] !== d) {
				stampP[sp] = d;
				a.deals[sp]!++;
			}
			if (stampAll[s] !== d) {
				stampAll[s] = d;
				dealsAll[s]!++;
			} else a.reEntries[sp]!++;
			if (firstF >= 0 && i >= firstF && stampCum[s] !== d) {
				stampCum[s] = d;
				a.cum[s * P + cohort]!++;
				cumAll[s]!++;
			}
		};

		for (let i = 0; i < k; i++) {
			const r = visits[i]!;
			const s = stepOf[r]!;
			const t = at[r]!;
			const p = pOf(t);
			const sp = s * P + p;
			enter(s, p, i);
			if (i < k - 1) {
				const rn = visits[i + 1]!;
				const nx = stepOf[rn]!;
				const tn = at[rn]!;
				a.left[sp]!++;
				if (!g.isDecision[s] && !g.isEnd[s]) {
					durKey[durN] = sp;
					durVal[durN++] = (tn - t) / DAY;
				}
				if (g.movedOn[s * N + nx]) a.movedOn[sp]!++;
				if (g.isLost[nx]) a.lost[sp]!++;
				const path = g.paths[s * N + nx];
				if (path) {
					edgeCount[path[0]! * P + p]!++;
					if (path.length > 1) {
						const pd = pOf(tn);
						for (let j = 1; j < path.length; j++) {
							const e = g.edges[path[j]!]!;
							const dsp = e.from * P + pd;
							enter(e.from, pd, i);
							a.left[dsp]!++;
							if (g.movedOn[e.from * N + e.to]) a.movedOn[dsp]!++;
							if (g.isLost[e.to]) a.lost[dsp]!++;
							edgeCount[path[j]! * P + pd]!++;
						}
					}
				} else if (g.forward[s * N + nx]) a.skipped[sp]!++;
				else a.other[sp]!++;
			} else if (!g.isEnd[s]) {
				a.stillIn[sp]!++;
				open[s]!++;
				const days = (exportAt - t) / DAY;
				if (days > g.maxDays[s]!) {
					stalled[s]!++;
					stalledDeals[s]!.push({ deal: store.dealIds[d]!, days: Math.floor(days) });
				}
			}
		}

		const last = visits[k - 1]!;
		const ls = stepOf[last]!;
		const first = store.order[lo]!;
		const pFirst = pOf(at[first]!);
		openDiff[pFirst]!++;
		if (!g.isEnd[ls]) {
			openNow++;
			continue;
		}
		const pc = pOf(at[last]!);
		openDiff[pc]!--;
		if (g.isWon[ls]) {
			won[pc]!++;
			cycles[pc]!.push((at[last]! - at[first]!) / DAY);
			let amount = Number.NaN;
			for (let i = lo; i < hi; i++) {
				const v = c.amount[store.order[i]!]!;
				if (!Number.isNaN(v)) amount = v;
			}
			if (!Number.isNaN(amount)) {
				wonValue[pc]! += amount;
				wonWithAmount[pc]!++;
			}
		} else if (g.isLost[ls]) lostDeals[pc]!++;
	}

	// Counting sort by bucket (s * P + p): each step's periods are then contiguous, and each bucket is sorted.
	const durStart = new Int32Array(N * P + 1);
	for (let i = 0; i < durN; i++) durStart[durKey[i]! + 1]!++;
	for (let b = 0; b < N * P; b++) durStart[b + 1]! += durStart[b]!;
	const durSorted = new Float32Array(durN);
	const fill = durStart.slice(0, N * P);
	for (let i = 0; i < durN; i++) durSorted[fill[durKey[i]!]!++] = durVal[i]!;
	for (let b = 0; b < N * P; b++) durSorted.subarray(durStart[b]!, durStart[b + 1]!).sort();
	const stays = (s: number, ps: number[]) =>
		ps.length === 1
			? durSorted.subarray(durStart[s * P + ps[0]!]!, durStart[s * P + ps[0]! + 1]!)
			: durSorted.slice(durStart[s * P]!, durStart[s * P + P]!).sort();

	const periods = Array.from({ length: P }, (_, p) => periodLabel(k0 + p, kind));
	const firstNames = g.firstStages.map((i) => g.steps[i]!.id);

	const sortedDays = (list: number[]) => Float64Array.from(list).sort();
	const stepPeriod = (s: number, label: string, ps: number[], deals: number, cum: number, base: number) => {
		const sum = (arr: Int32Array) => ps.reduce((t, p) => t + arr[s * P + p]!, 0);
		const step = g.steps[s]!;
		const entries = sum(a.entries);
		const stillIn = sum(a.stillIn);
		const movedOn = sum(a.movedOn);
		const days = stays(s, ps);
		const timed = step.type === "stage" || step.type === "start";
		const m: StepPeriodMetrics = {
			period: label,
			deals,
			entries,
			reEntries: sum(a.reEntries),
			left: sum(a.left),
			stillIn,
			movedOn,
			lost: sum(a.lost),
			skipped: sum(a.skipped),
			other: sum(a.other),
			conversion:
				step.type === "end"
					? null
					: ratio(movedOn, entries - stillIn, {
							key: "formula.conversion",
							args: { step: step.id, num: movedOn, entries, stillIn },
						}),
			cumulative:
				g.firstStages.length === 0 || step.type === "start"
					? null
					: ratio(cum, base, {
							key: "formula.cumulative",
							args: { step: step.id, first: { or: firstNames }, num: cum, den: base },
						}),
			medianDays: timed ? daysQuantile(days, 0.5, "formula.median", { step: step.id }) : null,
			p90Days: timed ? daysQuantile(days, 0.9, "formula.p90", { step: step.id }) : null,
		};
		return m;
	};
	const allPs = Array.from({ length: P }, (_, p) => p);
	const steps: StepMetrics[] = g.steps.map((step, s) => {
		const maxDays = step.metrics?.max_days;
		const target = Number.isNaN(g.targetConversion[s]!) ? undefined : g.targetConversion[s]!;
		const list = stalledDeals[s]!.sort((x, y) => y.days - x.days || x.deal.localeCompare(y.deal)).slice(0, 20);
		return {
			id: step.id,
			label: step.label,
			type: step.type,
			...(step.outcome ? { outcome: step.outcome } : {}),
			target: {
				...(target !== undefined ? { conversion: target } : {}),
				...(maxDays !== undefined ? { maxDays } : {}),
			},
			overall: stepPeriod(s, "all", allPs, dealsAll[s]!, cumAll[s]!, cumBaseAll),
			periods: allPs.map((p) => stepPeriod(s, periods[p]!, [p], a.deals[s * P + p]!, a.cum[s * P + p]!, cumBase[p]!)),
			open: open[s]!,
			stalled:
				maxDays === undefined
					? null
					: count(stalled[s]!, { key: "formula.stalled", args: { step: step.id, days: { days: maxDays } } }),
			stalledDeals: list,
		};
	});

	const edges: EdgeMetrics[] = g.edges.map((e, i) => {
		const from = steps[e.from]!;
		const share = (n: number, pm: StepPeriodMetrics) =>
			ratio(n, pm.entries - pm.stillIn, {
				key: "formula.edge",
				args: { from: from.id, to: g.steps[e.to]!.id, num: n, entries: pm.entries, stillIn: pm.stillIn },
			});
		let total = 0;
		const per = allPs.map((p) => {
			total += edgeCount[i * P + p]!;
			return share(edgeCount[i * P + p]!, from.periods[p]!);
		});
		return {
			key: e.key,
			from: from.id,
			to: g.steps[e.to]!.id,
			...(e.when ? { when: e.when } : {}),
			overall: share(total, from.overall),
			periods: per,
		};
	});

	const cur = options.currency;
	const headline = (label: string, ps: number[], openDeals: number, openMsg: Message): Headline => {
		const w = ps.reduce((t, p) => t + won[p]!, 0);
		const l = ps.reduce((t, p) => t + lostDeals[p]!, 0);
		const value = ps.reduce((t, p) => t + wonValue[p]!, 0);
		const withAmount = ps.reduce((t, p) => t + wonWithAmount[p]!, 0);
		const winRate = ratio(w, w + l, { key: "formula.winRate", args: { won: w, lost: l } });
		const avgV = withAmount > 0 ? value / withAmount : null;
		const money = (v: number) => ({ money: v, currency: cur });
		const avgDealValue = figure({
			value: avgV,
			numerator: value,
			denominator: withAmount,
			unit: "money",
			...(cur ? { currency: cur } : {}),
			formulaMsg: { key: "formula.avgDealValue", args: { value: money(value), n: withAmount } },
		});
		const cycleDays = daysQuantile(sortedDays(ps.flatMap((p) => cycles[p]!)), 0.5, "formula.cycle");
		const velocity = (days: number): Figure => {
			const ok = winRate.value !== null && avgV !== null && cycleDays.value !== null && cycleDays.value > 0;
			const v = ok ? (openDeals * winRate.value! * avgV! * days) / cycleDays.value! : null;
			const times = days === 1 ? "" : ` × ${days}`;
			return figure({
				value: v,
				numerator: ok ? openDeals * winRate.value! * avgV! : 0,
				denominator: cycleDays.value ?? 0,
				unit: "money-per-day",
				...(cur ? { currency: cur } : {}),
				...(days === 1 ? {} : { perDays: days }),
				formulaMsg: ok
					? {
							key: "formula.velocity",
							args: {
								times,
								open: openDeals,
								rate: { share: winRate.value! },
								avg: money(avgV!),
								cycle: { days: cycleDays.value! },
							},
						}
					: { key: "formula.velocityNone", args: { times } },
			});
		};
		return {
			period: label,
			openDeals: count(openDeals, openMsg),
			won: count(w, { key: "formula.won" }),
			lost: count(l, { key: "formula.lost" }),
			winRate,
			avgDealValue,
			cycleDays,
			velocityPerDay: velocity(1),
			velocityPer30Days: velocity(30),
		};
	};
	let running = 0;
	const headlineByPeriod = allPs.map((p) => {
		running += openDiff[p]!;
		return headline(periods[p]!, [p], running, { key: "formula.openPeriod", args: { period: periods[p]! } });
	});
	return {
		periodKind: kind,
		periods,
		// exportAt is the first moment after the export; show the last moment of it.
		exportDate: new Date(exportAt - 1).toISOString(),
		firstEvent: empty ? "" : new Date(store.minAt).toISOString(),
		lastEvent: empty ? "" : new Date(store.maxAt).toISOString(),
		...(cur ? { currency: cur } : {}),
		deals: nDeals,
		events: store.order.length,
		headline: headline("all", allPs, openNow, { key: "formula.openNow" }),
		headlineByPeriod,
		steps,
		edges,
		funnel: g.funnel.map((i) => g.steps[i]!.id),
		firstStages: g.firstStages.map((i) => g.steps[i]!.id),
	};
}

function maxDealLength(store: EventStore): number {
	let m = 0;
	for (let d = 0; d < store.dealIds.length; d++) m = Math.max(m, store.offsets[d + 1]! - store.offsets[d]!);
	return m;
}
