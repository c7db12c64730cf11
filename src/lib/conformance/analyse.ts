/**
 * Conformance of a CRM stage history against a flowchart: variants, fitness by optimal alignment,
 * deviations with their impact, and dead arrows. Each distinct variant is aligned once, so a million
 * events with ten thousand variants cost ten thousand alignments.
 *
 * Numbers are returned raw (shares as fractions, days as numbers); pages format and translate them.
 */
import { type PeriodKind, periodKey, periodLabel } from "../events/period.ts";
import type { EventStore } from "../events/store.ts";
import { type Alignment, align } from "./align.ts";
import { type Deviation, deviationsOf, takenEdges } from "./deviations.ts";
import type { ConformanceModel } from "./model.ts";
import { groupStats, impact, type Outcome, type VariantDeals } from "./stats.ts";

const DAY = 86_400_000;

export interface VariantReport {
	/** Step ids in the order deals recorded them. */
	steps: string[];
	deals: number;
	share: number;
	/** Share of all deals covered by this and every more frequent variant. */
	cumulative: number;
	closed: boolean;
	fitness: number;
	medianDays: number | null;
	winRate: number | null;
	/** Keys of its deviations (see `deviations`). */
	deviations: string[];
}

export interface DeviationReport extends Deviation, Outcome {
	/** Deals with it, and their share of all deals. */
	deals: number;
	share: number;
	/** The allowlist's reason when the team accepts this deviation. */
	reason?: string;
}

export interface PeriodConformance {
	period: string;
	deals: number;
	conforming: number;
	rate: number | null;
}

export interface ConformanceReport {
	deals: number;
	/** Deals whose alignment costs nothing (fitness 1), and their share. */
	conforming: number;
	rate: number | null;
	/** 1 − Σ cost / Σ (trace length + shortest run) over all deals. */
	logFitness: number | null;
	shortestRun: number;
	variants: VariantReport[];
	/** Deviations that count against fitness, largest impact on wins (either way) first. */
	deviations: DeviationReport[];
	/** Deviations the flowchart's allowlist accepts, with the reason. */
	allowed: DeviationReport[];
	/** Documented arrows no deal took: `from->to` keys. */
	deadArrows: { key: string; from: string; to: string; when?: string }[];
	periodKind: PeriodKind;
	periods: PeriodConformance[];
	/** Per owner, only when the flowchart opts in (`conformance.by_owner`). */
	owners?: { owner: string; deals: number; conforming: number; rate: number | null }[];
}

export interface AnalyseOptions {
	period?: PeriodKind;
	byOwner?: boolean;
	/** Only deals whose first recorded step is at or after this time (ms). */
	since?: number;
}

interface Variant {
	trace: number[];
	closed: boolean;
	deals: number[];
	alignment: Alignment;
	deviations: Deviation[];
}

export function analyseConformance(
	model: ConformanceModel,
	store: EventStore,
	options: AnalyseOptions = {},
): ConformanceReport {
	const variants = groupVariants(model, store, options.since);
	const outcome = dealOutcomes(model, store);
	const total = variants.reduce((s, v) => s + v.deals.length, 0);
	let conforming = 0;
	let cost = 0;
	let worst = 0;
	for (const v of variants) {
		if (v.alignment.cost === 0) conforming += v.deals.length;
		cost += v.alignment.cost * v.deals.length;
		worst += (v.trace.length + model.shortestRun) * v.deals.length;
	}
	const ranked = [...variants].sort((a, b) => b.deals.length - a.deals.length || a.trace.length - b.trace.length);
	const deviationReports = reportDeviations(model, ranked, outcome, total);
	return {
		deals: total,
		conforming,
		rate: total ? conforming / total : null,
		logFitness: worst ? 1 - cost / worst : null,
		shortestRun: model.shortestRun,
		variants: reportVariants(model, ranked, outcome, total),
		deviations: deviationReports.filter((d) => d.allowed === undefined),
		allowed: deviationReports.filter((d) => d.allowed !== undefined),
		deadArrows: deadArrows(model, variants),
		periodKind: options.period ?? "quarter",
		periods: periodRates(store, variants, options.period ?? "quarter"),
		...(options.byOwner ? { owners: ownerRates(store, variants) } : {}),
	};
}

/** Deals grouped by their exact recorded sequence; each sequence aligned once. */
function groupVariants(model: ConformanceModel, store: EventStore, since?: number): Variant[] {
	const byKey = new Map<string, Variant>();
	const { columns, order, offsets } = store;
	for (let d = 0; d < store.dealIds.length; d++) {
		const lo = offsets[d] as number;
		const hi = offsets[d + 1] as number;
		if (lo === hi) continue;
		if (since !== undefined && (columns.at[order[lo] as number] as number) < since) continue;
		// Two CRM stages mapped to one step are one visit, as in the metrics.
		const trace: number[] = [];
		for (let i = lo; i < hi; i++) {
			const step = columns.step[order[i] as number] as number;
			if (trace[trace.length - 1] !== step) trace.push(step);
		}
		const key = trace.join(",");
		let v = byKey.get(key);
		if (!v) {
			const closed = model.isEnd[trace[trace.length - 1] as number] === 1;
			const alignment = align(model, trace, closed);
			v = { trace, closed, deals: [], alignment, deviations: deviationsOf(model, trace, alignment) };
			byKey.set(key, v);
		}
		v.deals.push(d);
	}
	return [...byKey.values()];
}

/** Per deal: won (1), lost or other end (0), open (-1); days from first to last record when closed. */
function dealOutcomes(model: ConformanceModel, store: EventStore): VariantDeals {
	const n = store.dealIds.length;
	const won = new Int8Array(n).fill(-1);
	const days = new Float64Array(n).fill(Number.NaN);
	const { columns, order, offsets } = store;
	for (let d = 0; d < n; d++) {
		const lo = offsets[d] as number;
		const hi = offsets[d + 1] as number;
		if (lo === hi) continue;
		const last = order[hi - 1] as number;
		const step = columns.step[last] as number;
		if (!model.isEnd[step]) continue;
		won[d] = model.isWon[step] ? 1 : 0;
		days[d] = ((columns.at[last] as number) - (columns.at[order[lo] as number] as number)) / DAY;
	}
	return { won, days };
}

function reportVariants(
	model: ConformanceModel,
	ranked: Variant[],
	outcome: VariantDeals,
	total: number,
): VariantReport[] {
	let running = 0;
	return ranked.map((v) => {
		running += v.deals.length;
		const stats = groupStats(outcome, v.deals);
		return {
			steps: v.trace.map((s) => model.graph.ids[s] as string),
			deals: v.deals.length,
			share: v.deals.length / total,
			cumulative: running / total,
			closed: v.closed,
			fitness: v.alignment.fitness,
			medianDays: stats.medianDays,
			winRate: stats.winRate,
			deviations: v.deviations.map((d) => d.key),
		};
	});
}

function reportDeviations(
	model: ConformanceModel,
	variants: Variant[],
	outcome: VariantDeals,
	total: number,
): DeviationReport[] {
	const groups = new Map<string, { deviation: Deviation; deals: number[] }>();
	for (const v of variants) {
		for (const d of v.deviations) {
			let g = groups.get(d.key);
			if (!g) {
				g = { deviation: d, deals: [] };
				groups.set(d.key, g);
			}
			for (const deal of v.deals) g.deals.push(deal);
		}
	}
	const all = groupStats(
		outcome,
		variants.flatMap((v) => v.deals),
	);
	const reports = [...groups.values()].map(({ deviation, deals }): DeviationReport => {
		const reason = deviation.allowed === undefined ? undefined : model.allow[deviation.allowed]?.reason;
		return {
			...deviation,
			deals: deals.length,
			share: deals.length / total,
			...impact(groupStats(outcome, deals), all),
			...(reason === undefined ? {} : { reason }),
		};
	});
	// Impact either way: a shortcut that wins more deals matters to a review as much as one that loses them.
	return reports.sort(
		(a, b) => Math.abs(b.lostWins) - Math.abs(a.lostWins) || b.deals - a.deals || a.key.localeCompare(b.key),
	);
}

function deadArrows(model: ConformanceModel, variants: Variant[]): ConformanceReport["deadArrows"] {
	const taken = new Uint8Array(model.graph.edges.length);
	for (const v of variants) for (const e of takenEdges(model, v.alignment)) taken[e] = 1;
	return model.graph.edges.flatMap((e, i) => {
		if (taken[i]) return [];
		const from = model.graph.ids[e.from] as string;
		const to = model.graph.ids[e.to] as string;
		return [{ key: e.key, from, to, ...(e.when ? { when: e.when } : {}) }];
	});
}

/** Conformance rate per period of each deal's first record. */
function periodRates(store: EventStore, variants: Variant[], kind: PeriodKind): PeriodConformance[] {
	const byPeriod = new Map<number, { deals: number; conforming: number }>();
	for (const v of variants) {
		for (const d of v.deals) {
			const at = store.columns.at[store.order[store.offsets[d] as number] as number] as number;
			const key = periodKey(at, kind);
			const p = byPeriod.get(key) ?? { deals: 0, conforming: 0 };
			p.deals++;
			if (v.alignment.cost === 0) p.conforming++;
			byPeriod.set(key, p);
		}
	}
	return [...byPeriod.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([key, p]) => ({ period: periodLabel(key, kind), ...p, rate: p.deals ? p.conforming / p.deals : null }));
}

/** Per owner of the deal's latest record; only computed when the team opts in. */
function ownerRates(store: EventStore, variants: Variant[]): NonNullable<ConformanceReport["owners"]> {
	const byOwner = new Map<string, { deals: number; conforming: number }>();
	for (const v of variants) {
		for (const d of v.deals) {
			const last = store.order[(store.offsets[d + 1] as number) - 1] as number;
			const o = store.columns.owner[last] as number;
			const owner = o >= 0 ? (store.owners[o] as string) : "";
			const p = byOwner.get(owner) ?? { deals: 0, conforming: 0 };
			p.deals++;
			if (v.alignment.cost === 0) p.conforming++;
			byOwner.set(owner, p);
		}
	}
	return [...byOwner.entries()]
		.sort((a, b) => b[1].deals - a[1].deals || a[0].localeCompare(b[0]))
		.map(([owner, p]) => ({ owner, ...p, rate: p.deals ? p.conforming / p.deals : null }));
}
