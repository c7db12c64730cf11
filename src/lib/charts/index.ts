/**
 * Metrics charts rendered to static SVG at build time.
 *
 * Why Vega-Lite: it is well kept (UW IDL, steady releases), declarative (a chart is a small JSON
 * spec, easy to review and test), and Vega renders it headless in Node straight to an SVG string,
 * with no browser, no canvas and no chart JavaScript shipped to the page.
 *
 * Every chart is built in one language (titles, axes, number formats via Vega's locale, the data table)
 * and returns `{ svg, title, description, table }`; the page prints the table beside the
 * chart for screen readers. The SVG is `role="img"` with a `<title>` and an aria-label. Text and
 * axes use `currentColor` so charts follow the page's light or dark colour; bars and lines use a
 * mid-tone palette that reads on both.
 */
import type { TopLevelSpec } from "vega-lite";
import { type Lang, t, type UiKey } from "../../i18n/ui.ts";
import { textKey } from "../cache/digest.ts";
import { type Format, formatter, type Message, message, vegaNumberLocale } from "../i18n/format.ts";
import type { Bottleneck } from "../metrics/bottlenecks.ts";
import type { FlowchartMetrics } from "../metrics/compute.ts";
import { cachedSvg, stableDefIds } from "./svg-cache.ts";

export interface ChartTable {
	columns: string[];
	/** Display strings, one array per row, aligned with `columns`. */
	rows: string[][];
}

export interface Chart {
	/** Static SVG markup (inline it; no script). */
	svg: string;
	title: string;
	/** One or two sentences summarising what the chart shows. */
	description: string;
	table: ChartTable;
}

export interface MetricsCharts {
	funnel: Chart;
	conversionTrend: Chart;
	timeTrend: Chart;
	stalled: Chart;
}

/** Mid-tone colours with enough contrast on white and on near-black backgrounds. */
export const palette = ["#3b82c4", "#d9822b", "#3f9e6e", "#a66cc7", "#c2a12b", "#d15b7c", "#4aa3a8", "#8a8f98"];
const barColor = "#3b82c4";
const stalledColor = "#d9822b";
/** Bottleneck highlight. */
export const alertColor = "#d94a38";
export const fontStack = "system-ui, sans-serif";

const config = {
	font: fontStack,
	background: "transparent",
	aria: false,
	view: { stroke: null },
	title: { color: "currentColor", fontSize: 14, anchor: "start" },
	axis: {
		labelColor: "currentColor",
		titleColor: "currentColor",
		domainColor: "currentColor",
		tickColor: "currentColor",
		gridColor: "currentColor",
		gridOpacity: 0.15,
		labelFontSize: 11,
		titleFontSize: 11,
		labelLimit: 180,
	},
	legend: { labelColor: "currentColor", titleColor: "currentColor", labelFontSize: 11, titleFontSize: 11 },
	range: { category: palette },
	bar: { color: barColor },
	line: { strokeWidth: 2 },
	point: { filled: true, size: 40 },
} as const;

function escapeXml(s: string): string {
	return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Draws a Vega-Lite spec (data, style and locale included) to SVG. Vega and Vega-Lite (~2 MB of modules with d3) are
 * loaded only here: a build whose charts are all in the cache never loads them.
 */
async function drawSvg(spec: TopLevelSpec): Promise<string> {
	const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
	const view = new View(parse(compile(spec).spec), { renderer: "none" });
	const svg = await view.toSVG();
	view.finalize();
	return svg;
}

/**
 * Renders a Vega-Lite spec to SVG and makes it an accessible image; numbers follow `lang`'s locale. With a
 * `cacheDir`, a spec drawn by an earlier build is read back instead of drawn again.
 */
export async function renderSvg(
	spec: TopLevelSpec,
	title: string,
	description: string,
	lang: Lang = "en",
	cacheDir?: string,
): Promise<string> {
	const locale = { number: vegaNumberLocale(lang) };
	const full = { ...spec, config: { ...config, locale, ...(spec.config ?? {}) } } as TopLevelSpec;
	const specText = JSON.stringify(full);
	const prefix = `fbc${textKey(specText).slice(0, 8)}-`;
	const raw = await cachedSvg(cacheDir, specText, async () => stableDefIds(await drawSvg(full), prefix));
	const label = escapeXml(title);
	return raw.replace(
		/^<svg([^>]*)>/,
		(_, attrs: string) =>
			`<svg${attrs.replace(/\s(role|aria-[a-z]+)="[^"]*"/g, "")} role="img" aria-label="${label}" style="max-width:100%;height:auto"><title>${label}</title><desc>${escapeXml(description)}</desc>`,
	);
}

const width = 520;

/** The text of a chart in one language. */
interface ChartText {
	lang: Lang;
	fmt: Format;
	tr: (key: UiKey) => string;
	msg: (m: Message) => string;
	na: string;
	/** Column headers of the data table. */
	columns: (keys: UiKey[]) => string[];
}

function chartText(lang: Lang): ChartText {
	const tr = (key: UiKey) => t(lang, key);
	return {
		lang,
		fmt: formatter(lang),
		tr,
		msg: (m) => message(lang, m),
		na: tr("metrics.na"),
		columns: (keys) => keys.map(tr),
	};
}

const periodWord = (x: ChartText, m: FlowchartMetrics) => x.tr(`metrics.period.${m.periodKind}`);

/** Horizontal bars of distinct deals entering each stage, in funnel order. */
export async function funnelChart(
	m: FlowchartMetrics,
	bottlenecks: readonly Bottleneck[] = [],
	lang: Lang = "en",
	cacheDir?: string,
): Promise<Chart> {
	const x = chartText(lang);
	const onTarget = x.tr("chart.legend.onTarget");
	const flaggedWord = x.tr("chart.legend.bottleneck");
	const flagged = new Set(bottlenecks.map((b) => b.step));
	const byId = new Map(m.steps.map((s) => [s.id, s]));
	const data = m.funnel.flatMap((id, order) => {
		const s = byId.get(id);
		if (!s) return [];
		return {
			order,
			step: s.label,
			deals: s.overall.deals,
			cumulative: s.overall.cumulative?.value ?? null,
			bottleneck: flagged.has(id) ? flaggedWord : onTarget,
		};
	});
	const title = x.tr("metrics.chart.funnel");
	const first = data[0];
	const description = first
		? x.msg({
				key: "chart.funnel.desc",
				args: {
					stages: data.length,
					deals: { deals: first.deals },
					first: first.step,
					list: data.map((d) => `${d.step} ${x.fmt.int(d.deals)}`).join(", "),
				},
			})
		: x.tr("chart.empty");
	const spec: TopLevelSpec = {
		width,
		height: { step: 26 },
		data: { values: data },
		encoding: {
			y: { field: "step", type: "nominal", sort: data.map((d) => d.step), title: null },
			x: { field: "deals", type: "quantitative", title: x.tr("chart.axis.dealsEntering") },
		},
		layer: [
			{
				mark: { type: "bar", cornerRadiusEnd: 2 },
				encoding: {
					color: {
						field: "bottleneck",
						type: "nominal",
						scale: { domain: [onTarget, flaggedWord], range: [barColor, alertColor] },
						legend: flagged.size ? { title: null, orient: "bottom" } : null,
					},
				},
			},
			{
				mark: { type: "text", align: "left", dx: 4, color: "currentColor", fontSize: 11 },
				encoding: { text: { field: "deals", type: "quantitative", format: "," } },
			},
		],
	};
	return {
		svg: await renderSvg(spec, title, description, lang, cacheDir),
		title,
		description,
		table: {
			columns: x.columns(["metrics.col.stage", "metrics.col.deals", "metrics.col.share"]),
			rows: data.map((d) => [d.step, x.fmt.int(d.deals), d.cumulative === null ? x.na : x.fmt.share(d.cumulative)]),
		},
	};
}

/** Stage steps that have any data, in funnel order (trend charts keep to these). */
function trendSteps(m: FlowchartMetrics) {
	const byId = new Map(m.steps.map((s) => [s.id, s]));
	return m.funnel.flatMap((id) => {
		const s = byId.get(id);
		return s && s.overall.entries > 0 ? [s] : [];
	});
}

/** One line per stage across the periods: the shape both trend charts share. */
function trendSpec(
	x: ChartText,
	m: FlowchartMetrics,
	stageLabels: string[],
	values: Record<string, unknown>[],
	y: Record<string, unknown>,
): TopLevelSpec {
	return {
		width,
		height: 240,
		data: { values },
		mark: { type: "line", point: true },
		encoding: {
			x: { field: "period", type: "ordinal", title: null, sort: m.periods, axis: { labelAngle: 0 } },
			y,
			color: { field: "step", type: "nominal", title: x.tr("metrics.col.stage"), sort: stageLabels },
		},
	} as TopLevelSpec;
}

/** Conversion per period per stage, one line per stage. */
export async function conversionTrendChart(m: FlowchartMetrics, lang: Lang = "en", cacheDir?: string): Promise<Chart> {
	const x = chartText(lang);
	const period = periodWord(x, m);
	const steps = trendSteps(m);
	const data = steps.flatMap((s) =>
		s.periods.map((p) => ({
			period: p.period,
			step: s.label,
			conversion: p.conversion?.value ?? null,
			movedOn: p.movedOn,
			decided: p.entries - p.stillIn,
		})),
	);
	const title = x.msg({ key: "metrics.chart.conversionTrend", args: { period } });
	const description = x.msg({
		key: "chart.conversionTrend.desc",
		args: { period, stages: steps.length, from: m.periods[0] ?? "-", to: m.periods.at(-1) ?? "-" },
	});
	const spec = trendSpec(
		x,
		m,
		steps.map((s) => s.label),
		data.filter((d) => d.conversion !== null),
		{
			field: "conversion",
			type: "quantitative",
			title: x.tr("metrics.col.conversion"),
			axis: { format: ".0%" },
			scale: { domain: [0, 1] },
		},
	);
	return {
		svg: await renderSvg(spec, title, description, lang, cacheDir),
		title,
		description,
		table: {
			columns: x.columns([
				"metrics.col.period",
				"metrics.col.stage",
				"metrics.col.conversion",
				"metrics.col.movedOn",
				"metrics.col.decided",
			]),
			rows: data.map((d) => [
				d.period,
				d.step,
				d.conversion === null ? x.na : x.fmt.share(d.conversion),
				x.fmt.int(d.movedOn),
				x.fmt.int(d.decided),
			]),
		},
	};
}

/** Median days in each stage per period. */
export async function timeTrendChart(m: FlowchartMetrics, lang: Lang = "en", cacheDir?: string): Promise<Chart> {
	const x = chartText(lang);
	const period = periodWord(x, m);
	const steps = trendSteps(m);
	const data = steps.flatMap((s) =>
		s.periods.map((p) => ({
			period: p.period,
			step: s.label,
			median: p.medianDays?.value ?? null,
			p90: p.p90Days?.value ?? null,
			stays: p.medianDays?.denominator ?? 0,
		})),
	);
	const title = x.msg({ key: "metrics.chart.timeTrend", args: { period } });
	const description = x.msg({ key: "chart.timeTrend.desc", args: { period, stages: steps.length } });
	const spec = trendSpec(
		x,
		m,
		steps.map((s) => s.label),
		data.filter((d) => d.median !== null),
		{ field: "median", type: "quantitative", title: x.tr("metrics.col.median") },
	);
	return {
		svg: await renderSvg(spec, title, description, lang, cacheDir),
		title,
		description,
		table: {
			columns: x.columns([
				"metrics.col.period",
				"metrics.col.stage",
				"metrics.col.median",
				"metrics.col.p90",
				"metrics.col.stays",
			]),
			rows: data.map((d) => [
				d.period,
				d.step,
				d.median === null ? x.na : x.fmt.decimal(d.median),
				d.p90 === null ? x.na : x.fmt.decimal(d.p90),
				x.fmt.int(d.stays),
			]),
		},
	};
}

/** Open deals over their stage's `max_days` at the export date, per stage with a limit. */
export async function stalledChart(
	m: FlowchartMetrics,
	bottlenecks: readonly Bottleneck[] = [],
	lang: Lang = "en",
	cacheDir?: string,
): Promise<Chart> {
	const x = chartText(lang);
	const flagged = new Set(bottlenecks.map((b) => b.step));
	const data = m.steps
		.filter((s) => s.stalled !== null)
		.map((s, order) => ({
			order,
			step: s.label,
			stalled: s.stalled?.value ?? 0,
			maxDays: s.target.maxDays ?? 0,
			open: s.open,
			bottleneck: flagged.has(s.id) ? "Bottleneck" : "Other",
		}));
	const total = data.reduce((t, d) => t + d.stalled, 0);
	const title = x.tr("metrics.chart.stalled");
	const description = x.msg({
		key: "chart.stalled.desc",
		args: { count: total, date: { date: m.exportDate } },
	});
	const spec: TopLevelSpec = {
		width,
		height: { step: 26 },
		data: { values: data },
		encoding: {
			y: { field: "step", type: "nominal", sort: data.map((d) => d.step), title: null },
			x: { field: "stalled", type: "quantitative", title: x.tr("chart.axis.stalled"), axis: { tickMinStep: 1 } },
		},
		layer: [
			{
				mark: { type: "bar", cornerRadiusEnd: 2 },
				encoding: {
					color: {
						field: "bottleneck",
						type: "nominal",
						scale: { domain: ["Other", "Bottleneck"], range: [stalledColor, alertColor] },
						legend: null,
					},
				},
			},
			{
				mark: { type: "text", align: "left", dx: 4, color: "currentColor", fontSize: 11 },
				encoding: { text: { field: "stalled", type: "quantitative", format: "," } },
			},
		],
	};
	return {
		svg: await renderSvg(spec, title, description, lang, cacheDir),
		title,
		description,
		table: {
			columns: x.columns(["metrics.col.stage", "metrics.col.stalled", "metrics.col.limit", "metrics.col.open"]),
			rows: data.map((d) => [d.step, x.fmt.int(d.stalled), x.fmt.decimal(d.maxDays), x.fmt.int(d.open)]),
		},
	};
}

/** All four charts for a flowchart's metrics page, in the page's language; `cacheDir` keeps their SVGs between builds. */
export async function metricsCharts(
	m: FlowchartMetrics,
	bottlenecks: readonly Bottleneck[] = [],
	lang: Lang = "en",
	cacheDir?: string,
): Promise<MetricsCharts> {
	const [funnel, conversionTrend, timeTrend, stalled] = await Promise.all([
		funnelChart(m, bottlenecks, lang, cacheDir),
		conversionTrendChart(m, lang, cacheDir),
		timeTrendChart(m, lang, cacheDir),
		stalledChart(m, bottlenecks, lang, cacheDir),
	]);
	return { funnel, conversionTrend, timeTrend, stalled };
}
