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

import { type PeriodKind, periodKey, periodLabel } from "../events/period.ts";
import type { EventStore } from "../events/store.ts";
import type { Message } from "../i18n/format.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { count, daysQuantile, type Figure, figure, ratio } from "./figure.ts";
import { buildGraph, type FlowGraph, type GraphEdge } from "./graph.ts";
import { type Ctx, maxDealLength, newTally, type Stays, stayLengths, type Tally, tallyDeal } from "./tally.ts";

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

export function computeMetrics(fc: Flowchart, store: EventStore, options: ComputeOptions = {}): FlowchartMetrics {
	const kind = options.period ?? "quarter";
	const g: FlowGraph = buildGraph(fc);
	const empty = store.order.length === 0;
	const k0 = empty ? 0 : periodKey(store.minAt, kind);
	const k1 = empty ? -1 : periodKey(store.maxAt, kind);
	const P = k1 - k0 + 1;
	const exportAt = options.exportAt ?? (empty ? 0 : store.maxAt + 1);
	const ctx: Ctx = { g, store, P, exportAt, pOf: (t) => periodKey(t, kind) - k0 };
	const t = newTally(g.n, P, g.edges.length, store);
	const visits = new Int32Array(Math.max(1, maxDealLength(store)));
	for (let d = 0; d < store.dealIds.length; d++) tallyDeal(ctx, t, d, visits);

	const periods = Array.from({ length: P }, (_, p) => periodLabel(k0 + p, kind));
	const allPs = Array.from({ length: P }, (_, p) => p);
	const stays = stayLengths(t, g.n, P);
	const steps = g.steps.map((_, s) => stepMetrics(ctx, t, stays, s, periods));
	const headline = (label: string, ps: number[], openDeals: number, openMsg: Message) =>
		headlineOf(t, label, ps, openDeals, openMsg, options.currency);
	let running = 0;
	const headlineByPeriod = allPs.map((p) => {
		running += t.openDiff[p]!;
		return headline(periods[p]!, [p], running, { key: "formula.openPeriod", args: { period: periods[p]! } });
	});
	const cur = options.currency;
	return {
		periodKind: kind,
		periods,
		// exportAt is the first moment after the export; show the last moment of it.
		exportDate: new Date(exportAt - 1).toISOString(),
		firstEvent: empty ? "" : new Date(store.minAt).toISOString(),
		lastEvent: empty ? "" : new Date(store.maxAt).toISOString(),
		...(cur ? { currency: cur } : {}),
		deals: store.dealIds.length,
		events: store.order.length,
		headline: headline("all", allPs, t.openNow, { key: "formula.openNow" }),
		headlineByPeriod,
		steps,
		edges: g.edges.map((e, i) => edgeMetrics(ctx, t, steps, e, i)),
		funnel: g.funnel.map((i) => g.steps[i]!.id),
		firstStages: g.firstStages.map((i) => g.steps[i]!.id),
	};
}

/** Step `s` over periods `ps` (one period, or all for "overall"). */
function stepPeriod(
	ctx: Ctx,
	t: Tally,
	stays: Stays,
	s: number,
	label: string,
	ps: number[],
	counts: { deals: number; cum: number; base: number },
): StepPeriodMetrics {
	const { g, P } = ctx;
	const { a } = t;
	const sum = (arr: Int32Array) => ps.reduce((n, p) => n + arr[s * P + p]!, 0);
	const step = g.steps[s]!;
	const entries = sum(a.entries);
	const stillIn = sum(a.stillIn);
	const movedOn = sum(a.movedOn);
	const days = stays(s, ps);
	const timed = step.type === "stage" || step.type === "start";
	const { deals, cum, base } = counts;
	return {
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
						args: { step: step.id, first: { or: g.firstStages.map((i) => g.steps[i]!.id) }, num: cum, den: base },
					}),
		medianDays: timed ? daysQuantile(days, 0.5, "formula.median", { step: step.id }) : null,
		p90Days: timed ? daysQuantile(days, 0.9, "formula.p90", { step: step.id }) : null,
	};
}

function stepMetrics(ctx: Ctx, t: Tally, stays: Stays, s: number, periods: string[]): StepMetrics {
	const { g, P } = ctx;
	const step = g.steps[s]!;
	const maxDays = step.metrics?.max_days;
	const target = Number.isNaN(g.targetConversion[s]!) ? undefined : g.targetConversion[s]!;
	const list = t.stalledDeals[s]!.sort((x, y) => y.days - x.days || x.deal.localeCompare(y.deal)).slice(0, 20);
	const allPs = periods.map((_, p) => p);
	const overall = { deals: t.dealsAll[s]!, cum: t.cumAll[s]!, base: t.cumBaseAll };
	const inPeriod = (p: number) => ({ deals: t.a.deals[s * P + p]!, cum: t.a.cum[s * P + p]!, base: t.cumBase[p]! });
	return {
		id: step.id,
		label: step.label,
		type: step.type,
		...(step.outcome ? { outcome: step.outcome } : {}),
		target: {
			...(target !== undefined ? { conversion: target } : {}),
			...(maxDays !== undefined ? { maxDays } : {}),
		},
		overall: stepPeriod(ctx, t, stays, s, "all", allPs, overall),
		periods: allPs.map((p) => stepPeriod(ctx, t, stays, s, periods[p]!, [p], inPeriod(p))),
		open: t.open[s]!,
		stalled:
			maxDays === undefined
				? null
				: count(t.stalled[s]!, { key: "formula.stalled", args: { step: step.id, days: { days: maxDays } } }),
		stalledDeals: list,
	};
}

/** Edge `i`: the share of its source's decided visits that took it, overall and per period. */
function edgeMetrics(ctx: Ctx, t: Tally, steps: StepMetrics[], e: GraphEdge, i: number): EdgeMetrics {
	const { g, P } = ctx;
	const from = steps[e.from]!;
	const share = (n: number, pm: StepPeriodMetrics) =>
		ratio(n, pm.entries - pm.stillIn, {
			key: "formula.edge",
			args: { from: from.id, to: g.steps[e.to]!.id, num: n, entries: pm.entries, stillIn: pm.stillIn },
		});
	let total = 0;
	const per = from.periods.map((pm, p) => {
		total += t.edgeCount[i * P + p]!;
		return share(t.edgeCount[i * P + p]!, pm);
	});
	return {
		key: e.key,
		from: from.id,
		to: g.steps[e.to]!.id,
		...(e.when ? { when: e.when } : {}),
		overall: share(total, from.overall),
		periods: per,
	};
}

/** Wins, losses, deal value, cycle and velocity over periods `ps`. */
function headlineOf(
	t: Tally,
	label: string,
	ps: number[],
	openDeals: number,
	openMsg: Message,
	cur: string | undefined,
): Headline {
	const total = (arr: Int32Array | Float64Array) => ps.reduce((n, p) => n + arr[p]!, 0);
	const w = total(t.won);
	const l = total(t.lostDeals);
	const value = total(t.wonValue);
	const withAmount = total(t.wonWithAmount);
	const winRate = ratio(w, w + l, { key: "formula.winRate", args: { won: w, lost: l } });
	const avgV = withAmount > 0 ? value / withAmount : null;
	const avgDealValue = figure({
		value: avgV,
		numerator: value,
		denominator: withAmount,
		unit: "money",
		...(cur ? { currency: cur } : {}),
		formulaMsg: { key: "formula.avgDealValue", args: { value: { money: value, currency: cur }, n: withAmount } },
	});
	const cycleDays = daysQuantile(Float64Array.from(ps.flatMap((p) => t.cycles[p]!)).sort(), 0.5, "formula.cycle");
	const velocity = (days: number) => velocityOf({ openDeals, winRate, avgV, cycleDays, days, cur });
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
}

/** Sales velocity over `days`: open deals × win rate × average value ÷ cycle length. */
function velocityOf(x: {
	openDeals: number;
	winRate: Figure;
	avgV: number | null;
	cycleDays: Figure;
	days: number;
	cur: string | undefined;
}): Figure {
	const { openDeals, winRate, avgV, cycleDays, days, cur } = x;
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
						avg: { money: avgV!, currency: cur },
						cycle: { days: cycleDays.value! },
					},
				}
			: { key: "formula.velocityNone", args: { times } },
	});
}
