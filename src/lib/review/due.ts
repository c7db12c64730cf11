/**
 * Review due dates as plain calendar dates ("YYYY-MM-DD"). All arithmetic runs on
 * local-midnight Date objects built from the parts and read back from the parts, so
 * neither the machine's timezone nor DST can shift a day.
 */
// Per-function entry points: the package index loads every date-fns module (about 1 s of a cold CLI start).
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { addWeeks } from "date-fns/addWeeks";
import { addYears } from "date-fns/addYears";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";

/** A calendar date written YYYY-MM-DD. */
export type CalendarDate = string;

export type CadenceUnit = "day" | "week" | "month" | "year";

export interface Cadence {
	amount: number;
	unit: CadenceUnit;
}

export type ReviewStatus = "ok" | "due-soon" | "overdue" | "never-reviewed";

/** The playbook's advice: review at least every six months. */
export const DEFAULT_CADENCE = "6 months";
export const DEFAULT_DUE_SOON_DAYS = 30;

const cadencePattern = /^\s*(\d+)\s*(day|week|month|year)s?\s*$/i;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "6 months" → { amount: 6, unit: "month" }; undefined when it is not a cadence. */
export function parseCadence(text: string | undefined): Cadence | undefined {
	if (text === undefined) return undefined;
	const m = cadencePattern.exec(text);
	if (!m) return undefined;
	const amount = Number(m[1]);
	if (amount <= 0) return undefined;
	return { amount, unit: (m[2] as string).toLowerCase() as CadenceUnit };
}

/** The flowchart's own cadence, else the site default, else six months. */
export function resolveCadence(every: string | undefined, siteDefault: string = DEFAULT_CADENCE): Cadence {
	return parseCadence(every) ?? parseCadence(siteDefault) ?? { amount: 6, unit: "month" };
}

/** "6 months", "1 year", "2 weeks". */
export function formatCadence(c: Cadence): string {
	return `${c.amount} ${c.unit}${c.amount === 1 ? "" : "s"}`;
}

/**
 * A date from YAML or a string, as YYYY-MM-DD. YAML 1.1 timestamps arrive as Date objects at
 * UTC midnight, so a Date is read in UTC; anything else yields undefined.
 */
export function toCalendarDate(value: string | Date | undefined): CalendarDate | undefined {
	if (value === undefined) return undefined;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return value.toISOString().slice(0, 10);
	}
	const m = datePattern.exec(value.trim());
	if (!m) return undefined;
	const d = toLocal(value.trim());
	// Rejects 2026-02-30 and the like, which Date would silently roll over.
	return fromLocal(d) === value.trim() ? value.trim() : undefined;
}

function toLocal(date: CalendarDate): Date {
	const [y, m, d] = date.split("-").map(Number) as [number, number, number];
	const out = new Date(2000, 0, 1);
	out.setFullYear(y, m - 1, d);
	out.setHours(0, 0, 0, 0);
	return out;
}

function fromLocal(d: Date): CalendarDate {
	const pad = (n: number, w = 2) => String(n).padStart(w, "0");
	return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function requireDate(value: string | Date): CalendarDate {
	const out = toCalendarDate(value);
	if (out === undefined) throw new Error(`Not a calendar date (YYYY-MM-DD): ${String(value)}`);
	return out;
}

/** Adds a cadence; month and year steps clamp to the month's end (31 Aug + 6 months = 28 or 29 Feb). */
export function addCadence(date: string | Date, cadence: Cadence | string): CalendarDate {
	const c = typeof cadence === "string" ? parseCadence(cadence) : cadence;
	if (c === undefined) throw new Error(`Not a review cadence: ${String(cadence)}`);
	const d = toLocal(requireDate(date));
	switch (c.unit) {
		case "day":
			return fromLocal(addDays(d, c.amount));
		case "week":
			return fromLocal(addWeeks(d, c.amount));
		case "month":
			return fromLocal(addMonths(d, c.amount));
		case "year":
			return fromLocal(addYears(d, c.amount));
	}
}

/** The day the next review is due. */
export function nextDue(lastReview: string | Date, cadence: Cadence | string): CalendarDate {
	return addCadence(lastReview, cadence);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string | Date, to: string | Date): number {
	return differenceInCalendarDays(toLocal(requireDate(to)), toLocal(requireDate(from)));
}

/**
 * ok, due-soon (due within `dueSoonDays`, or today), overdue (the due date has passed) or
 * never-reviewed (no log entry).
 */
export function reviewStatus(
	lastReviewDate: string | Date | undefined,
	cadence: Cadence | string,
	today: string | Date,
	dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): ReviewStatus {
	if (lastReviewDate === undefined) return "never-reviewed";
	const left = daysBetween(today, nextDue(lastReviewDate, cadence));
	if (left < 0) return "overdue";
	if (left <= dueSoonDays) return "due-soon";
	return "ok";
}

/** The latest entry of a review log, whatever order it was written in; ties keep the later entry. */
export function lastReview<T extends { date: string | Date }>(
	log: readonly T[] | undefined,
): (T & { day: CalendarDate }) | undefined {
	let best: (T & { day: CalendarDate }) | undefined;
	for (const entry of log ?? []) {
		const day = toCalendarDate(entry.date);
		if (day === undefined) continue;
		if (best === undefined || day >= best.day) best = { ...entry, day };
	}
	return best;
}

/**
 * The date the site is built "on": `FLOWBOOK_TODAY=YYYY-MM-DD` when set (tests, reproducible
 * builds), else today in UTC.
 */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): CalendarDate {
	const fixed = env.FLOWBOOK_TODAY?.trim();
	if (fixed) {
		const day = toCalendarDate(fixed);
		if (day === undefined) throw new Error(`FLOWBOOK_TODAY must be a date written YYYY-MM-DD, not "${fixed}".`);
		return day;
	}
	return now.toISOString().slice(0, 10);
}

const monthsLong = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];

/** "4 May 2026"; `short` gives "4 Nov 2026". */
export function formatDay(date: string | Date, style: "long" | "short" = "short"): string {
	const [y, m, d] = requireDate(date).split("-").map(Number) as [number, number, number];
	const month = monthsLong[m - 1] as string;
	return `${d} ${style === "short" ? month.slice(0, 3) : month} ${y}`;
}
