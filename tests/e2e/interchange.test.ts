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

describe("draw.io and CRM guidance downloads", () => {
	const session = useSite();

	it("offers a draw.io file that is an image with the editable diagram inside, and the CRM files", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const get = async (href: string) => {
			const response = await page.request.get(new URL(href, page.url()).href);
			expect(response.status()).toBe(200);
			return response.text();
		};
		await expect(page.locator('a[href="./diagram.drawio.svg"]').getAttribute("download")).resolves.toBe(
			"b2b.drawio.svg",
		);
		const drawio = await get("./diagram.drawio.svg");
		expect(drawio).toMatch(/<svg[^>]*\scontent="&#60;mxfile /);
		// Stage names come from content/metrics/b2b/mapping.yaml, so the CRM, the YAML and the metrics agree.
		const path = await get("./path-assistant.xml");
		expect(path).toContain("<PathAssistant");
		expect(path).toContain("<picklistValueName>Proposal Sent</picklistValueName>");
		const pipeline = JSON.parse(await get("./hubspot-pipeline.json")) as { stages: { label: string }[] };
		expect(pipeline.stages.map((s) => s.label)).toContain("Proposal Sent");
		await page.goto(`${session.site.url}id/flowcharts/b2b/`);
		await expect(page.locator('a[href="./hubspot-pipeline.json"]').textContent()).resolves.toContain("HubSpot");
	});
});
