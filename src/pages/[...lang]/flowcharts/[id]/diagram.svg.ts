import type { APIRoute, GetStaticPaths } from "astro";
import { langs } from "../../../../i18n/ui.ts";
import { getFlowcharts, type SiteFlowchart } from "../../../../site/data.ts";
import { flowchartDiagram } from "../../../../site/diagrams.ts";
import { standaloneSvg } from "../../../../site/standalone-svg.ts";
import { langParam } from "../../../../site/urls.ts";

export const getStaticPaths = (async () => {
	const paths = [];
	for (const lang of langs) {
		for (const fc of await getFlowcharts(lang))
			paths.push({ params: { lang: langParam(lang), id: fc.id }, props: { fc } });
	}
	return paths;
}) satisfies GetStaticPaths;

/** The rendered diagram as a standalone SVG file (light colours baked in, since no site CSS is around it). */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const diagram = await flowchartDiagram(props.fc);
	if (!diagram.svg) return new Response("", { status: 404 });
	return new Response(standaloneSvg(diagram.svg), { headers: { "Content-Type": "image/svg+xml" } });
};
