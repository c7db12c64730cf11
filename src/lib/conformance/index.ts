/**
 * Conformance of real deals against the playbook, for the metrics page, the API, `npm run review` and
 * `npm run diff`. See analyse.ts for what is computed and align.ts for how.
 */
import type { PeriodKind } from "../events/period.ts";
import type { EventStore } from "../events/store.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { analyseConformance, type ConformanceReport } from "./analyse.ts";
import { conformanceModel } from "./model.ts";

export type { ConformanceReport, DeviationReport, VariantReport } from "./analyse.ts";
export { type ConformanceChange, compareConformance } from "./compare.ts";
export { type DeviationKind, deviationKinds } from "./deviations.ts";

/** The flowchart's own settings (`conformance:` in its YAML) applied to one event store. */
export function conformanceOf(
	fc: Flowchart,
	store: EventStore,
	options: { period?: PeriodKind; since?: number } = {},
): ConformanceReport {
	const settings = fc.conformance;
	const model = conformanceModel(fc, {
		allow: settings?.allow ?? [],
		lostAnywhere: settings?.lost_anywhere ?? true,
	});
	return analyseConformance(model, store, { ...options, byOwner: settings?.by_owner ?? false });
}

/** Variants listed in the API; the rest are counted (real exports can have tens of thousands). */
export const API_VARIANTS = 100;

/** The API's `conformance` object: numbers raw, shares as fractions, days as numbers. */
export function conformanceJson(r: ConformanceReport): Record<string, unknown> {
	return {
		formula: {
			fitness: "1 - alignment cost / (recorded steps + recorded steps on the shortest start-to-end route)",
			rate: "deals with fitness 1 / deals",
			logFitness: "1 - sum of alignment costs / sum of (recorded steps + shortest route) over all deals",
		},
		deals: r.deals,
		conforming: r.conforming,
		rate: r.rate,
		logFitness: r.logFitness,
		shortestRun: r.shortestRun,
		periodKind: r.periodKind,
		periods: r.periods,
		variantCount: r.variants.length,
		variants: r.variants.slice(0, API_VARIANTS),
		deviations: r.deviations,
		allowed: r.allowed,
		deadArrows: r.deadArrows,
		...(r.owners ? { owners: r.owners } : {}),
	};
}
