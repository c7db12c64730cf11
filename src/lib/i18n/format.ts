/**
 * Numbers, units, dates and computed sentences in a reader's language. Locale rules (grouping,
 * decimal mark, percent sign, plural forms, unit names) come from `Intl`; the words come from the
 * UI strings, so the core hands out message keys and values and every language is rendered here.
 * English is what the CLI and the JSON API print; pages render in their own language.
 */
import { type Lang, t, type UiKey } from "../../i18n/ui.ts";
import { fillTemplate } from "../template.ts";

/** BCP 47 locale of each language; fixed so builds do not depend on the machine's locale. */
export const locales: Record<Lang, string> = { en: "en-US", id: "id-ID" };

/** A value in a message, formatted by its kind: plain numbers are counts, strings are printed as they are. */
export type Arg =
	| string
	| number
	| { share: number }
	| { days: number }
	| { decimal: number }
	| { money: number; currency?: string | undefined }
	| { deals: number }
	| { date: string }
	/** Alternatives joined the language's way: "a or b" / "a atau b". */
	| { or: string[] };

/** A computed sentence: a UI string key and the values that fill its placeholders. */
export interface Message {
	key: UiKey;
	args?: Record<string, Arg>;
}

export interface Format {
	lang: Lang;
	locale: string;
	/** 3005 → "3,005" / "3.005". */
	int(n: number): string;
	/** Up to one decimal: 9.84 → "9.8" / "9,8". */
	decimal(n: number): string;
	/** 0.425 → "43%"; under 10% keeps one decimal ("5.5%" / "5,5%"). */
	share(v: number): string;
	/** 9.84 → "9.8 days" / "9,8 hari"; plural forms from Intl. */
	days(v: number): string;
	/** Compact form for diagram labels: "9.8d" / "9,8 hari" (Indonesian has no unambiguous short form). */
	daysShort(v: number): string;
	/** Whole units of money; with an ISO currency code the locale's currency format. */
	money(v: number, currency?: string): string;
	/** "3,005 deals" / "3.005 transaksi". */
	deals(n: number): string;
	/** An ISO date or timestamp as a calendar date: "20 Nov 2026" in both languages' month names (UTC). */
	date(iso: string): string;
	/** "a, b, or c" / "a, b, atau c". */
	or(items: readonly string[]): string;
	/** A calendar span: (6, "month") → "6 months" / "6 bulan". */
	duration(amount: number, unit: "day" | "week" | "month" | "year"): string;
	/** The plural category of a count ("one", "other", …) for choosing a word. */
	plural(n: number): Intl.LDMLPluralRule;
}

const cache = new Map<Lang, Format>();

/** The formatter of a language (built once; `Intl` objects are costly to create). */
export function formatter(lang: Lang): Format {
	const cached = cache.get(lang);
	if (cached) return cached;
	const locale = locales[lang];
	const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const dec = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	const pct0 = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
	const pct1 = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
	const day = new Intl.NumberFormat(locale, {
		style: "unit",
		unit: "day",
		unitDisplay: "long",
		maximumFractionDigits: 1,
	});
	const dayShort =
		lang === "en"
			? new Intl.NumberFormat(locale, { style: "unit", unit: "day", unitDisplay: "narrow", maximumFractionDigits: 1 })
			: day;
	const plural = new Intl.PluralRules(locale);
	// Day month year everywhere, as review dates print ("4 Sep 2026"); en-US gives the month names
	// ("Sep", where en-GB's ICU data says "Sept"), the order is ours.
	const dateFmt = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
	const datePart = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value ?? "";
	const orFmt = new Intl.ListFormat(locale, { type: "disjunction" });
	const moneyFmts = new Map<string, Intl.NumberFormat>();
	const moneyFmt = (currency: string | undefined) => {
		const key = currency ?? "";
		let f = moneyFmts.get(key);
		if (!f) {
			f = new Intl.NumberFormat(
				locale,
				currency ? { style: "currency", currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 },
			);
			moneyFmts.set(key, f);
		}
		return f;
	};
	const f: Format = {
		lang,
		locale,
		int: (n) => int.format(Math.round(n)),
		decimal: (n) => dec.format(n),
		share: (v) => (v !== 0 && Math.abs(v) < 0.1 ? pct1 : pct0).format(v),
		days: (v) => day.format(v),
		daysShort: (v) => dayShort.format(v),
		money: (v, currency) => moneyFmt(currency).format(v),
		deals: (n) =>
			fillTemplate(t(lang, plural.select(n) === "one" ? "unit.deals.one" : "unit.deals.other"), { n: int.format(n) }),
		date: (iso) => {
			const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
			if (Number.isNaN(d.getTime())) return iso;
			const parts = dateFmt.formatToParts(d);
			return `${datePart(parts, "day")} ${datePart(parts, "month")} ${datePart(parts, "year")}`;
		},
		or: (items) => orFmt.format(items),
		plural: (n) => plural.select(n),
		duration: (amount, unit) =>
			new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(amount),
	};
	cache.set(lang, f);
	return f;
}

/** One value of a message in the formatter's locale. */
export function formatArg(f: Format, arg: Arg): string {
	if (typeof arg === "string") return arg;
	if (typeof arg === "number") return f.int(arg);
	if ("share" in arg) return f.share(arg.share);
	if ("days" in arg) return f.days(arg.days);
	if ("decimal" in arg) return f.decimal(arg.decimal);
	if ("money" in arg) return f.money(arg.money, arg.currency);
	if ("deals" in arg) return f.deals(arg.deals);
	if ("or" in arg) return f.or(arg.or);
	return f.date(arg.date);
}

/** A computed sentence in a language. */
export function message(lang: Lang, msg: Message): string {
	const f = formatter(lang);
	const values: Record<string, string> = {};
	for (const [name, arg] of Object.entries(msg.args ?? {})) values[name] = formatArg(f, arg);
	return fillTemplate(t(lang, msg.key), values);
}

/**
 * Vega's number-format locale (d3-format) from Intl, so chart axes and labels group and mark decimals
 * the way the page's text does.
 */
export function vegaNumberLocale(lang: Lang): {
	decimal: string;
	thousands: string;
	grouping: number[];
	currency: [string, string];
	percent: string;
} {
	const parts = new Intl.NumberFormat(locales[lang]).formatToParts(12345.6);
	const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
	const pct = new Intl.NumberFormat(locales[lang], { style: "percent" }).formatToParts(0.5);
	return {
		decimal: part("decimal", "."),
		thousands: part("group", ","),
		grouping: [3],
		currency: ["", ""],
		percent: pct.find((p) => p.type === "percentSign")?.value ?? "%",
	};
}
