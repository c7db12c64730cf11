import { describe, expect, it } from "vitest";
import { conformanceOf } from "../../src/lib/conformance/index.ts";
import { diagramAnnotations, findBottlenecks } from "../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../src/lib/metrics/compute.ts";
import { storeFromEvents } from "../../src/lib/metrics/events.ts";
import type { MetricsReport } from "../../src/lib/metrics/index.ts";
import {
	bottleneckReasons,
	chartColumns,
	diagramNotes,
	inlineChartSvg,
	stepLabel,
	tableColumns,
} from "../../src/site/metrics.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "./metrics/helpers.ts";

function report(): MetricsReport {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	const metrics = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	const bottlenecks = findBottlenecks(metrics, { minSample: 1 });
	return {
		flowchartId: "small",
		folder: "content/metrics/small",
		metrics,
		bottlenecks,
		annotations: diagramAnnotations(metrics, bottlenecks),
		dataQuality: { rows: 0, used: 0, issues: [], ignored: [], files: [] },
		conformance: conformanceOf(fc, store),
	};
}

function site(lang: "en" | "id") {
	const original = smallFlowchart();
	const data =
		lang === "en"
			? original
			: { ...original, steps: original.steps.map((s) => (s.id === "n" ? { ...s, label: "Pemeliharaan" } : s)) };
	return { id: "small", file: "content/flowcharts/small.yaml", data, original, lang, missing: [] };
}

describe("site metrics helpers", () => {
	it("keeps the core's sentences and notes in English", () => {
		const r = report();
		for (const b of r.bottlenecks) expect(bottleneckReasons("en", b, r)).toBe(b.reasons);
		expect(diagramNotes("en", r)).toBe(r.annotations);
	});

	it("writes bottleneck reasons and diagram notes in Indonesian from the same numbers", () => {
		const r = report();
		expect(r.bottlenecks.flatMap((b) => bottleneckReasons("id", b, r))).toMatchInlineSnapshot(`
			[
			  "Median waktu 4.5 hari melewati batas 3 hari: 2 transaksi macet di sini",
			  "Konversi 83% di bawah target 90%: 1 transaksi tidak berlanjut",
			]
		`);
		const notes = diagramNotes("id", r);
		expect(notes.edges).toBe(r.annotations.edges);
		expect(notes.nodes.b).toEqual({ note: "100% · 4.5 hr", classes: ["bottleneck"] });
		expect(notes.nodes.won?.note).toMatch(/^\d+ transaksi$/);
	});

	it("labels steps in the page's language", () => {
		expect(stepLabel(site("id"), "n")).toBe("Pemeliharaan");
		expect(stepLabel(site("en"), "n")).toBe("Nurture");
	});

	it("translates table headers only when the chart's columns have the expected shape", () => {
		expect(tableColumns("id", "funnel", ["Stage", "Deals entering", "Share"])).toEqual([
			"Tahapan",
			"Transaksi masuk",
			"Bagian transaksi dari tahapan pertama",
		]);
		expect(tableColumns("id", "funnel", ["Stage", "Deals"])).toEqual(["Stage", "Deals"]);
		expect(Object.values(chartColumns).every((keys) => keys.length >= 3)).toBe(true);
	});

	it("strips the unnamed graphics roles from inner chart marks, not from the root", () => {
		const svg =
			'<svg role="img" aria-label="Funnel"><g role="graphics-object" aria-roledescription="group mark container"><path role="graphics-symbol"/></g></svg>';
		expect(inlineChartSvg(svg)).toBe('<svg role="img" aria-label="Funnel"><g><path/></g></svg>');
	});
});
