/** Dev preview: content problems for pages that cannot show the content itself. */
import { getCollection } from "astro:content";
import type { Diagnostic } from "../lib/diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";
import { brokenFiles } from "../loaders/flowcharts.ts";
import { project } from "./project.ts";

/**
 * Problems of flowchart files that have no page (broken since the dev server started), read fresh from disk.
 * Empty in a build, which stops on these errors before any page is made.
 */
export async function problemsWithoutPage(rootDir = project.rootDir): Promise<Diagnostic[]> {
	if (!import.meta.env.DEV) return [];
	const withPage = new Set((await getCollection("flowcharts")).map((e) => e.id));
	const { diagnostics } = await loadFlowcharts(rootDir);
	return [...brokenFiles(diagnostics)].filter(([id]) => !withPage.has(id)).flatMap(([, list]) => list);
}
