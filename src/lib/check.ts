/** Every content check of a build or `npm run validate`, gathered in one report. */
import type { FlowbookConfig } from "./config.ts";
import { loadFaqs } from "./content/faq.ts";
import { checkLabelFiles } from "./content/labels.ts";
import { loadOnboarding } from "./content/onboarding.ts";
import { checkPageBodies, type PageBodyOptions, type PageFence } from "./content/page-bodies.ts";
import { loadPages, type PageInfo } from "./content/pages.ts";
import { checkRoleNames } from "./content/role-names.ts";
import { type Diagnostic, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.ts";
import { loadFlowcharts } from "./load/load-flowcharts.ts";
import { loadMetrics, type MetricsReport } from "./metrics/index.ts";
import { reviewDiagnostics } from "./review/check.ts";
import type { LoadedFlowchart } from "./schema/flowchart.ts";

export interface ContentReport {
	flowcharts: LoadedFlowchart[];
	/** Playbook pages whose frontmatter is valid. */
	pages: PageInfo[];
	/** The ```mermaid fences of those pages, for the build to render. */
	fences: PageFence[];
	/** Usable CRM metrics by flowchart id, for the build to draw the metrics diagrams early. */
	metrics: Map<string, MetricsReport>;
	diagnostics: Diagnostic[];
	/** True when the build cannot be trusted: errors, or warnings in strict mode. */
	failed: boolean;
	summary: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `today` and `reviewEvery` default to the build date (FLOWBOOK_TODAY) and six months. */
export async function checkContent(
	rootDir: string,
	config: Pick<FlowbookConfig, "strict"> & Partial<Pick<FlowbookConfig, "today" | "reviewEvery" | "problems">>,
	options: PageBodyOptions = {},
): Promise<ContentReport> {
	const { flowcharts, diagnostics, broken } = await loadFlowcharts(rootDir);
	const pages = await loadPages(rootDir);
	const bodies = await checkPageBodies(
		rootDir,
		pages.pages.map((p) => p.file),
		options,
	);
	const faqs = await loadFaqs(rootDir, flowcharts, undefined, broken);
	const onboarding = await loadOnboarding(rootDir, {
		flowcharts,
		broken,
		pages: pages.pages.filter((p) => !p.id.includes("/")).map((p) => p.id),
	});
	const labels = await checkLabelFiles(rootDir, flowcharts, undefined, broken);
	const reviews = await reviewDiagnostics(rootDir, flowcharts, pages.pages, config);
	const metrics = await loadMetricsFolders(rootDir, flowcharts);
	const roleNames = await checkRoleNames(rootDir, flowcharts);
	const all = sortDiagnostics([
		...(config.problems ?? []),
		...diagnostics,
		...pages.diagnostics,
		...bodies.diagnostics,
		...faqs.diagnostics,
		...onboarding.diagnostics,
		...labels,
		...reviews,
		...metrics.diagnostics,
		...roleNames,
	]);
	const errors = all.filter((d) => d.severity === "error").length;
	const warnings = all.length - errors;
	const failed = hasErrors(all) || (config.strict && warnings > 0);
	const summary = `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(flowcharts.length, "valid flowchart")}${config.strict ? " (strict)" : ""}`;
	const { fences } = bodies;
	return { flowcharts, pages: pages.pages, fences, metrics: metrics.reports, diagnostics: all, failed, summary };
}

/**
 * Bad rows in the CRM exports (`content/metrics/<id>/`): warnings, errors when the mapping says
 * `strict: true`. No export gives nothing: the site just hides the metrics.
 */
async function loadMetricsFolders(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
): Promise<{ diagnostics: Diagnostic[]; reports: Map<string, MetricsReport> }> {
	const reports = new Map<string, MetricsReport>();
	const results = await Promise.all(
		flowcharts.map(async (fc): Promise<Diagnostic[]> => {
			try {
				const load = await loadMetrics({ root: rootDir, id: fc.id, flowchart: fc.data });
				if (load.report) reports.set(fc.id, load.report);
				return load.diagnostics;
			} catch (error) {
				return [
					{
						severity: "error",
						file: `content/metrics/${fc.id}`,
						message: `The CRM export for ${fc.id} could not be read: ${error instanceof Error ? error.message : String(error)}`,
						hint: "Check that the folder's files are readable CSV and YAML (see content/metrics/README.md).",
						code: "metrics-unreadable",
					},
				];
			}
		}),
	);
	return { diagnostics: results.flat(), reports };
}
