/**
 * CRM metrics for pages: each flowchart's export is read once per build, from the English
 * flowchart (step ids are the same in every language); labels and sentences are localised here.
 */
import { type Lang, t, type UiKey } from "../i18n/ui.ts";
import { type MetricsCharts, metricsCharts } from "../lib/charts/index.ts";
import { fmtDays, fmtInt, fmtShare } from "../lib/metrics/figure.ts";
import {
	type Bottleneck,
	type DiagramAnnotations,
	type FlowchartMetrics,
	loadMetrics,
	type MetricsLoad,
	type MetricsReport,
} from "../lib/metrics/index.ts";
import { fillTemplate } from "../lib/template.ts";
import type { SiteFlowchart } from "./data.ts";

const loads = new Map<string, Promise<MetricsLoad>>();

/** The metrics of a flowchart in any language; `report` is undefined when there is no usable export. */
export function flowchartMetrics(fc: SiteFlowchart): Promise<MetricsLoad> {
	let load = loads.get(fc.id);
	if (!load) {
		load = loadMetrics({ root: process.cwd(), id: fc.id, flowchart: fc.original });
		loads.set(fc.id, load);
	}
	return load;
}

/** Project-relative folder the export of a flowchart lives in. */
export const metricsFolder = (id: string) => `content/metrics/${id}`;

/** Step labels in the page's language, by step id. */
function labelsOf(fc: SiteFlowchart): Map<string, string> {
	return new Map(fc.data.steps.map((s) => [s.id, s.label]));
}

export function stepLabel(fc: SiteFlowchart, id: string): string {
	return labelsOf(fc).get(id) ?? id;
}

/** The metrics with step labels in the page's language (charts print them). */
function localisedMetrics(fc: SiteFlowchart, m: FlowchartMetrics): FlowchartMetrics {
	if (fc.lang === "en") return m;
	const labels = labelsOf(fc);
	return { ...m, steps: m.steps.map((s) => ({ ...s, label: labels.get(s.id) ?? s.label })) };
}

const charts = new Map<string, Promise<MetricsCharts>>();

/** The four charts, rendered once per flowchart and language. */
export function flowchartCharts(fc: SiteFlowchart, report: MetricsReport): Promise<MetricsCharts> {
	const key = `${fc.lang}/${fc.id}`;
	let chart = charts.get(key);
	if (!chart) {
		chart = metricsCharts(localisedMetrics(fc, report.metrics), report.bottlenecks);
		charts.set(key, chart);
	}
	return chart;
}

/**
 * Chart SVG for inlining: Vega tags inner marks with graphics roles that have no names of their own;
 * the root is already `role="img"` with a title, and the data table carries the detail.
 */
export function inlineChartSvg(svg: string): string {
	const end = svg.indexOf(">") + 1;
	return svg.slice(0, end) + svg.slice(end).replace(/\s(?:role|aria-roledescription)="[^"]*"/g, "");
}

export const chartOrder = ["funnel", "conversionTrend", "timeTrend", "stalled"] as const;

/** Translated column headers of each chart's data table, aligned with `Chart.table.columns`. */
export const chartColumns: Record<keyof MetricsCharts, UiKey[]> = {
	funnel: ["metrics.col.stage", "metrics.col.deals", "metrics.col.share"],
	conversionTrend: [
		"metrics.col.period",
		"metrics.col.stage",
		"metrics.col.conversion",
		"metrics.col.movedOn",
		"metrics.col.decided",
	],
	timeTrend: ["metrics.col.period", "metrics.col.stage", "metrics.col.median", "metrics.col.p90", "metrics.col.stays"],
	stalled: ["metrics.col.stage", "metrics.col.stalled", "metrics.col.limit", "metrics.col.open"],
};

export const chartTitles: Record<keyof MetricsCharts, UiKey> = {
	funnel: "metrics.chart.funnel",
	conversionTrend: "metrics.chart.conversionTrend",
	timeTrend: "metrics.chart.timeTrend",
	stalled: "metrics.chart.stalled",
};

/** Column headers in the page's language; English ones when the chart's columns changed shape. */
export function tableColumns(lang: Lang, kind: keyof MetricsCharts, english: readonly string[]): string[] {
	const keys = chartColumns[kind];
	return keys.length === english.length ? keys.map((k) => t(lang, k)) : [...english];
}

/** Why a step is flagged, in the page's language. English uses the core's sentences as they are. */
export function bottleneckReasons(lang: Lang, b: Bottleneck, report: MetricsReport): string[] {
	if (lang === "en") return b.reasons;
	const step = report.metrics.steps.find((s) => s.id === b.step);
	if (!step) return b.reasons;
	return b.kinds.map((kind) =>
		kind === "conversion"
			? fillTemplate(t(lang, "bottlenecks.conversion"), {
					conversion: step.overall.conversion?.display ?? "n/a",
					target: fmtShare(step.target.conversion ?? 0),
					count: fmtInt(b.notMovedOn),
				})
			: fillTemplate(t(lang, "bottlenecks.time"), {
					median: fmtDays(step.overall.medianDays?.value ?? 0),
					limit: fmtDays(step.target.maxDays ?? 0),
					count: fmtInt(b.stalled),
				}),
	);
}

const units: Record<Lang, { days: string; deals: string }> = {
	en: { days: "d", deals: "deals" },
	id: { days: " hr", deals: "transaksi" },
};

/** Diagram notes ("27% · 23.4d") in the page's language; English uses the core's annotations. */
export function diagramNotes(lang: Lang, report: MetricsReport): DiagramAnnotations {
	if (lang === "en") return report.annotations;
	const u = units[lang];
	const nodes: DiagramAnnotations["nodes"] = {};
	for (const step of report.metrics.steps) {
		const base = report.annotations.nodes[step.id];
		if (!base) continue;
		const parts: string[] = [];
		if (step.type === "end") {
			if (step.overall.deals > 0) parts.push(`${fmtInt(step.overall.deals)} ${u.deals}`);
		} else {
			if (step.overall.conversion?.value != null) parts.push(fmtShare(step.overall.conversion.value));
			if (step.overall.medianDays?.value != null) parts.push(`${fmtDays(step.overall.medianDays.value)}${u.days}`);
		}
		nodes[step.id] = { ...base, ...(parts.length ? { note: parts.join(" · ") } : {}) };
	}
	return { nodes, edges: report.annotations.edges };
}

/** "2026-11-20" from an ISO timestamp. */
export const day = (iso: string) => iso.slice(0, 10);
