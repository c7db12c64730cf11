import type { APIRoute } from "astro";
import { crmFile, crmPaths } from "../../../../site/crm.ts";
import { flowchartPaths, type SiteFlowchart } from "../../../../site/data.ts";

export const getStaticPaths = async () => crmPaths(await flowchartPaths(), "salesforce");

/** Salesforce Path guidance (`PathAssistant` metadata): per stage what to do and what "done" means. */
export const GET: APIRoute<{ fc: SiteFlowchart }> = async ({ props }) => {
	const xml = (await crmFile(props.fc, "salesforce")) ?? "";
	return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
