/** The BPMN download on the flowchart page, in both languages: linked, served, and a valid BPMN file. */
import { describe, expect, it } from "vitest";
import { createModdle } from "../../src/lib/interchange/moddle.ts";
import { lintBpmn } from "../unit/interchange/helpers.ts";
import { useSite, watchedPage } from "./support/browser.ts";

describe("BPMN download", () => {
	const session = useSite();

	it.each([
		["", "Download BPMN"],
		["id/", "Unduh BPMN"],
	])("the %sflowchart page links a BPMN file that opens in BPMN tools", async (prefix, text) => {
		const { page, foreign } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}${prefix}flowcharts/renewal/`);
		const link = page.locator('a[href="./process.bpmn"]');
		await expect(link.textContent()).resolves.toBe(text);
		await expect(link.getAttribute("download")).resolves.toBe("renewal.bpmn");
		const response = await page.request.get(new URL("./process.bpmn", page.url()).href);
		expect(response.status()).toBe(200);
		const xml = await response.text();
		const { warnings, elementsById } = await createModdle().fromXML(xml);
		expect(warnings).toEqual([]);
		expect(elementsById.Lane_cs).toBeDefined();
		expect((await lintBpmn(xml)).errors).toEqual([]);
		expect(foreign).toEqual([]);
	});
});
