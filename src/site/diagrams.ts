/**
 * Flowchart diagrams for pages: compiled and rendered once per language per
 * build, in one batch, through one browser shared by every page.
 */

import type { Lang } from "../i18n/ui.ts";
import type { ConformanceReport } from "../lib/conformance/index.ts";
import type { MetricsReport } from "../lib/metrics/index.ts";
import { type DiagramResult, renderDiagrams } from "../lib/render/cache.ts";
import { getSharedRenderer } from "../lib/render/shared.ts";
import { liveDiagramJob, livedDiagramJob, plainDiagramJob, type SiteDiagramJob } from "../lib/site/diagram-jobs.ts";
import { getFlowcharts, type SiteFlowchart } from "./data.ts";
import { base } from "./urls.ts";

export interface SiteDiagram {
	/** Unique on the page; used as the SVG id prefix. */
	id: string;
	/** The Mermaid source (also offered for download). */
	source: string;
	/** Inline SVG; undefined when the reader's browser must draw it. */
	svg?: string;
	/** Text alternative. */
	alt: string;
}

interface Batch {
	/** The compiled sources it was rendered from (dev: a content change makes a new batch). */
	key: string;
	diagrams: Promise<Map<string, SiteDiagram>>;
}
const batches = new Map<Lang, Batch>();

/**
 * All flowcharts of a language in one batch, rendered once per build. In dev the batch is keyed by its sources,
 * so an edit makes a new one: only the changed diagram misses the on-disk cache and goes to the warm browser.
 */
async function languageBatch(lang: Lang): Promise<Map<string, SiteDiagram>> {
	const current = batches.get(lang);
	if (current && !import.meta.env.DEV) return current.diagrams;
	const flowcharts = await getFlowcharts(lang);
	const jobs = flowcharts.map(plainDiagramJob);
	const key = jobs.map((job) => job.source).join("\n\u0000");
	const again = batches.get(lang);
	if (again && (again.key === key || !import.meta.env.DEV)) return again.diagrams;
	const diagrams = renderLanguage(lang, flowcharts, jobs);
	batches.set(lang, { key, diagrams });
	return diagrams;
}

async function renderLanguage(
	lang: Lang,
	flowcharts: SiteFlowchart[],
	jobs: SiteDiagramJob[],
): Promise<Map<string, SiteDiagram>> {
	const started = performance.now();
	const results = await renderDiagrams(jobs, { renderer: () => getSharedRenderer() });
	// Read by `npm run bench` to report what a build spends on diagrams.
	if (process.env.FLOWBOOK_TIMING) {
		console.log(`flowbook: diagrams ${lang} ${jobs.length} in ${(performance.now() - started).toFixed(1)} ms`);
	}
	const out = new Map<string, SiteDiagram>();
	for (const [i, result] of results.entries()) {
		const job = jobs[i];
		const fc = flowcharts[i];
		if (job && fc) out.set(fc.id, siteDiagram(fc, job, result, fc.file));
	}
	return out;
}

/** What a page shows of a rendered job. Our compiler wrote the source, so an error is a Flowbook bug, not an author's. */
function siteDiagram(
	fc: SiteFlowchart,
	job: SiteDiagramJob,
	result: DiagramResult | undefined,
	what: string,
): SiteDiagram {
	if (!result || result.kind === "error") {
		throw new Error(`flowbook: internal error rendering ${what}: ${result?.error.message}`);
	}
	return {
		id: job.idPrefix,
		source: job.source,
		svg: result.kind === "svg" ? result.svg : undefined,
		alt: `${fc.data.title}. ${fc.data.summary ?? ""}`.trim(),
	};
}

export async function flowchartDiagram(fc: SiteFlowchart): Promise<SiteDiagram> {
	const diagram = (await languageBatch(fc.lang)).get(fc.id);
	if (!diagram) throw new Error(`flowbook: no diagram for flowchart ${fc.id}`);
	return diagram;
}

/** Per language and flowchart, with the source it was rendered from: new metrics or a dev edit render anew. */
const annotated = new Map<string, { source: string; diagram: Promise<SiteDiagram> }>();

/** The views drawn over a flowchart: live metrics, and the paths deals really took ("as lived"). */
const views = { live: "the metrics diagram", lived: 'the "as lived" diagram' } as const;

/** The flowchart page's main diagram when there is a CRM export: live metrics written on nodes and arrows. */
export const liveDiagram = (fc: SiteFlowchart, report: MetricsReport): Promise<SiteDiagram> =>
	annotatedDiagram(fc, liveDiagramJob(fc, report), "live");

/** The metrics page's "as lived" diagram: the moves deals made without an arrow, and the arrows nobody took. */
export const livedDiagram = (fc: SiteFlowchart, report: ConformanceReport): Promise<SiteDiagram> =>
	annotatedDiagram(fc, livedDiagramJob(fc, report, base), "lived");

/**
 * Each view has its own id prefix, so several sit on one page without clashing SVG ids; each is keyed by its
 * source, so an edit in dev draws it again. A build drew them all before the pages (src/lib/site/prerender.ts).
 */
function annotatedDiagram(fc: SiteFlowchart, job: SiteDiagramJob, view: keyof typeof views): Promise<SiteDiagram> {
	const slot = `${view}/${fc.lang}/${fc.id}`;
	const hit = annotated.get(slot);
	if (hit?.source === job.source) return hit.diagram;
	const diagram = renderAnnotated(fc, job, views[view]);
	annotated.set(slot, { source: job.source, diagram });
	return diagram;
}

async function renderAnnotated(fc: SiteFlowchart, job: SiteDiagramJob, what: string): Promise<SiteDiagram> {
	const [result] = await renderDiagrams([job], { renderer: () => getSharedRenderer() });
	return siteDiagram(fc, job, result, `${what} of ${fc.file}`);
}
