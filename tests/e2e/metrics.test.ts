import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { useSite, watchedPage } from "./support/browser.ts";
import { ROOT } from "./support/site.ts";

const sample = parse(readFileSync(join(ROOT, "content/flowcharts/b2b.yaml"), "utf8")) as {
	steps: { id: string; label: string; type?: string; automations?: { trigger: string }[] }[];
};
const label = (id: string) => sample.steps.find((s) => s.id === id)?.label ?? id;

describe("metrics from the sample CRM export (b2b)", () => {
	const session = useSite();

	it("annotates the flowchart diagram with conversion and highlights the bottleneck", async () => {
		const { page, consoleErrors, foreign } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const svg = page.locator("figure.diagram svg");
		await expect(svg.count()).resolves.toBe(1);
		await expect(svg.getAttribute("id")).resolves.toMatch(/^fb-b2b-live-/);
		// Proposal: "27% · 23.4d" under its label.
		const proposal = svg.locator('a[href="#step-proposal"] g.node');
		await expect(proposal.textContent()).resolves.toMatch(/\d+(\.\d)?% · [\d.]+d/);
		await expect(svg.locator("g.bottleneck").count()).resolves.toBeGreaterThanOrEqual(1);
		const flagged = await svg
			.locator("g.bottleneck")
			.evaluateAll((nodes) => nodes.map((n) => n.closest("a")?.getAttribute("href")));
		expect(flagged).toContain("#step-proposal");
		await expect(page.locator("figure.diagram figcaption").textContent()).resolves.toMatch(/CRM export of 20 Nov 2026/);
		expect(consoleErrors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	it("lists the proposal step as a bottleneck with its reason, linking to the step", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const item = page.locator('section[data-bottlenecks] li[data-bottleneck="proposal"]');
		await expect(item.locator("a").first().getAttribute("href")).resolves.toBe("#step-proposal");
		const text = (await item.textContent()) ?? "";
		expect(text).toContain(label("proposal"));
		expect(text).toMatch(/Conversion \d+% is under the 55% target: [\d,]+ deals did not move on/);
		await expect(page.locator(`a[href="/sales/metrics/b2b/"]`).count()).resolves.toBeGreaterThanOrEqual(1);
	});

	it("shows headline numbers with formulas and a data table for every chart", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}metrics/b2b/`);
		const winRate = page.locator('[data-metric="win-rate"]');
		await expect(winRate.locator(".metric-value").textContent()).resolves.toMatch(/^\d+(\.\d)?%$/);
		await expect(winRate.locator(".formula").textContent()).resolves.toMatch(/won ÷ \(won \+ lost\) = [\d,]+ ÷/);
		for (const name of ["avg-deal-value", "cycle", "velocity"]) {
			await expect(page.locator(`[data-metric="${name}"] .formula`).textContent()).resolves.toContain("=");
		}
		for (const kind of ["funnel", "conversionTrend", "timeTrend", "stalled"]) {
			const chart = page.locator(`section[data-chart="${kind}"]`);
			await expect(chart.locator('svg[role="img"]').count()).resolves.toBe(1);
			const table = chart.locator(`table[data-chart-table="${kind}"]`);
			await expect(table.locator("caption").textContent()).resolves.toBeTruthy();
			await expect(table.locator("thead th").count()).resolves.toBeGreaterThanOrEqual(3);
			await expect(table.locator("tbody tr").count()).resolves.toBeGreaterThan(0);
		}
		// Funnel: one row per stage, and each row's count is the bar's label in the chart.
		const stages = sample.steps.filter((s) => (s.type ?? "stage") === "stage");
		const funnel = page.locator('section[data-chart="funnel"]');
		const rows = await funnel
			.locator("tbody tr")
			.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? "")));
		expect(rows.map((r) => r[0]).sort()).toEqual(stages.map((s) => s.label).sort());
		const chartText = (await funnel.locator("svg").textContent()) ?? "";
		for (const row of rows) expect(chartText).toContain(row[1]);
		// No chart JavaScript: the page ships no script that mentions vega.
		const scripts = await page.locator("script").evaluateAll((s) => s.map((x) => x.textContent ?? "").join("\n"));
		expect(scripts).not.toMatch(/vega/i);
		expect(consoleErrors).toEqual([]);
	});

	it("shows the bottleneck list, the per-step table and the grouped data-quality report", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}metrics/b2b/`);
		await expect(page.locator('li[data-bottleneck="proposal"] a').first().getAttribute("href")).resolves.toBe(
			"/sales/flowcharts/b2b/#step-proposal",
		);
		const proposalRows = page.locator('table.metrics-steps tbody[data-step="proposal"] tr');
		// Overall plus one row per quarter.
		await expect(proposalRows.count()).resolves.toBe(5);
		const issues = await page.locator("ul.data-issues li").allTextContents();
		expect(issues.join("\n")).toMatch(
			/\d+ rows?: unknown stage 'Demo Scheduled', first at content\/metrics\/b2b\/[\w-]+\.csv:\d+/,
		);
		await expect(page.locator("#source + dl").textContent()).resolves.toContain("content/metrics/b2b/2026-h1.csv");
	});

	it("shows a note instead of metrics for a flowchart without an export", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}metrics/renewal/`);
		await expect(page.locator("[data-metrics-none]").textContent()).resolves.toContain("content/metrics/README.md");
		await page.goto(`${session.site.url}flowcharts/renewal/`);
		await expect(page.locator("section[data-bottlenecks]").count()).resolves.toBe(0);
		await expect(page.locator("figure.diagram svg").getAttribute("id")).resolves.not.toMatch(/live/);
	});

	it("serves the flowchart and its metrics as JSON", async () => {
		const response = await fetch(`${session.site.url}api/flowcharts/b2b.json`);
		expect(response.status).toBe(200);
		const json = (await response.json()) as {
			id: string;
			steps: { id: string }[];
			metrics: { headline: { winRate: { formula: string } }; bottlenecks: { step: string }[] } | null;
		};
		expect(json.id).toBe("b2b");
		expect(json.steps.map((s) => s.id)).toEqual(sample.steps.map((s) => s.id));
		expect(json.metrics?.headline.winRate.formula).toMatch(/won ÷/);
		expect(json.metrics?.bottlenecks.map((b) => b.step)).toContain("proposal");
		const renewal = (await (await fetch(`${session.site.url}api/flowcharts/renewal.json`)).json()) as {
			metrics: unknown;
		};
		expect(renewal.metrics).toBeNull();
	});

	it("lists automations by system and the stages without any", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}automations/`);
		const automated = sample.steps.find((s) => s.automations?.length);
		const trigger = automated?.automations?.[0]?.trigger ?? "";
		const row = page.locator(`tr[data-automation-step="b2b/${automated?.id}"]`, { hasText: trigger });
		await expect(row.count()).resolves.toBe(1);
		// Stages (not starts, decisions or ends) without automations, in every sample flowchart.
		const expected = ["b2b", "renewal"].flatMap((id) => {
			const fc = parse(readFileSync(join(ROOT, `content/flowcharts/${id}.yaml`), "utf8")) as typeof sample;
			return fc.steps
				.filter((s) => (s.type ?? "stage") === "stage" && !s.automations?.length)
				.map((s) => `${id}/${s.id}`);
		});
		const uncovered = await page
			.locator("[data-without-automations] [data-uncovered]")
			.evaluateAll((li) => li.map((l) => l.getAttribute("data-uncovered")));
		expect(uncovered).toEqual(expected);
		if (expected.length === 0) {
			await expect(page.locator("[data-without-automations]").textContent()).resolves.toContain(
				"Every stage has at least one automation.",
			);
		}
		// Indonesian page: same rows, translated headings.
		await page.goto(`${session.site.url}id/automations/`);
		await expect(page.locator("h1").textContent()).resolves.toBe("Otomatisasi");
		await expect(page.locator(`tr[data-automation-step="b2b/${automated?.id}"]`).count()).resolves.toBeGreaterThan(0);
	});

	it("home page: each process shows its review status and where its deals stall", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(session.site.url);
		const b2b = page.locator('li.card[data-flowchart="b2b"]');
		await expect(b2b.locator("[data-stalls] a").first().getAttribute("href")).resolves.toBe(
			"/sales/flowcharts/b2b/#step-proposal",
		);
		await expect(b2b.locator("[data-status]").getAttribute("data-status")).resolves.toBe("ok");
		const renewal = page.locator('li.card[data-flowchart="renewal"]');
		await expect(renewal.locator("[data-status]").getAttribute("data-status")).resolves.toBe("overdue");
		await expect(renewal.locator("[data-stalls]").count()).resolves.toBe(0);
	});
});
