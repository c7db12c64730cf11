import type { APIRoute, GetStaticPaths } from "astro";
import { langs } from "../../../../i18n/ui.ts";
import { getFlowcharts, type SiteFlowchart } from "../../../../site/data.ts";
import { flowchartDiagram } from "../../../../site/diagrams.ts";
import { langParam } from "../../../../site/urls.ts";

export const getStaticPaths = (async () => {
	const paths = [];
	for (const lang of langs) {
		for (const fc of await getFlowcharts(lang))
			paths.push({ params: { lang: langParam(lang), id: fc.id }, props: { fc } });
	}
	return paths;
}) satisfies GetStaticPaths;

/** The diagram's Mermaid source, for editors and other tools. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const diagram = await flowchartDiagram(props.fc);
	return new Response(diagram.source, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
