/**
 * Flowchart metrics from a CRM stage-history export: framework-free, called by the Astro pages at
 * build time.
 *
 * Typical page code:
 *
 *   import { loadMetrics } from "../lib/metrics/index.ts";
 *   import { metricsCharts } from "../lib/charts/index.ts";
 *   import { flowchartApiJson } from "../lib/metrics/api.ts";
 *
 *   const { report, diagnostics, note } = await loadMetrics({ root: "/path/to/playbook", id: "b2b", flowchart });
 *   // diagnostics: Diagnostic[]  → print in the build output (error = fail the build when strict)
 *   // note?: string              → show instead of metrics when report is undefined (no export yet)
 *   if (report) {
 *     report.metrics.headline.winRate        // Figure { value, numerator, denominator, display, formula }
 *     report.metrics.steps[i].overall        // per step: deals, entries, conversion, cumulative, medianDays, p90Days
 *     report.metrics.steps[i].periods[p]     // same per period (labels in report.metrics.periods)
 *     report.metrics.edges[j].overall        // per transition share; key "from->to"
 *     report.bottlenecks                     // ranked, each with human `reasons`
 *     report.annotations                     // pass as `annotate` to the Mermaid compiler
 *     report.dataQuality.issues              // bad-data groups; describeIssue(issue) gives the sentence
 *     const charts = await metricsCharts(report.metrics);  // { funnel, conversionTrend, timeTrend, stalled }
 *     // each chart: { svg, title, description, table: { columns, rows } }
 *   }
 *   // /api/flowcharts/<id>.json: JSON.stringify(flowchartApiJson(loaded, report), null, 2)
 *
 * Lower-level pieces for other uses: `parseMapping` (mapping.ts), `ingestCsv` (ingest.ts),
 * `computeMetrics` (compute.ts, pure), `findBottlenecks` / `diagramAnnotations` (bottlenecks.ts),
 * `storeFromEvents` (events.ts, build a store from plain events).
 * Formulas and policies: content/metrics/README.md and the comments in compute.ts and ingest.ts.
 */
import { access, readdir, readFile, stat } from "node:fs/promises";
import { type ConformanceReport, conformanceOf } from "../conformance/index.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type EventStore, storeEvents, storeFromEvents } from "../events/store.ts";
import { processShared } from "../process-shared.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { type Bottleneck, type DiagramAnnotations, diagramAnnotations, findBottlenecks } from "./bottlenecks.ts";
import { computeMetrics, type FlowchartMetrics } from "./compute.ts";
import { csvFilesIn, type DataQualityReport, ingestCsv } from "./ingest.ts";
import { type Mapping, parseMapping } from "./mapping.ts";
import { keepLoad, type MetricsCacheOptions, metricsCacheKey, readKeptLoad } from "./report-cache.ts";

export type { PeriodKind } from "../events/period.ts";
export type { StageEvent } from "../events/store.ts";
export { storeEvents, storeFromEvents } from "../events/store.ts";
export type { Bottleneck, DiagramAnnotations } from "./bottlenecks.ts";
export { diagramAnnotations, findBottlenecks } from "./bottlenecks.ts";
export type {
	EdgeMetrics,
	FlowchartMetrics,
	Headline,
	StalledDeal,
	StepMetrics,
	StepPeriodMetrics,
} from "./compute.ts";
export { computeMetrics } from "./compute.ts";
export type { Figure } from "./figure.ts";
export type { DataIssue, DataQualityReport } from "./ingest.ts";
export { describeIssue, ingestCsv } from "./ingest.ts";
export type { Mapping } from "./mapping.ts";
export { MappingSchema, parseMapping } from "./mapping.ts";

/** Everything a flowchart's metrics page and diagram need. */
export interface MetricsReport {
	flowchartId: string;
	/** Project-relative folder, e.g. `content/metrics/b2b`. */
	folder: string;
	metrics: FlowchartMetrics;
	bottlenecks: Bottleneck[];
	annotations: DiagramAnnotations;
	dataQuality: DataQualityReport;
	/** How the deals' real paths fit the flowchart. */
	conformance: ConformanceReport;
}

export interface MetricsLoad {
	/** Undefined when there is no usable export; `note` then says how to add one. */
	report?: MetricsReport;
	/** The whole export as events (not cut at `since`), with the report; for other uses (CRM win probabilities). */
	store?: EventStore;
	diagnostics: Diagnostic[];
	note?: string;
}

export interface LoadMetricsOptions {
	/** Project root (absolute). */
	root: string;
	/** Flowchart id, e.g. `b2b`: the export lives in `content/metrics/<id>/`. */
	id: string;
	flowchart: Flowchart;
	/** Override the folder, project-relative; default `content/metrics/<id>`. */
	folder?: string;
	/** Minimum decided visits before a step can be a bottleneck; default 10. */
	minSample?: number;
	/** Only events at or after this time (ms since the epoch), e.g. since the last review. */
	since?: number;
	/** Where loads are kept between builds; default the one set with `keepMetricsBetweenBuilds`, else none. */
	cache?: MetricsCacheOptions;
}

const keptIn = processShared<{ cache?: MetricsCacheOptions }>("metricsKeptIn", () => ({}));

/**
 * Every later `loadMetrics` of this process keeps its load in `cache` (the site's pages set it once for the build, so
 * the CRM files, which load through the interchange code, use the same kept loads).
 */
export function keepMetricsBetweenBuilds(cache: MetricsCacheOptions | undefined): void {
	keptIn.cache = cache;
}

/** The end of the export day (UTC), so events logged that day count as before it. */
export function exportDateMs(mapping: Mapping): number | undefined {
	if (mapping.export_date === undefined) return undefined;
	const d =
		typeof mapping.export_date === "string" ? new Date(`${mapping.export_date}T00:00:00Z`) : mapping.export_date;
	return d.getTime() + 86_400_000;
}

/** Reads `mapping.yaml` and every CSV in the flowchart's metrics folder and computes everything. */

/** The store with only the events at or after `since`: a deal's earlier steps are outside the window. */
function eventsSince(store: EventStore, since: number): EventStore {
	if (store.minAt >= since) return store;
	return storeFromEvents(
		storeEvents(store).filter((e) => e.at >= since),
		store.stepIds,
	).store;
}

/**
 * The content check and the pages of one build both need each export; ingesting it twice would
 * double the build's slowest step. Results are kept per process (`processShared`) and keyed by the options and
 * the folder's file sizes and times, so an edited export in `astro dev` is read again.
 */
const cache = processShared("metricsLoads", () => new Map<string, { load: Promise<MetricsLoad>; kept: boolean }>());

async function folderSignature(dir: string): Promise<string> {
	try {
		const names = (await readdir(dir)).sort();
		const stats = await Promise.all(names.map(async (n) => [n, await stat(`${dir}/${n}`)] as const));
		return stats.map(([n, st]) => `${n}:${st.size}:${st.mtimeMs}`).join("|");
	} catch {
		return "missing";
	}
}

export async function loadMetrics(options: LoadMetricsOptions): Promise<MetricsLoad> {
	const folder = options.folder ?? `content/metrics/${options.id}`;
	const key = JSON.stringify([
		options.root,
		folder,
		options.minSample,
		options.since,
		options.flowchart,
		await folderSignature(`${options.root}/${folder}`),
	]);
	const kept = options.cache ?? keptIn.cache;
	let entry = cache.get(key);
	if (!entry) {
		entry = { load: keptReadMetrics(options, folder, kept), kept: kept !== undefined };
		cache.set(key, entry);
	} else if (kept && !entry.kept) {
		// Loaded by the content check, before the pages set the cache: kept now, so the next build reads it back.
		entry.kept = true;
		const load = await entry.load;
		const diskKey = await keptKey(options, folder, kept);
		if (diskKey !== undefined) await keepLoad(kept, diskKey, load);
	}
	return entry.load;
}

function keptKey(options: LoadMetricsOptions, folder: string, kept: MetricsCacheOptions) {
	const { root, id, minSample, since, flowchart } = options;
	return metricsCacheKey(kept, `${root}/${folder}`, { root, id, folder, minSample, since, flowchart });
}

/** `readMetrics`, or the load it made before with the same inputs and code. */
async function keptReadMetrics(
	options: LoadMetricsOptions,
	folder: string,
	kept: MetricsCacheOptions | undefined,
): Promise<MetricsLoad> {
	if (!kept) return readMetrics(options);
	const key = await keptKey(options, folder, kept);
	const found = key === undefined ? undefined : await readKeptLoad<MetricsLoad>(kept, key);
	if (found) return found;
	const load = await readMetrics(options);
	if (key !== undefined) await keepLoad(kept, key, load);
	return load;
}

async function readMetrics(options: LoadMetricsOptions): Promise<MetricsLoad> {
	const folder = options.folder ?? `content/metrics/${options.id}`;
	const dir = `${options.root}/${folder}`;
	const howTo = `To show metrics, put your CRM's deal stage-history export (CSV) and a mapping.yaml in ${folder}/ (see content/metrics/README.md).`;
	const sources = await csvFilesIn(dir, folder);
	if (sources.length === 0) return { diagnostics: [], note: `No CRM export yet. ${howTo}` };
	const mappingFile = `${folder}/mapping.yaml`;
	let text: string;
	try {
		await access(`${dir}/mapping.yaml`);
		text = await readFile(`${dir}/mapping.yaml`, "utf8");
	} catch {
		return {
			diagnostics: [
				{
					severity: "warning",
					file: mappingFile,
					message: `The CRM export in ${folder}/ has no mapping.yaml, so its metrics are not shown.`,
					hint: "Add mapping.yaml with the column names and a stages: map (see content/metrics/README.md).",
					code: "metrics-mapping-missing",
				},
			],
			note: `The CRM export has no mapping yet. ${howTo}`,
		};
	}
	const { mapping, diagnostics } = parseMapping(text, mappingFile, options.flowchart);
	if (!mapping) return { diagnostics, note: `The metrics mapping has errors (see the build output). ${howTo}` };
	const ingested = await ingestCsv(sources, mapping, options.flowchart);
	diagnostics.push(...ingested.diagnostics);
	if (ingested.store.order.length === 0) {
		return { diagnostics, note: `The CRM export has no usable rows. ${howTo}` };
	}
	const store = options.since === undefined ? ingested.store : eventsSince(ingested.store, options.since);
	if (store.order.length === 0) {
		const day = new Date(options.since ?? 0).toISOString().slice(0, 10);
		return { diagnostics, note: `The CRM export has no events since ${day}.` };
	}
	const exportAt = exportDateMs(mapping);
	const metrics = computeMetrics(options.flowchart, store, {
		period: mapping.period,
		...(exportAt !== undefined ? { exportAt } : {}),
		...(mapping.currency ? { currency: mapping.currency } : {}),
	});
	const bottlenecks = findBottlenecks(metrics, options.minSample !== undefined ? { minSample: options.minSample } : {});
	return {
		report: {
			flowchartId: options.id,
			folder,
			metrics,
			bottlenecks,
			annotations: diagramAnnotations(metrics, bottlenecks),
			dataQuality: ingested.report,
			// Whole deals, not events in the window: a trace cut at the window's start would look like a mid-process start.
			conformance: conformanceOf(options.flowchart, ingested.store, { period: mapping.period, since: options.since }),
		},
		store: ingested.store,
		diagnostics,
	};
}
