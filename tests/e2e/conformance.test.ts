/** The metrics page answers "do our deals follow the playbook?" in both languages, and the API carries it. */
import { describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";

describe("conformance on the metrics page (sample b2b export)", () => {
	const session = useSite();

	it("shows the rate with its denominator, the common paths, ranked deviations and the rework loop", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}metrics/b2b/`);
		const section = page.locator("section[data-conformance]");
		await expect(section.locator('[data-metric="conformance-rate"] .metric-value').textContent()).resolves.toMatch(
			/^\d+(\.\d)?%$/,
		);
		await expect(section.locator('[data-metric="conformance-rate"] .formula').textContent()).resolves.toMatch(
			/exactly \([\d,]+\) \/ all deals \(3,0\d\d\)/,
		);
		await expect(section.locator("[data-conformance-variants] li").count()).resolves.toBe(8);
		await expect(section.locator("[data-conformance-variants] li").first().textContent()).resolves.toMatch(
			/→.*→.*\d+ deals \(\d+(\.\d)?%\)/,
		);
		const rework = section.locator('tr[data-deviation="backwards-move:negotiation->proposal"] th');
		await expect(rework.textContent()).resolves.toMatch(/Back from Negotiation to Proposal/);
		await expect(rework.locator("a").getAttribute("href")).resolves.toBe("/sales/flowcharts/b2b/#step-negotiation");
		await expect(section.locator('tr[data-deviation="skipped-step:qualification"]').count()).resolves.toBe(1);
		await expect(section.locator("[data-conformance-trend] tbody tr").count()).resolves.toBe(4);
		expect(consoleErrors).toEqual([]);
	});

	it("reads Indonesian with Indonesian number formats", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/metrics/b2b/`);
		const section = page.locator("section[data-conformance]");
		await expect(section.locator("h2").textContent()).resolves.toBe("Apakah transaksi mengikuti playbook?");
		await expect(section.locator('[data-metric="conformance-rate"] .formula').textContent()).resolves.toMatch(
			/\(3\.0\d\d\)/,
		);
		await expect(section.locator("[data-conformance-variants] li").first().textContent()).resolves.toMatch(
			/\d+ transaksi \(\d+(,\d)?%\)/,
		);
		await expect(
			section.locator('tr[data-deviation="backwards-move:negotiation->proposal"] th').textContent(),
		).resolves.toMatch(/^Kembali dari /);
	});

	it("carries conformance in /api/flowcharts/b2b.json", async () => {
		const response = await fetch(`${session.site.url}api/flowcharts/b2b.json`);
		const json = (await response.json()) as { metrics: { conformance: Record<string, unknown> } };
		const c = json.metrics.conformance;
		expect(c.rate).toBeGreaterThan(0);
		expect(c.variantCount).toBeGreaterThan(10);
		expect((c.deviations as { key: string }[]).map((d) => d.key)).toContain("backwards-move:negotiation->proposal");
		expect(c.formula).toMatchObject({ rate: "deals with fitness 1 / deals" });
	});
});
