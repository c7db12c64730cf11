import { describe, expect, it } from "vitest";
import { parseAmount, parseTimestamp } from "../../../src/lib/metrics/parse.ts";

const iso = (ms: number) => new Date(ms).toISOString();

describe("parseTimestamp", () => {
	it("reads ISO dates, date-times and zones (zone-less is UTC)", () => {
		expect(iso(parseTimestamp("2026-03-14", "iso"))).toBe("2026-03-14T00:00:00.000Z");
		expect(iso(parseTimestamp("2026-03-14 09:05", "iso"))).toBe("2026-03-14T09:05:00.000Z");
		expect(iso(parseTimestamp("2026-03-14T09:05:30.250Z", "iso"))).toBe("2026-03-14T09:05:30.250Z");
		expect(iso(parseTimestamp("2026-03-14T09:05:00-05:00", "iso"))).toBe("2026-03-14T14:05:00.000Z");
	});
	it("reads US and European day orders and AM/PM", () => {
		expect(iso(parseTimestamp("3/14/2026 9:05 PM", "us"))).toBe("2026-03-14T21:05:00.000Z");
		expect(iso(parseTimestamp("3/14/2026 12:10 AM", "us"))).toBe("2026-03-14T00:10:00.000Z");
		expect(iso(parseTimestamp("14.03.2026 09:05", "eu"))).toBe("2026-03-14T09:05:00.000Z");
		expect(iso(parseTimestamp("1773479100", "unix"))).toBe("2026-03-14T09:05:00.000Z");
		expect(iso(parseTimestamp("1773479100000", "unix_ms"))).toBe("2026-03-14T09:05:00.000Z");
	});
	it("rejects impossible dates and other text", () => {
		for (const [text, format] of [
			["2026-02-30", "iso"],
			["2026-13-01", "iso"],
			["14/03/2026", "us"],
			["yesterday", "iso"],
			["", "iso"],
			["13:00 3/14/2026", "us"],
		] as const) {
			expect(parseTimestamp(text, format), text).toBeNaN();
		}
	});
});

describe("parseAmount", () => {
	it("reads plain, grouped, currency-marked and comma-decimal amounts", () => {
		expect(parseAmount("1200", ".")).toBe(1200);
		expect(parseAmount("$1,200.50", ".")).toBe(1200.5);
		expect(parseAmount("USD 3,000", ".")).toBe(3000);
		expect(parseAmount("1.234,5 €", ",")).toBe(1234.5);
		expect(parseAmount("-5", ".")).toBe(-5);
	});
	it("tells empty (null) from not a number (undefined)", () => {
		expect(parseAmount("  ", ".")).toBeNull();
		expect(parseAmount("abc", ".")).toBeUndefined();
		expect(parseAmount("12..3", ".")).toBeUndefined();
	});
});
