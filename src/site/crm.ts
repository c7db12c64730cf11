/**
 * CRM guidance files for the flowchart page's downloads: the Salesforce Path and the HubSpot pipeline
 * that `npm run export:crm` writes. A flowchart whose stages do not map cleanly offers none (the CLI and
 * `validate` say why), rather than a file that would put the wrong stages in the CRM.
 */
import type { CrmFormat } from "../lib/interchange/crm-export.ts";
import { exportCrm } from "../lib/interchange/crm-export.ts";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";
import type { SiteFlowchart } from "./data.ts";
import { filesDigest, keptPageText } from "./kept.ts";
import { keepMetricsOf, metricsFolder } from "./metrics.ts";
import { project } from "./project.ts";

const cache = new Map<string, Promise<string | undefined>>();
/** The project's flowcharts read once per build for all its CRM files (each format in each language). */
const loaded = new Map<string, ReturnType<typeof loadFlowcharts>>();

async function compute(
	fc: SiteFlowchart,
	format: CrmFormat,
	rootDir: string,
	flowcharts?: () => ReturnType<typeof loadFlowcharts>,
): Promise<string | undefined> {
	keepMetricsOf(rootDir);
	const result = await exportCrm(rootDir, fc.id, format, fc.lang, flowcharts?.());
	const file = Object.entries(result.files ?? {}).find(([name]) => /\.(pathAssistant|json)$/.test(name));
	return file?.[1];
}

/**
 * `compute`, or the file it wrote before from the same files: every flowchart (the export reads them all), their
 * label files and the flowchart's CRM export and mapping. Loading the flowcharts and resolving the stages cost
 * ~50 ms a build otherwise. `crmFile` without its per-build memo.
 */
export async function keptCrmFile(
	fc: SiteFlowchart,
	format: CrmFormat,
	rootDir: string,
	flowcharts?: () => ReturnType<typeof loadFlowcharts>,
): Promise<string | undefined> {
	const content = await filesDigest(rootDir, ["content/flowcharts", "content/i18n", metricsFolder(fc.id)]);
	const inputs = { id: fc.id, lang: fc.lang, format, rootDir, content };
	const text = await keptPageText(
		"crm-file",
		inputs,
		async () => JSON.stringify((await compute(fc, format, rootDir, flowcharts)) ?? null),
		rootDir,
	);
	return (JSON.parse(text) as string | null) ?? undefined;
}

/** The file's text, or undefined when the export has errors. Read once per build; every request in dev. */
export function crmFile(fc: SiteFlowchart, format: CrmFormat, rootDir = project.rootDir): Promise<string | undefined> {
	if (import.meta.env.DEV) return compute(fc, format, rootDir);
	const key = `${rootDir}\0${fc.lang}/${fc.id}/${format}`;
	let file = cache.get(key);
	if (!file) {
		// Loaded only when a file is not kept, and then once for all of them.
		const flowcharts = () => {
			let all = loaded.get(rootDir);
			if (!all) {
				all = loadFlowcharts(rootDir);
				loaded.set(rootDir, all);
			}
			return all;
		};
		file = keptCrmFile(fc, format, rootDir, flowcharts);
		cache.set(key, file);
	}
	return file;
}

/** `getStaticPaths` for one format: the flowcharts that have its file. */
export async function crmPaths<P extends { props: { fc: SiteFlowchart } }>(
	paths: P[],
	format: CrmFormat,
): Promise<P[]> {
	const files = await Promise.all(paths.map((p) => crmFile(p.props.fc, format)));
	return paths.filter((_, i) => files[i] !== undefined);
}
