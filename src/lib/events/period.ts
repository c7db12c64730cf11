/** Calendar periods (UTC quarters or months) that CRM events are counted in, for metrics trends and conformance. */

export type PeriodKind = "quarter" | "month";

/** A number per period that counts up by one from each period to the next, so periods can index arrays. */
export function periodKey(ms: number, kind: PeriodKind): number {
	const d = new Date(ms);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth();
	return kind === "quarter" ? y * 4 + Math.floor(m / 3) : y * 12 + m;
}

/** `2026-Q3` or `2026-07`. */
export function periodLabel(key: number, kind: PeriodKind): string {
	if (kind === "quarter") return `${Math.floor(key / 4)}-Q${(key % 4) + 1}`;
	return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, "0")}`;
}
