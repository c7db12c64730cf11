/** The metrics page answers "do our deals follow the playbook?" in both languages, and the API carries it. */
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
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

	it("draws the flowchart as lived: dashed moves without an arrow, faded dead arrows, and a table saying the same", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser, { javaScriptEnabled: false });
		await page.goto(`${session.site.url}metrics/b2b/`);
		const lived = page.locator("[data-as-lived]");
		const svg = lived.locator("svg");
		await expect(svg.count()).resolves.toBe(1);
		const rows = page.locator("[data-as-lived-table] tbody tr");
		const moves = await page
			.locator('[data-as-lived-table] tr:is([data-lived-kind="undocumented"], [data-lived-kind="backwards"])')
			.count();
		const dead = await page.locator('[data-as-lived-table] tr[data-lived-kind="dead"]').count();
		expect(moves).toBeGreaterThan(0);
		expect(moves + dead).toBe(await rows.count());
		// One dashed arrow per move, one faded arrow per dead arrow, drawn at build time (no script ran).
		await expect(svg.locator("path.flowchart-link.edge-pattern-dotted").count()).resolves.toBe(moves);
		await expect(svg.locator('path.flowchart-link[style*="opacity"]').count()).resolves.toBe(dead);
		const dashed = await svg
			.locator("path.flowchart-link.edge-pattern-dotted")
			.first()
			.evaluate((p) => getComputedStyle(p).strokeDasharray);
		expect(dashed).not.toBe("none");
		// The rework the sample has, in the diagram's labels and in the table.
		const rework = page.locator('[data-as-lived-table] tr[data-lived-arrow="negotiation->proposal"]');
		await expect(rework.textContent()).resolves.toMatch(
			/Negotiation → Proposal.*back without an arrow.*\d+ \(\d+(\.\d)?%\)/s,
		);
		await expect(svg.locator(".edgeLabel").allTextContents()).resolves.toEqual(
			expect.arrayContaining([expect.stringMatching(/^\d+(\.\d)?%$/)]),
		);
		expect(consoleErrors).toEqual([]);
	});

	it("as lived: Indonesian labels and number formats, axe clean in light and dark", async () => {
		for (const colorScheme of ["light", "dark"] as const) {
			const { page } = await watchedPage(session.browser, { colorScheme });
			await page.goto(`${session.site.url}id/metrics/b2b/`);
			await expect(page.locator("#as-lived").textContent()).resolves.toBe("Diagram alur sebagaimana dijalani");
			await expect(
				page.locator('[data-as-lived-table] tr[data-lived-arrow="negotiation->proposal"] td').first().textContent(),
			).resolves.toBe("putus-putus: mundur tanpa panah");
			expect((await axeViolations(page)).map((v) => `${colorScheme}: ${v}`)).toEqual([]);
		}
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
