import { describe, expect, it } from "vitest";
import { href, languagePaths, switchLang } from "../../src/site/urls.ts";

// Vitest runs with base "/"; the browser tests cover the "/sales/" base on the built site.
describe("site URLs", () => {
	it("prefixes every language but English", () => {
		expect(href("en", "flowcharts/b2b/")).toBe("/flowcharts/b2b/");
		expect(href("id", "/flowcharts/b2b/")).toBe("/id/flowcharts/b2b/");
		expect(href("id")).toBe("/id/");
	});

	it("switches language on the same page", () => {
		expect(switchLang("/flowcharts/b2b/", "id", "en")).toBe("/id/flowcharts/b2b/");
		expect(switchLang("/id/flowcharts/b2b/", "en", "id")).toBe("/flowcharts/b2b/");
		expect(switchLang("/id/", "en", "id")).toBe("/");
		expect(switchLang("/", "id", "en")).toBe("/id/");
	});

	it("gives one static path per language, English at the root", () => {
		expect(languagePaths()).toEqual([
			{ params: { lang: undefined }, props: { lang: "en" } },
			{ params: { lang: "id" }, props: { lang: "id" } },
		]);
	});
});
