/** "Did you mean …?" for misspelt ids and keys. */
import { distance } from "fastest-levenshtein";

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
	const lower = word.toLowerCase();
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const d = distance(lower, candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	// About one typo per three characters (at least two, so swapped letters count): "lable" finds
	// "label", "qualifed" finds "qualified", but "ae" does not find "sdr".
	const allowed = lower.length <= 2 ? 0 : lower.length === 3 ? 1 : Math.max(2, Math.floor(lower.length / 3));
	return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)`, or an empty string. `quote` wraps the suggestion, e.g. in backticks. */
export function didYouMean(word: string, candidates: Iterable<string>, quote = '"'): string {
	const match = closest(word, candidates);
	return match === undefined ? "" : ` (did you mean ${quote}${match}${quote}?)`;
}

/** A short list for hints: `a, b, c` or `a, b, c and 12 more`. */
export function listOf(items: readonly string[], max = 12): string {
	if (items.length <= max) return items.join(", ");
	return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
