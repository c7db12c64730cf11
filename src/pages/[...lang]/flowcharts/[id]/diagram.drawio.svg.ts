import type { APIRoute, GetStaticPaths } from "astro";
import { exportDrawioSvg } from "../../../../lib/interchange/drawio-export.ts";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";

export const getStaticPaths = flowchartPaths satisfies GetStaticPaths;

/** The flowchart as an image that draw.io opens as an editable diagram (the model rides inside the SVG). */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	return new Response(await exportDrawioSvg(props.fc), { headers: { "Content-Type": "image/svg+xml" } });
};
