import type { APIRoute, GetStaticPaths } from "astro";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";
import { flowchartDiagram } from "../../../../site/diagrams.ts";

export const getStaticPaths = flowchartPaths satisfies GetStaticPaths;

/** The diagram's Mermaid source, for editors and other tools. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const diagram = await flowchartDiagram(props.fc);
	return new Response(diagram.source, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
};
