/** Dev preview only: the current content key (see src/site/content-version.ts); a build writes no such file. */
import type { APIRoute, GetStaticPaths } from "astro";
import { contentVersion, DEV_SERVER } from "../../site/content-version.ts";

export const getStaticPaths = (() =>
	DEV_SERVER ? [{ params: { name: "content-version" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
	new Response(JSON.stringify({ version: await contentVersion() }), {
		headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
	});
