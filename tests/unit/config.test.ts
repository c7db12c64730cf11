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

	it("refuses a build date it cannot read", () => {
		expect(() => defineFlowbookConfig({}, { FLOWBOOK_TODAY: "27/11/2026" })).toThrow(
			'FLOWBOOK_TODAY must be written YYYY-MM-DD, got "27/11/2026"',
		);
	});
});
