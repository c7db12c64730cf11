// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/** Cell parsers for CRM exports: hand-written because they run once per row on million-row files. */
import type { TimestampFormat } from "./mapping.ts";

const ISO =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH =
	/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, zone?: string): number {
	if (y < 1970 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
	if (h > 23 || mi > 59 || s > 59) return Number.NaN;
	let t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	if (zone && zone.toUpperCase() !== "Z") {
		const sign = zone[0] === "-" ? -1 : 1;
		const digits = zone.slice(1).replace(":", "");
		t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
	}
	return t;
}

/** Milliseconds since the epoch, or NaN when the text is not a valid timestamp. Zone-less times are UTC. */
export function parseTimestamp(text: string, format: TimestampFormat): number {
	const s = text.trim();
	if (format === "unix" || format === "unix_ms") {
		if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
		const n = Number(s) * (format === "unix" ? 1000 : 1);
		const year = new Date(n).getUTCFullYear();
		return year >= 1970 && year <= 2100 ? n : Number.NaN;
	}
	if (format === "iso") {
		const m = ISO.exec(s);
		if (!m) return Number.NaN;
		const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
		return build(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), frac, m[8]);
	}
	const m = SLASH.exec(s);
	if (!m) return Number.NaN;
	const [a, b] = [+m[1]!, +m[2]!];
	const [mo, d] = format === "us" ? [a, b] : [b, a];
	let h = +(m[4] ?? 0);
	const ampm = m[7]?.toUpperCase();
	if (ampm) {
		if (h < 1 || h > 12) return Number.NaN;
		h = (h % 12) + (ampm === "PM" ? 12 : 0);
	}
	return build(+m[3]!, mo, d, h, +(m[5] ?? 0), +(m[6] ?? 0), 0, m[8]);
}

/** Sentinel for an empty amount cell (allowed: not every stage change carries an amount). */
export const NO_AMOUNT = Number.NaN;

/**
 * An amount cell: a number, `null` for an empty cell, or `undefined` when it is not a number.
 * Currency symbols/codes and spaces are ignored; the separator that is not the decimal one is a thousands separator.
 */
export function parseAmount(text: string, decimal: "." | ","): number | null | undefined {
	let s = text.trim();
	if (s === "") return null;
	s = s.replace(/[\s\u00a0'$€£¥]|^[A-Za-z]{3}|[A-Za-z]{3}$/g, "");
	s = decimal === "." ? s.replace(/,/g, "") : s.replace(/\./g, "").replace(",", ".");
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
	return Number(s);
}
