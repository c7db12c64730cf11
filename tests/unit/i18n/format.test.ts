import { describe, expect, it } from "vitest";
import { formatArg, formatter, message, vegaNumberLocale } from "../../../src/lib/i18n/format.ts";
import { figureDisplay, figureFormula, ratio } from "../../../src/lib/metrics/figure.ts";

describe("formatter", () => {
	const en = formatter("en");
	const id = formatter("id");

	it("groups thousands and marks decimals the reader's way", () => {
		expect([en.int(3005), id.int(3005)]).toEqual(["3,005", "3.005"]);
		expect([en.int(1234567.4), id.int(1234567.4)]).toEqual(["1,234,567", "1.234.567"]);
		expect([en.decimal(9.84), id.decimal(9.84)]).toEqual(["9.8", "9,8"]);
		expect([en.decimal(12), id.decimal(12)]).toEqual(["12", "12"]);
	});

	it("prints shares as percentages, one decimal under 10%", () => {
		expect([en.share(0.425), id.share(0.425)]).toEqual(["43%", "43%"]);
		expect([en.share(0.055), id.share(0.055)]).toEqual(["5.5%", "5,5%"]);
		expect([en.share(0), id.share(1)]).toEqual(["0%", "100%"]);
	});

	it("names units with the language's plural forms", () => {
		expect([en.days(1), en.days(9.84), id.days(1), id.days(9.84)]).toEqual(["1 day", "9.8 days", "1 hari", "9,8 hari"]);
		expect([en.daysShort(9.84), id.daysShort(9.84)]).toEqual(["9.8d", "9,8 hari"]);
		expect([en.deals(1), en.deals(3005), id.deals(1), id.deals(3005)]).toEqual([
			"1 deal",
			"3,005 deals",
			"1 transaksi",
			"3.005 transaksi",
		]);
		expect([en.duration(6, "month"), en.duration(1, "year"), id.duration(6, "month")]).toEqual([
			"6 months",
			"1 year",
			"6 bulan",
		]);
		expect([en.plural(1), en.plural(2), id.plural(1)]).toEqual(["one", "other", "other"]);
	});

	it("formats money, dates and alternatives per locale", () => {
		expect([en.money(12300, "USD"), id.money(12300, "USD")]).toEqual(["$12,300", "US$12.300"]);
		expect([en.money(12300), id.money(12300)]).toEqual(["12,300", "12.300"]);
		expect([en.date("2026-11-20"), id.date("2026-11-20T23:59:59.999Z")]).toEqual(["20 Nov 2026", "20 Nov 2026"]);
		expect(id.date("not a date")).toBe("not a date");
		expect([en.date("2026-09-04"), id.date("2026-05-04"), id.date("2026-08-17")]).toEqual([
			"4 Sep 2026",
			"4 Mei 2026",
			"17 Agu 2026",
		]);
		expect([en.or(["a", "b"]), id.or(["a", "b", "c"])]).toEqual(["a or b", "a, b, atau c"]);
	});

	it("formats message values by kind and leaves strings alone", () => {
		expect(formatArg(id, "s_demo 1,5")).toBe("s_demo 1,5");
		expect(formatArg(id, 2500)).toBe("2.500");
		expect(formatArg(id, { money: 1500.4, currency: "IDR" })).toBe("Rp\u00a01.500");
		expect(
			message("id", {
				key: "bottlenecks.time",
				args: { median: { days: 23.44 }, limit: { days: 14 }, deals: { deals: 1200 } },
			}),
		).toBe("Median waktu 23,4 hari melewati batas 14 hari: 1.200 transaksi macet di sini");
		expect(message("en", { key: "bottlenecks.impact", args: { deals: { deals: 1 } } })).toBe("Impact: 1 deal");
	});

	it("hands Vega the same separators as the text", () => {
		expect(vegaNumberLocale("id")).toMatchObject({ decimal: ",", thousands: "." });
		expect(vegaNumberLocale("en")).toMatchObject({ decimal: ".", thousands: "," });
	});
});

describe("figures", () => {
	it("keep English display and formula for the API and render any language from the same numbers", () => {
		const f = ratio(1240, 3005, { key: "formula.winRate", args: { won: 1240, lost: 1765 } });
		expect(f.display).toBe("41%");
		expect(f.formula).toBe("won ÷ (won + lost) = 1,240 ÷ (1,240 + 1,765) = 41%");
		expect(figureFormula("id", f)).toBe("menang ÷ (menang + kalah) = 1.240 ÷ (1.240 + 1.765) = 41%");
		const none = ratio(0, 0, { key: "formula.winRate", args: { won: 0, lost: 0 } });
		expect([none.display, figureDisplay("id", none), figureFormula("id", none)]).toEqual([
			"n/a",
			"t/a",
			"menang ÷ (menang + kalah) = 0 ÷ (0 + 0)",
		]);
		expect(figureDisplay("id", { value: 1234.5, unit: "money-per-day", currency: "USD", perDays: 30 })).toBe(
			"US$1.235 per 30 hari",
		);
		expect(figureDisplay("en", { value: 9.8, unit: "days" })).toBe("9.8 days");
	});
});
