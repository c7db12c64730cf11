// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * A number the site prints together with how it was computed: CRMs disagree on formulas, so every
 * figure carries its formula text with the actual numerator and denominator.
 */

export type FigureUnit = "share" | "days" | "count" | "money" | "money-per-day";

export interface Figure {
	/** The value; null when there is no data (denominator 0). Shares are fractions (0.4 = 40%). */
	value: number | null;
	/** What was counted on top, when the figure is a ratio. */
	numerator?: number;
	/** What it is divided by, or the sample size for medians and percentiles. */
	denominator: number;
	unit: FigureUnit;
	/** Ready-to-print value, e.g. "62%", "4.5 days", "$12,300"; "n/a" without data. */
	display: string;
	/** Formula with its numbers, e.g. "won ÷ (won + lost) = 312 ÷ 1,040". */
	formula: string;
}

/** Fixed locale so builds do not depend on the machine's. */
const LOCALE = "en-US";

export function fmtInt(n: number): string {
	return Math.round(n).toLocaleString(LOCALE);
}

/** 0.2213 → "22%"; below 10% keeps one decimal ("5.5%"). */
export function fmtShare(v: number): string {
	const pct = v * 100;
	const digits = pct !== 0 && Math.abs(pct) < 10 ? 1 : 0;
	return `${pct.toLocaleString(LOCALE, { maximumFractionDigits: digits, minimumFractionDigits: 0 })}%`;
}

/** One decimal: 4.5, 12, 0.3. */
export function fmtDays(v: number): string {
	return v.toLocaleString(LOCALE, { maximumFractionDigits: 1 });
}

export function fmtMoney(v: number, currency?: string): string {
	if (currency) {
		return v.toLocaleString(LOCALE, { style: "currency", currency, maximumFractionDigits: 0 });
	}
	return v.toLocaleString(LOCALE, { maximumFractionDigits: 0 });
}

export function display(value: number | null, unit: FigureUnit, currency?: string): string {
	if (value === null) return "n/a";
	switch (unit) {
		case "share":
			return fmtShare(value);
		case "days":
			return `${fmtDays(value)} ${value === 1 ? "day" : "days"}`;
		case "count":
			return fmtInt(value);
		case "money":
			return fmtMoney(value, currency);
		case "money-per-day":
			return `${fmtMoney(value, currency)} per day`;
	}
}

/** A ratio figure: `label` describes numerator ÷ denominator in words. */
export function ratio(numerator: number, denominator: number, words: string, denominatorText?: string): Figure {
	const value = denominator > 0 ? numerator / denominator : null;
	const den = denominatorText ?? fmtInt(denominator);
	return {
		value,
		numerator,
		denominator,
		unit: "share",
		display: display(value, "share"),
		formula: `${words} = ${fmtInt(numerator)} ÷ ${den}${value === null ? "" : ` = ${fmtShare(value)}`}`,
	};
}

export function count(n: number, words: string): Figure {
	return { value: n, denominator: 1, unit: "count", display: fmtInt(n), formula: `${words} = ${fmtInt(n)}` };
}

/** Sorted copy of days; medians and percentiles use linear interpolation (Excel PERCENTILE.INC). */
export function quantile(sorted: Float32Array | Float64Array | number[], q: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	const pos = (n - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median or p90 of a sample of day counts, with the sample described in `words`. */
export function daysQuantile(sorted: Float32Array | Float64Array | number[], q: number, words: string): Figure {
	const v = quantile(sorted, q);
	const value = v === null ? null : Math.round(v * 10) / 10;
	const name = q === 0.5 ? "median" : `${Math.round(q * 100)}th percentile`;
	return {
		value,
		denominator: sorted.length,
		unit: "days",
		display: display(value, "days"),
		formula: `${name} of ${fmtInt(sorted.length)} ${words}${value === null ? "" : ` = ${fmtDays(value)} days`}`,
	};
}
