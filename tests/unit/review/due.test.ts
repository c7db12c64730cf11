import { describe, expect, test } from "vitest";
import {
	addCadence,
	buildDate,
	daysBetween,
	formatDay,
	lastReview,
	nextDue,
	parseCadence,
	resolveCadence,
	reviewStatus,
	toCalendarDate,
} from "../../../src/lib/review/due.ts";

describe("cadences", () => {
	test("parses days, weeks, months and years, singular or plural", () => {
		expect(parseCadence("6 months")).toEqual({ amount: 6, unit: "month" });
		expect(parseCadence("1 year")).toEqual({ amount: 1, unit: "year" });
		expect(parseCadence(" 90 days ")).toEqual({ amount: 90, unit: "day" });
		expect(parseCadence("2 Weeks")).toEqual({ amount: 2, unit: "week" });
		expect(parseCadence("1 month")).toEqual({ amount: 1, unit: "month" });
		expect(parseCadence("0 days")).toBeUndefined();
		expect(parseCadence("soon")).toBeUndefined();
		expect(parseCadence(undefined)).toBeUndefined();
	});

	test("falls back to the site default, then to six months", () => {
		expect(resolveCadence("1 year", "3 months")).toEqual({ amount: 1, unit: "year" });
		expect(resolveCadence(undefined, "3 months")).toEqual({ amount: 3, unit: "month" });
		expect(resolveCadence(undefined)).toEqual({ amount: 6, unit: "month" });
	});
});

describe("nextDue", () => {
	test("adds each unit", () => {
		expect(nextDue("2026-05-04", "6 months")).toBe("2026-11-04");
		expect(nextDue("2026-05-04", "1 year")).toBe("2027-05-04");
		expect(nextDue("2026-05-04", "90 days")).toBe("2026-08-02");
		expect(nextDue("2026-05-04", "2 weeks")).toBe("2026-05-18");
		expect(nextDue("2026-12-20", "2 weeks")).toBe("2027-01-03");
	});

	test("clamps to the end of shorter months", () => {
		expect(nextDue("2025-08-31", "6 months")).toBe("2026-02-28");
		expect(nextDue("2027-08-31", "6 months")).toBe("2028-02-29");
		expect(nextDue("2026-01-31", "1 month")).toBe("2026-02-28");
		expect(nextDue("2026-03-31", "1 month")).toBe("2026-04-30");
		expect(nextDue("2026-05-31", "6 months")).toBe("2026-11-30");
	});

	test("handles leap days", () => {
		expect(nextDue("2024-02-29", "1 year")).toBe("2025-02-28");
		expect(nextDue("2024-02-29", "4 years")).toBe("2028-02-29");
		expect(nextDue("2024-02-29", "12 months")).toBe("2025-02-28");
		expect(nextDue("2024-02-28", "1 day")).toBe("2024-02-29");
		expect(nextDue("2023-02-28", "1 day")).toBe("2023-03-01");
		expect(nextDue("2024-01-01", "366 days")).toBe("2025-01-01");
		expect(nextDue("2100-02-28", "1 day")).toBe("2100-03-01");
	});

	test("days across a daylight-saving change do not drift", () => {
		// Whatever the machine's timezone, 28 days after 20 March is 17 April.
		expect(addCadence("2026-03-20", "4 weeks")).toBe("2026-04-17");
		expect(addCadence("2026-10-20", "14 days")).toBe("2026-11-03");
	});

	test("accepts the Date objects YAML 1.1 timestamps become, read as UTC", () => {
		expect(nextDue(new Date(Date.UTC(2026, 4, 4)), "6 months")).toBe("2026-11-04");
		expect(toCalendarDate(new Date(Date.UTC(2025, 11, 31)))).toBe("2025-12-31");
		expect(toCalendarDate("2026-02-30")).toBeUndefined();
		expect(toCalendarDate("4 May 2026")).toBeUndefined();
	});

	test("rejects what is not a date or a cadence", () => {
		expect(() => nextDue("May 4", "6 months")).toThrowErrorMatchingInlineSnapshot(
			`[Error: Not a calendar date (YYYY-MM-DD): May 4]`,
		);
		expect(() => nextDue("2026-05-04", "often")).toThrowErrorMatchingInlineSnapshot(
			`[Error: Not a review cadence: often]`,
		);
	});
});

describe("reviewStatus", () => {
	const last = "2026-05-04"; // due 2026-11-04
	test.each([
		["2026-05-04", "ok"],
		["2026-10-04", "ok"],
		["2026-10-05", "due-soon"],
		["2026-11-03", "due-soon"],
		["2026-11-04", "due-soon"],
		["2026-11-05", "overdue"],
		["2027-06-01", "overdue"],
	])("on %s it is %s", (today, status) => {
		expect(reviewStatus(last, "6 months", today)).toBe(status);
	});

	test("never reviewed, and a custom due-soon window", () => {
		expect(reviewStatus(undefined, "6 months", "2026-01-01")).toBe("never-reviewed");
		expect(reviewStatus(last, "6 months", "2026-10-20", 7)).toBe("ok");
		expect(reviewStatus(last, "6 months", "2026-10-28", 7)).toBe("due-soon");
	});

	test("daysBetween counts calendar days", () => {
		expect(daysBetween("2026-11-04", "2026-11-01")).toBe(-3);
		expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
	});
});

describe("lastReview", () => {
	test("takes the latest date whatever the order, mixing strings and Dates", () => {
		const log = [
			{ date: "2026-03-16", by: "B" },
			{ date: new Date(Date.UTC(2026, 8, 14)), by: "C" },
			{ date: "2025-09-22", by: "A" },
		];
		expect(lastReview(log)).toMatchObject({ by: "C", day: "2026-09-14" });
		expect(lastReview([])).toBeUndefined();
		expect(lastReview(undefined)).toBeUndefined();
	});
});

describe("buildDate", () => {
	test("FLOWBOOK_TODAY overrides the clock", () => {
		expect(buildDate({ FLOWBOOK_TODAY: "2026-11-05" })).toBe("2026-11-05");
		expect(buildDate({}, new Date(Date.UTC(2026, 0, 2, 23, 59)))).toBe("2026-01-02");
		expect(() => buildDate({ FLOWBOOK_TODAY: "05/11/2026" })).toThrowErrorMatchingInlineSnapshot(
			`[Error: FLOWBOOK_TODAY must be a date written YYYY-MM-DD, not "05/11/2026".]`,
		);
	});

	test("formats days for people", () => {
		expect(formatDay("2026-05-04")).toBe("4 May 2026");
		expect(formatDay("2026-11-04")).toBe("4 Nov 2026");
		expect(formatDay("2026-09-14", "long")).toBe("14 September 2026");
	});
});
