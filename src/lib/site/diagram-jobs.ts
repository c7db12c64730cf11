/**
 * The site's flowchart diagrams as render jobs: the one definition of what each page draws. The pages render these
 * (src/site/diagrams.ts) and the build renders all of them before the pages (./prerender.ts); a source that differs
 * by one byte would miss the cache and start Chromium again while the pages are generated.
 */
import type { Lang } from "../../i18n/ui.ts";
import type { ConformanceReport } from "../conformance/index.ts";
import { livedNotes } from "../conformance/lived.ts";
import { flowchartStepHref, stepAnchor } from "../links.ts";
import { type CompileOptions, compileFlowchart } from "../mermaid/compile.ts";
import { type DiagramAnnotations, diagramAnnotations, type MetricsReport } from "../metrics/index.ts";
import type { DiagramJob } from "../render/cache.ts";
import type { SiteFlowchart } from "./flowcharts.ts";

export interface SiteDiagramJob extends DiagramJob {
	/** Unique on its page: the SVG's id prefix. */
	idPrefix: string;
}

/** The views a page draws of a flowchart: plain, live metrics (flowchart page), as lived (metrics page). */
export type DiagramView = "plain" | "live" | "lived";

/** Diagram notes ("27% · 23.4d", "27% · 23,4 hari") in the page's language. */
export function diagramNotes(lang: Lang, report: MetricsReport): DiagramAnnotations {
	return lang === "en" ? report.annotations : diagramAnnotations(report.metrics, report.bottlenecks, lang);
}

/** Mermaid for a flowchart on its own page: nodes link to the step sections below the diagram. */
export function compileForSite(fc: SiteFlowchart, extra: Partial<CompileOptions> = {}): string {
	return compileFlowchart(fc, { href: (id) => `#${stepAnchor(id)}`, lang: fc.lang, ...extra });
}

function siteJob(fc: SiteFlowchart, view: DiagramView, extra: Partial<CompileOptions> = {}): SiteDiagramJob {
	const suffix = view === "plain" ? "" : `${view}-`;
	return { id: fc.id, source: compileForSite(fc, extra), idPrefix: `fb-${fc.id}-${suffix}` };
}

/** The flowchart page's diagram (also its .mmd and .svg downloads). */
export const plainDiagramJob = (fc: SiteFlowchart): SiteDiagramJob => siteJob(fc, "plain");

/** The flowchart page's main diagram when there is a CRM export: live metrics on nodes and arrows. */
export const liveDiagramJob = (fc: SiteFlowchart, report: MetricsReport): SiteDiagramJob =>
	siteJob(fc, "live", { annotate: diagramNotes(fc.lang, report) });

/** The metrics page's "as lived" diagram; nodes link to the steps on the flowchart page under `base`. */
export const livedDiagramJob = (fc: SiteFlowchart, report: ConformanceReport, base: string): SiteDiagramJob =>
	siteJob(fc, "lived", {
		href: (id) => flowchartStepHref(base, fc.lang, fc.id, id),
		annotate: livedNotes(fc.lang, report),
	});

/**
 * Every diagram the pages of these flowcharts draw (any languages): `reports` holds each flowchart's metrics, by
 * id, when it has a usable CRM export.
 */
export function siteDiagramJobs(
	flowcharts: readonly SiteFlowchart[],
	reports: ReadonlyMap<string, MetricsReport>,
	base: string,
): SiteDiagramJob[] {
	return flowcharts.flatMap((fc) => {
		const report = reports.get(fc.id);
		const plain = plainDiagramJob(fc);
		if (!report) return [plain];
		return [plain, liveDiagramJob(fc, report), livedDiagramJob(fc, report.conformance, base)];
	});
}
