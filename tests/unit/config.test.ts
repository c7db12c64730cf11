import { describe, expect, it } from "vitest";
import { defineFlowbookConfig, normaliseBase } from "../../src/lib/config.ts";

describe("normaliseBase", () => {
	it.each([
		["", "/"],
		["/", "/"],
		["sales", "/sales/"],
		["/sales", "/sales/"],
		["/intranet/sales/", "/intranet/sales/"],
	])("%j → %j", (input, expected) => {
		expect(normaliseBase(input)).toBe(expected);
	});
});

describe("defineFlowbookConfig", () => {
	it("fills defaults", () => {
		const config = defineFlowbookConfig({}, {});
		expect(config).toMatchObject({ base: "/", reviewEvery: "6 months", strict: false, repository: { url: "" } });
		expect(config.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it("lets the environment override the file", () => {
		const config = defineFlowbookConfig(
			{ base: "/", strict: false, repository: { url: "https://git.example.com/a/b/" } },
			{
				FLOWBOOK_BASE: "sales",
				FLOWBOOK_STRICT: "1",
				FLOWBOOK_TODAY: "2026-11-27",
				FLOWBOOK_SITE: "https://x.example",
			},
		);
		expect(config).toMatchObject({
			base: "/sales/",
			strict: true,
			today: "2026-11-27",
			site: "https://x.example",
			repository: { url: "https://git.example.com/a/b", branch: "main" },
		});
		expect(defineFlowbookConfig({ strict: true }, { FLOWBOOK_STRICT: "0" }).strict).toBe(false);
	});

	it.each([
		["1", true],
		["true", true],
		["YES", true],
		["0", false],
		["false", false],
		["no", false],
	])("FLOWBOOK_STRICT=%s → %s", (value, strict) => {
		const config = defineFlowbookConfig({ strict: !strict }, { FLOWBOOK_STRICT: value });
		expect(config.strict).toBe(strict);
		expect(config.problems).toBeUndefined();
	});

	it("prints the playbook PDF only when asked, in the file or the environment", () => {
		expect(defineFlowbookConfig({}, {}).pdf).toBe(false);
		expect(defineFlowbookConfig({ pdf: true }, {}).pdf).toBe(true);
		expect(defineFlowbookConfig({ pdf: true }, { FLOWBOOK_PDF: "no" }).pdf).toBe(false);
		expect(defineFlowbookConfig({}, { FLOWBOOK_PDF: "1" }).pdf).toBe(true);
		const bad = defineFlowbookConfig({}, { FLOWBOOK_PDF: "sometimes" });
		expect(bad.pdf).toBe(false);
		expect(bad.problems?.map((d) => `${d.file}: ${d.message} / ${d.hint}`)).toEqual([
			'FLOWBOOK_PDF (environment): "sometimes" is neither on nor off / Use 1, true or yes to build the playbook PDFs with the site; 0, false or no to leave them out.',
		]);
	});

	it("reports every setting it cannot read, located, and falls back to defaults", () => {
		const config = defineFlowbookConfig(
			{},
			{ FLOWBOOK_TODAY: "garbage", FLOWBOOK_STRICT: "maybe", FLOWBOOK_SITE: "bad", FLOWBOOK_BASE: "a b/../c" },
		);
		expect(config).toMatchObject({ strict: false, site: "http://localhost:4321", base: "/" });
		expect(config.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(config.problems?.map((d) => `${d.file}: ${d.message}`)).toMatchInlineSnapshot(`
			[
			  "FLOWBOOK_TODAY (environment): "garbage" is not a date written YYYY-MM-DD",
			  "FLOWBOOK_STRICT (environment): "maybe" is neither on nor off",
			  "FLOWBOOK_SITE (environment): "bad" is not a web address",
			  "FLOWBOOK_BASE (environment): "a b/../c" is not a base path",
			]
		`);
	});

	it("refuses a day that does not exist, in the config file too", () => {
		expect(defineFlowbookConfig({}, { FLOWBOOK_TODAY: "2026-02-30" }).problems?.[0]?.message).toMatchInlineSnapshot(
			`""2026-02-30" is not a day of the calendar"`,
		);
		expect(defineFlowbookConfig({ today: "2026-13-01" }, {}).problems?.[0]).toMatchInlineSnapshot(`
			{
			  "code": "bad-setting",
			  "file": "flowbook.config.ts",
			  "hint": "Write a real day such as 2026-03-14, or leave it unset to use today's date.",
			  "message": "today: "2026-13-01" is not a day of the calendar",
			  "severity": "error",
			}
		`);
	});
});
