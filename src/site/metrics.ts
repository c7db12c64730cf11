/**
 * CRM metrics for pages: each flowchart's export is read once per build, from the English
 * flowchart (step ids are the same in every language). Sentences come from the core as messages and are
 * rendered in the page's language by src/lib/i18n/format.ts.
 */
import { join } from "node:path";
import { isUiKey, type Lang, t } from "../i18n/ui.ts";
import { type MetricsCharts, metricsCharts } from "../lib/charts/index.ts";
import { DEFAULT_CHART_CACHE } from "../lib/charts/svg-cache.ts";
import { formatter, message } from "../lib/i18n/format.ts";
import {
	type Bottleneck,
	type DataIssue,
	describeIssue,
	type FlowchartMetrics,
	keepMetricsBetweenBuilds,
	loadMetrics,
	type MetricsLoad,
	type MetricsReport,
} from "../lib/metrics/index.ts";
import { METRICS_CACHE_DIR } from "../lib/metrics/report-cache.ts";
import { fillTemplate } from "../lib/template.ts";
import type { SiteFlowchart } from "./data.ts";
import { project } from "./project.ts";

const loads = new Map<string, Promise<MetricsLoad>>();

/**
 * Loads are kept in the project's `.cache/flowbook/metrics/` for every later load of this process (pages and CRM
 * files), keyed by the code in the project's `src/` (a fixture folder without one keeps nothing).
 */
export function keepMetricsOf(rootDir: string): void {
	keepMetricsBetweenBuilds({ dir: join(rootDir, METRICS_CACHE_DIR), srcDir: join(rootDir, "src") });
}

/** The metrics of a flowchart in any language; `report` is undefined when there is no usable export. */
export function flowchartMetrics(fc: SiteFlowchart, rootDir = project.rootDir): Promise<MetricsLoad> {
	const key = `${rootDir}\0${fc.id}`;
	let load = loads.get(key);
	if (!load) {
		keepMetricsOf(rootDir);
		load = loadMetrics({ root: rootDir, id: fc.id, flowchart: fc.original });
		loads.set(key, load);
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
		const cacheDir = join(project.rootDir, DEFAULT_CHART_CACHE);
		chart = metricsCharts(localisedMetrics(fc, report.metrics), report.bottlenecks, fc.lang, cacheDir);
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

/** Why a step is flagged, in the page's language. */
export function bottleneckReasons(lang: Lang, b: Bottleneck): string[] {
	return b.reasonMsgs.map((m) => message(lang, m));
}

export { diagramNotes } from "../lib/site/diagram-jobs.ts";

/** A data-quality line ("3 rows: unknown stage 'X', first at file:12 (dropped)") in the page's language. */
export function describeIssueIn(lang: Lang, issue: DataIssue): { text: string; translated: boolean } {
	const f = formatter(lang);
	const rows = fillTemplate(t(lang, f.plural(issue.count) === "one" ? "quality.rows.one" : "quality.rows.other"), {
		n: f.int(issue.count),
	});
	const reasonKey = `quality.reason.${issue.code}`;
	const stage = /'(.*)'$/.exec(issue.reason)?.[1];
	const known = isUiKey(reasonKey) && (issue.code !== "unknown-stage" || stage !== undefined);
	if (!known && lang !== "en") return { text: describeIssue(issue), translated: false };
	const actionKey = `quality.action.${issue.action}`;
	const text = message(lang, {
		key: "quality.issue",
		args: {
			rows,
			reason: known ? fillTemplate(t(lang, reasonKey), { stage: stage ?? "" }) : issue.reason,
			where: `${issue.file}:${issue.line}`,
			action: isUiKey(actionKey) ? t(lang, actionKey) : issue.action,
		},
	});
	return { text, translated: true };
}

/** The calendar date of an ISO timestamp in the page's locale ("Nov 20, 2026", "20 Nov 2026"). */
export const day = (lang: Lang, iso: string) => formatter(lang).date(iso);
