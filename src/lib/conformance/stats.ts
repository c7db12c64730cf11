/**
 * Win rate and cycle time of a group of deals, and of every other deal: what a deviation costs.
 * Medians of "every other deal" come from one sorted list of all durations minus the group's, so a
 * hundred deviations over a million events stay linear.
 */
import { quantile } from "../events/quantile.ts";

/** Per deal number: won 1, lost 0, open -1; days from first to last record (NaN while open). */
export interface VariantDeals {
	won: Int8Array;
	days: Float64Array;
}

export interface GroupStats {
	closed: number;
	won: number;
	/** Durations of the group's closed deals, ascending. */
	days: Float64Array;
	winRate: number | null;
	medianDays: number | null;
}

export interface Outcome {
	winRate: number | null;
	medianDays: number | null;
	/** The same for deals without the deviation. */
	winRateWithout: number | null;
	medianDaysWithout: number | null;
	/** Closed deals with the deviation × (win rate without − win rate with): wins it is associated with losing. */
	lostWins: number;
}

export function groupStats(outcome: VariantDeals, deals: readonly number[]): GroupStats {
	const days: number[] = [];
	let won = 0;
	for (const d of deals) {
		const w = outcome.won[d] as number;
		if (w < 0) continue;
		won += w;
		days.push(outcome.days[d] as number);
	}
	const sorted = Float64Array.from(days).sort();
	return {
		closed: sorted.length,
		won,
		days: sorted,
		winRate: sorted.length ? won / sorted.length : null,
		medianDays: quantile(sorted, 0.5),
	};
}

/** How deals with a deviation fare against all the others. */
export function impact(group: GroupStats, all: GroupStats): Outcome {
	const closedWithout = all.closed - group.closed;
	const winRateWithout = closedWithout > 0 ? (all.won - group.won) / closedWithout : null;
	const lostWins =
		group.winRate === null || winRateWithout === null ? 0 : group.closed * (winRateWithout - group.winRate);
	return {
		winRate: group.winRate,
		medianDays: group.medianDays,
		winRateWithout,
		medianDaysWithout: quantile(difference(all.days, group.days), 0.5),
		lostWins,
	};
}

/** Sorted multiset difference `all − part` (part ⊆ all). */
function difference(all: Float64Array, part: Float64Array): Float64Array {
	const out = new Float64Array(all.length - part.length);
	let j = 0;
	let k = 0;
	for (let i = 0; i < all.length; i++) {
		if (j < part.length && all[i] === part[j]) {
			j++;
			continue;
		}
		out[k++] = all[i] as number;
	}
	return out.subarray(0, k);
}
