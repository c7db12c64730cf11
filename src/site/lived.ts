/**
 * The "as lived" diagram of a flowchart's metrics page (see src/lib/conformance/lived.ts), rendered at
 * build time once per language like the other diagrams. Its ids differ from the plain and live diagrams'.
 */
import type { MermaidAnnotations } from "../lib/mermaid/compile.ts";
import { renderDiagrams } from "../lib/render/cache.ts";
import { getSharedRenderer } from "../lib/render/shared.ts";
import type { SiteFlowchart } from "./data.ts";
import { compileForSite, type SiteDiagram } from "./diagrams.ts";

const rendered = new Map<string, Promise<SiteDiagram>>();

export function livedDiagram(
	fc: SiteFlowchart,
	annotate: MermaidAnnotations,
	stepHref: (stepId: string) => string,
): Promise<SiteDiagram> {
	const key = `${fc.lang}/${fc.id}`;
	let diagram = rendered.get(key);
	if (!diagram) {
		diagram = render(fc, annotate, stepHref);
		rendered.set(key, diagram);
	}
	return diagram;
}

async function render(
	fc: SiteFlowchart,
	annotate: MermaidAnnotations,
	stepHref: (stepId: string) => string,
): Promise<SiteDiagram> {
	const job = { id: fc.id, source: compileForSite(fc, { annotate, href: stepHref }), idPrefix: `fb-${fc.id}-lived-` };
	const [result] = await renderDiagrams([job], { renderer: () => getSharedRenderer() });
	if (!result || result.kind === "error") {
		throw new Error(
			`flowbook: internal error rendering the "as lived" diagram of ${fc.file}: ${result?.error.message}`,
		);
	}
	return {
		id: job.idPrefix,
		source: job.source,
		svg: result.kind === "svg" ? result.svg : undefined,
		alt: `${fc.data.title}. ${fc.data.summary ?? ""}`.trim(),
	};
}
