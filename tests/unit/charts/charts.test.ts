import { describe, expect, it } from "vitest";
import { metricsCharts, renderSvg } from "../../../src/lib/charts/index.ts";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "../metrics/helpers.ts";

async function charts(lang: "en" | "id" = "en") {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	const m = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	return metricsCharts(m, findBottlenecks(m, { minSample: 1 }), lang);
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
			`"Open deals in their stage longer than its limit at the export date (10 Apr 2026): 2."`,
		);
	});
});

describe("charts in Indonesian", async () => {
	const c = await charts("id");

	it("translates titles, axes, legends, descriptions and table headers", () => {
		expect(c.funnel.title).toBe("Transaksi yang masuk ke setiap tahapan");
		expect(c.conversionTrend.title).toBe("Konversi ke tahapan berikutnya per kuartal");
		expect(c.funnel.table.columns).toEqual(["Tahapan", "Transaksi masuk", "Bagian transaksi dari tahapan pertama"]);
		expect(c.funnel.svg).toContain("Transaksi masuk (unik)");
		expect(c.funnel.svg).toContain("Hambatan");
		expect(c.stalled.description).toMatch(/^Transaksi terbuka .* \(10 Apr 2026\): 2\.$/);
		for (const chart of Object.values(c)) {
			expect(chart.svg).not.toMatch(/Deals|Stage<|Median days|Bottleneck|On target/);
		}
	});

	it("prints numbers with Indonesian separators in the SVG and the tables", async () => {
		expect(c.timeTrend.table.rows.flat().some((cell) => /^\d+,\d$/.test(cell))).toBe(true);
		expect(c.timeTrend.table.rows.flat().some((cell) => /^\d+\.\d$/.test(cell))).toBe(false);
		const spec = {
			data: { values: [{ n: 3005, share: 0.425 }] },
			mark: "text",
			encoding: { text: { field: "n", type: "quantitative", format: "," } },
		} as const;
		expect(await renderSvg(spec, "t", "d", "id")).toContain("3.005");
		expect(await renderSvg(spec, "t", "d", "en")).toContain("3,005");
	});
});
