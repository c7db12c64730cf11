/**
 * Flowchart diagrams for pages: compiled and rendered once per language per
 * build, in one batch, through one browser shared by every page.
 */

import type { Lang } from "../i18n/ui.ts";
import { type CompileOptions, compileFlowchart, type MermaidAnnotations } from "../lib/mermaid/compile.ts";
import { renderDiagrams } from "../lib/render/cache.ts";
import { getSharedRenderer } from "../lib/render/shared.ts";
import { getFlowcharts, type SiteFlowchart } from "./data.ts";
import { stepAnchor } from "./urls.ts";

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

export function compileForSite(fc: SiteFlowchart, extra: Partial<CompileOptions> = {}): string {
	return compileFlowchart(fc, { href: (id) => `#${stepAnchor(id)}`, lang: fc.lang, ...extra });
}

const batches = new Map<Lang, Promise<Map<string, SiteDiagram>>>();

async function renderLanguage(lang: Lang): Promise<Map<string, SiteDiagram>> {
	const flowcharts = await getFlowcharts(lang);
	const started = performance.now();
	const jobs = flowcharts.map((fc) => ({ id: fc.id, source: compileForSite(fc), idPrefix: `fb-${fc.id}-` }));
	const results = await renderDiagrams(jobs, { renderer: () => getSharedRenderer() });
	// Read by `npm run bench` to report what a build spends on diagrams.
	if (process.env.FLOWBOOK_TIMING) {
		console.log(`flowbook: diagrams ${lang} ${jobs.length} in ${(performance.now() - started).toFixed(1)} ms`);
	}
	const out = new Map<string, SiteDiagram>();
	for (const [i, result] of results.entries()) {
		const job = jobs[i];
		const fc = flowcharts[i];
		if (!job || !fc) continue;
		if (result.kind === "error") {
			// Our compiler wrote this source, so a parse error is a Flowbook bug, not an author's.
			throw new Error(`flowbook: internal error rendering ${fc.file}: ${result.error.message}`);
		}
		out.set(fc.id, {
			id: job.idPrefix,
			source: job.source,
			svg: result.kind === "svg" ? result.svg : undefined,
			alt: `${fc.data.title}. ${fc.data.summary ?? ""}`.trim(),
		});
	}
	return out;
}

export async function flowchartDiagram(fc: SiteFlowchart): Promise<SiteDiagram> {
	let batch = batches.get(fc.lang);
	if (!batch) {
		batch = renderLanguage(fc.lang);
		batches.set(fc.lang, batch);
	}
	const diagram = (await batch).get(fc.id);
	if (!diagram) throw new Error(`flowbook: no diagram for flowchart ${fc.id}`);
	return diagram;
}

const annotated = new Map<string, Promise<SiteDiagram>>();

/**
 * The diagram with live metrics written on nodes and arrows. Its id prefix differs from the plain
 * diagram's, so both can sit on one page without clashing SVG ids.
 */
export function annotatedDiagram(fc: SiteFlowchart, annotate: MermaidAnnotations): Promise<SiteDiagram> {
	const key = `${fc.lang}/${fc.id}`;
	let diagram = annotated.get(key);
	if (!diagram) {
		diagram = renderAnnotated(fc, annotate);
		annotated.set(key, diagram);
	}
	return diagram;
}

async function renderAnnotated(fc: SiteFlowchart, annotate: MermaidAnnotations): Promise<SiteDiagram> {
	const job = { id: fc.id, source: compileForSite(fc, { annotate }), idPrefix: `fb-${fc.id}-live-` };
	const [result] = await renderDiagrams([job], { renderer: () => getSharedRenderer() });
	if (!result || result.kind === "error") {
		throw new Error(`flowbook: internal error rendering the metrics diagram of ${fc.file}: ${result?.error.message}`);
	}
	return {
		id: job.idPrefix,
		source: job.source,
		svg: result.kind === "svg" ? result.svg : undefined,
		alt: `${fc.data.title}. ${fc.data.summary ?? ""}`.trim(),
	};
}
