/**
 * The same CRM history replayed against the current and the proposed flowchart: what a pull request
 * would change in how well real deals fit the playbook ("writing down the shortcut from demo to
 * negotiation makes 412 more deals conform; 2 arrows would be dead").
 */
import type { ConformanceReport } from "./analyse.ts";

export interface DeviationChange {
	key: string;
	before: number;
	after: number;
}

export interface ConformanceChange {
	rateBefore: number | null;
	rateAfter: number | null;
	fitnessBefore: number | null;
	fitnessAfter: number | null;
	/** Deals that deviate today and would conform to the proposal, and the reverse. */
	newlyConforming: number;
	newlyDeviating: number;
	/** Deviations whose deal count changes, largest change first. */
	deviations: DeviationChange[];
	/** Arrows of the proposal no deal took, that were not dead (or not drawn) before. */
	newDeadArrows: string[];
	/** Dead arrows of today that the proposal removes or that deals now take. */
	revivedOrRemoved: string[];
}

export function compareConformance(before: ConformanceReport, after: ConformanceReport): ConformanceChange {
	const fitBefore = new Map(before.variants.map((v) => [v.steps.join(" "), v]));
	let newlyConforming = 0;
	let newlyDeviating = 0;
	for (const v of after.variants) {
		const old = fitBefore.get(v.steps.join(" "));
		if (!old) continue;
		if (old.fitness < 1 && v.fitness === 1) newlyConforming += v.deals;
		if (old.fitness === 1 && v.fitness < 1) newlyDeviating += v.deals;
	}
	const counts = (r: ConformanceReport) => new Map(r.deviations.map((d) => [d.key, d.deals]));
	const b = counts(before);
	const a = counts(after);
	const deviations = [...new Set([...b.keys(), ...a.keys()])]
		.map((key) => ({ key, before: b.get(key) ?? 0, after: a.get(key) ?? 0 }))
		.filter((d) => d.before !== d.after)
		.sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.key.localeCompare(y.key));
	const deadBefore = new Set(before.deadArrows.map((d) => d.key));
	const deadAfter = new Set(after.deadArrows.map((d) => d.key));
	return {
		rateBefore: before.rate,
		rateAfter: after.rate,
		fitnessBefore: before.logFitness,
		fitnessAfter: after.logFitness,
		newlyConforming,
		newlyDeviating,
		deviations,
		newDeadArrows: [...deadAfter].filter((k) => !deadBefore.has(k)),
		revivedOrRemoved: [...deadBefore].filter((k) => !deadAfter.has(k)),
	};
}
