/**
 * Runs once for all browser test files, in the main Vitest process: builds the site, serves it,
 * and starts one Chromium that every test file connects to (see browser.ts for the API).
 */
import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "./chromium.ts";
import "./provided.ts";
import { buildSite, OUT_DIR, serveSite } from "./site.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	if (process.env.FLOWBOOK_E2E_SKIP_BUILD !== "1") buildSite();
	const [site, server] = await Promise.all([serveSite(OUT_DIR), launchBrowserServer()]);
	project.provide("flowbookSiteUrl", site.url);
	project.provide("flowbookSiteDir", OUT_DIR);
	project.provide("flowbookBrowserEndpoint", server.wsEndpoint());
	return async () => {
		await server.close();
		await site.close();
	};
}
