import type { APIRoute } from "astro";
import { crmFile, crmPaths } from "../../../../site/crm.ts";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";

export const getStaticPaths = async () => crmPaths(await flowchartPaths(), "hubspot");

/** A HubSpot deal pipeline: the stages, with win probabilities from the CRM export or the targets. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const json = (await crmFile(props.fc, "hubspot")) ?? "";
	return new Response(json, { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
