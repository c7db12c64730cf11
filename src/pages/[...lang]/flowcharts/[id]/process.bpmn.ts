import type { APIRoute, GetStaticPaths } from "astro";
import { exportBpmn } from "../../../../lib/interchange/bpmn-export.ts";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";
import { keptPageText } from "../../../../site/kept.ts";

export const getStaticPaths = flowchartPaths satisfies GetStaticPaths;

/** The flowchart as BPMN 2.0, for Camunda Modeler, bpmn.io, Signavio and other process tools. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const { id, file, data } = props.fc;
	// bpmn-moddle's serialiser takes ~20-40 ms a flowchart for the same XML every build: kept between builds.
	const xml = await keptPageText("bpmn", { id, file, data }, () => exportBpmn({ id, file, data }));
	return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
