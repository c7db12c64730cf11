/**
 * English sentences about conformance for the command-line tools (`npm run review`, `npm run diff`),
 * whose output is English Markdown. Pages translate through `conformance.*` in src/i18n/ui.ts instead.
 */
import type { DeviationKind } from "./deviations.ts";

/** What deals with a deviation did, as a verb phrase: "skip Qualification". */
export function deviationPhrase(kind: DeviationKind, steps: readonly string[], label: (id: string) => string): string {
	const [a = "", b = ""] = steps.map(label);
	switch (kind) {
		case "skipped-step":
			return `skip ${a}`;
		case "undocumented-transition":
			return `go from ${a} straight to ${b}`;
		case "backwards-move":
			return `go back from ${a} to ${b}`;
		case "repeated-step":
			return `repeat ${a} although no arrow leads back to it`;
		case "mid-process-start":
			return `start at ${a}`;
		case "several-branches":
			return `take more than one branch of ${a}`;
	}
}

const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const pct0 = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });
const pct1 = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** 3005 → "3,005". */
export const count = (n: number): string => int.format(Math.round(n));

/** 0.425 → "43%"; under 10% keeps one decimal, as the site's formatter does. */
export function percent(v: number | null): string {
	if (v === null) return "–";
	// "0%" would read as "nobody".
	if (v > 0 && v < 0.0005) return "< 0.1%";
	return (v !== 0 && Math.abs(v) < 0.1 ? pct1 : pct0).format(v);
}

/** "1 deal" / "412 deals". */
export const deals = (n: number): string => `${count(n)} ${n === 1 ? "deal" : "deals"}`;

/** A change in percentage points: 0.12 → "+12 points". */
export function points(delta: number): string {
	// Whole points, except a change under ten points keeps one decimal (as shares do).
	const p = Math.abs(delta) < 0.1 ? Math.round(delta * 1000) / 10 : Math.round(delta * 100);
	if (p === 0) return "no change";
	return `${p > 0 ? "+" : "−"}${Math.abs(p)} ${Math.abs(p) === 1 ? "point" : "points"}`;
}

/** `"demo->negotiation"` → "Demo → Negotiation". */
export function arrowText(key: string, label: (id: string) => string): string {
	const [from = "", to = ""] = key.split("->");
	return `${label(from)} → ${label(to)}`;
}
