/**
 * Draws every flowchart diagram the site's pages will show, before the pages are generated: in a build this runs
 * next to the guides' fences on the same browser, which is then closed, so page generation (the build's memory
 * peak) finds them all in the on-disk cache and never starts Chromium again.
 */
import { type Lang, langs } from "../../i18n/ui.ts";
import type { MetricsReport } from "../metrics/index.ts";
import { renderDiagrams } from "../render/cache.ts";
import type { MermaidRenderer } from "../render/renderer.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { type SiteDiagramJob, siteDiagramJobs } from "./diagram-jobs.ts";
import { loadSiteFlowcharts } from "./flowcharts.ts";

export interface PrerenderOptions {
	rootDir: string;
	/** The site's base path (links in the as-lived diagram). */
	base: string;
	/** The flowcharts as the core loader read them (`checkContent`). */
	flowcharts: readonly LoadedFlowchart[];
	/** Usable CRM metrics by flowchart id (`checkContent`). */
	reports: ReadonlyMap<string, MetricsReport>;
	renderer: () => MermaidRenderer;
	languages?: readonly Lang[];
	cacheDir?: string;
}

/** Every diagram the pages will ask for, built from what the content check read (no Astro collections). */
export async function earlySiteDiagramJobs(
	options: Omit<PrerenderOptions, "renderer" | "cacheDir">,
): Promise<SiteDiagramJob[]> {
	const perLanguage = await Promise.all(
		(options.languages ?? langs).map((lang) => loadSiteFlowcharts(options.rootDir, options.flowcharts, lang)),
	);
	return siteDiagramJobs(perLanguage.flat(), options.reports, options.base);
}

/**
 * Renders into the cache and returns how many diagrams there were. A diagram that fails here is left to its page,
 * which reports it (our compiler wrote it, so that is a Flowbook bug, not the author's).
 */
export async function prerenderSiteDiagrams(options: PrerenderOptions): Promise<number> {
	const jobs = await earlySiteDiagramJobs(options);
	if (jobs.length === 0) return 0;
	await renderDiagrams(jobs, {
		renderer: options.renderer,
		...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
	});
	return jobs.length;
}
