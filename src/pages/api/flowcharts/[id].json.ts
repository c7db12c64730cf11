/** `/api/flowcharts/<id>.json`: the process and its computed metrics for CRM and reporting tools (English, language-neutral ids). */
import type { APIRoute, GetStaticPaths } from "astro";
import { flowchartApiJson } from "../../../lib/metrics/api.ts";
import { getFlowcharts, type SiteFlowchart } from "../../../site/data.ts";
import { flowchartMetrics } from "../../../site/metrics.ts";

export const getStaticPaths = (async () => {
	const flowcharts = await getFlowcharts("en");
	return flowcharts.map((fc) => ({ params: { id: fc.id }, props: { fc } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const { report } = await flowchartMetrics(props.fc);
	return new Response(`${JSON.stringify(flowchartApiJson(props.fc, report), null, 2)}\n`, {
		headers: { "Content-Type": "application/json; charset=utf-8" },
	});
};
