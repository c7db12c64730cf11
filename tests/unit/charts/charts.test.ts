import { describe, expect, it } from "vitest";
import { metricsCharts } from "../../../src/lib/charts/index.ts";
import { findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { storeFromEvents } from "../../../src/lib/metrics/events.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "../metrics/helpers.ts";

async function charts() {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	const m = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	return metricsCharts(m, findBottlenecks(m, { minSample: 1 }));
}

describe("metricsCharts", async () => {
	const c = await charts();

	it("renders accessible static SVG for every chart", () => {
		for (const chart of Object.values(c)) {
			expect(chart.svg.startsWith("<svg")).toBe(true);
			expect(chart.svg).toContain('role="img"');
			expect(chart.svg).toContain(`aria-label="${chart.title}"`);
			expect(chart.svg).toContain(`<title>${chart.title}</title>`);
			expect(chart.svg).not.toContain("<script");
			expect(chart.svg).toContain("system-ui, sans-serif");
			for (const row of chart.table.rows) expect(row.length).toBe(chart.table.columns.length);
		}
	});

	it("funnel table matches the data, in funnel order", () => {
		expect(c.funnel.title).toBe("Deals entering each stage");
		expect(c.funnel.table).toMatchInlineSnapshot(`
			{
			  "columns": [
			    "Stage",
			    "Deals entering",
			    "Share of deals from the first stage",
			  ],
			  "rows": [
			    [
			      "A",
			      "5",
			      "100%",
			    ],
			    [
			      "Nurture",
			      "2",
			      "40%",
			    ],
			    [
			      "B",
			      "4",
			      "60%",
			    ],
			  ],
			}
		`);
		expect(c.funnel.svg).toContain("#d94a38");
	});

	it("trend tables have one row per stage and period", () => {
		expect(c.conversionTrend.table.rows).toHaveLength(3 * 2);
		expect(c.conversionTrend.table.rows[0]).toEqual(["2026-Q1", "A", "83%", "5", "6"]);
		expect(c.timeTrend.table.rows.find((r) => r[1] === "B" && r[0] === "2026-Q1")).toEqual([
			"2026-Q1",
			"B",
			"4.5",
			"7.3",
			"2",
		]);
	});

	it("stalled table lists stages with a limit", () => {
		expect(c.stalled.table.rows).toEqual([
			["A", "0", "5", "0"],
			["Nurture", "0", "90", "0"],
			["B", "2", "3", "2"],
		]);
		expect(c.stalled.description).toMatchInlineSnapshot(
			`"2 open deals have been in their stage longer than its limit at the export date (2026-04-10)."`,
		);
	});
});
