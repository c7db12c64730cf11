/**
 * A number the site prints together with how it was computed: CRMs disagree on formulas, so every
 * figure carries its formula text with the actual numerator and denominator.
 */

import type { Lang } from "../../i18n/ui.ts";
import { quantile } from "../events/quantile.ts";
import { type Arg, formatter, type Message, message } from "../i18n/format.ts";

export type FigureUnit = "share" | "days" | "count" | "money" | "money-per-day";

export interface Figure {
	/** The value; null when there is no data (denominator 0). Shares are fractions (0.4 = 40%). */
	value: number | null;
	/** What was counted on top, when the figure is a ratio. */
	numerator?: number;
	/** What it is divided by, or the sample size for medians and percentiles. */
	denominator: number;
	unit: FigureUnit;
	/** ISO currency code of money figures. */
	currency?: string;
	/** Period of a money-per-day figure in days (velocity per 30 days); 1 when absent. */
	perDays?: number;
	/** English value for the CLI and the JSON API, e.g. "62%", "4.5 days", "$12,300"; "n/a" without data. */
	display: string;
	/** English formula for the CLI and the JSON API, e.g. "won ÷ (won + lost) = 312 ÷ (312 + 728) = 30%". */
	formula: string;
	/** The formula's words and numbers as a message; pages render it in their language. */
	formulaMsg: Message;
}

type FigureValue = Pick<Figure, "value" | "unit" | "currency" | "perDays">;

/** A figure's value in a language ("9,8 hari", "42,5%"), or the language's "n/a". */
export function figureDisplay(lang: Lang, f: FigureValue): string {
	const fmt = formatter(lang);
	const v = f.value;
	if (v === null) return message(lang, { key: "metrics.na" });
	switch (f.unit) {
		case "share":
			return fmt.share(v);
		case "days":
			return fmt.days(v);
		case "count":
			return fmt.int(v);
		case "money":
			return fmt.money(v, f.currency);
		case "money-per-day": {
			const money = fmt.money(v, f.currency);
			const per = f.perDays ?? 1;
			return per === 1
				? message(lang, { key: "unit.perDay", args: { money } })
				: message(lang, { key: "unit.perDays", args: { money, days: { days: per } } });
		}
	}
}

/** A figure's formula with its numbers and result in a language. */
export function figureFormula(lang: Lang, f: Figure): string {
	const text = message(lang, f.formulaMsg);
	return f.value === null ? text : `${text} = ${figureDisplay(lang, f)}`;
}

/** Builds a figure with its English display and formula. */
export function figure(fields: Omit<Figure, "display" | "formula">): Figure {
	const f = { ...fields, display: "", formula: "" };
	f.display = figureDisplay("en", f);
	f.formula = figureFormula("en", f);
	return f;
}

/** A ratio figure: the message describes numerator ÷ denominator in words and numbers. */
export function ratio(numerator: number, denominator: number, formulaMsg: Message): Figure {
	const value = denominator > 0 ? numerator / denominator : null;
	return figure({ value, numerator, denominator, unit: "share", formulaMsg });
}

export function count(n: number, formulaMsg: Message): Figure {
	return figure({ value: n, denominator: 1, unit: "count", formulaMsg });
}

export type { Arg, Message };

/** Median or p90 of a sample of day counts; `key` names the sample, `args` its words' values. */
export function daysQuantile(
	sorted: Float32Array | Float64Array | number[],
	q: 0.5 | 0.9,
	key: Message["key"],
	args: Record<string, Arg> = {},
): Figure {
	const v = quantile(sorted, q);
	const value = v === null ? null : Math.round(v * 10) / 10;
	return figure({
		value,
		denominator: sorted.length,
		unit: "days",
		formulaMsg: { key, args: { ...args, n: sorted.length } },
	});
}
