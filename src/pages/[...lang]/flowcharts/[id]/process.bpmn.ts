import type { APIRoute, GetStaticPaths } from "astro";
import { exportBpmn } from "../../../../lib/interchange/bpmn-export.ts";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";

export const getStaticPaths = flowchartPaths satisfies GetStaticPaths;

/** The flowchart as BPMN 2.0, for Camunda Modeler, bpmn.io, Signavio and other process tools. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const xml = await exportBpmn(props.fc);
	return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
