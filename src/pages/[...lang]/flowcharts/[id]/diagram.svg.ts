import type { APIRoute, GetStaticPaths } from "astro";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";
import { flowchartDiagram } from "../../../../site/diagrams.ts";
import { standaloneSvg } from "../../../../site/standalone-svg.ts";

export const getStaticPaths = flowchartPaths satisfies GetStaticPaths;

/** The rendered diagram as a standalone SVG file (light colours baked in, since no site CSS is around it). */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const diagram = await flowchartDiagram(props.fc);
	if (!diagram.svg) return new Response("", { status: 404 });
	return new Response(standaloneSvg(diagram.svg), { headers: { "Content-Type": "image/svg+xml" } });
};
