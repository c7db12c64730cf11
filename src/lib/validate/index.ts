/** Checks on a schema-valid flowchart that Zod cannot express: references, graph shape, ranges. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DataPath, Locator } from "../diagnostics/position.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { checkConformance } from "./conformance.ts";
import { checkCrm } from "./crm.ts";
import { checkGraph } from "./graph.ts";
import { checkMetrics } from "./metrics.ts";
import { createReporter } from "./report.ts";
import { checkRoles } from "./roles.ts";
import { checkText } from "./text.ts";

export type { Locator } from "../diagnostics/position.ts";

/**
 * All rule violations in one flowchart. Without `locate` the diagnostics carry no line/column
 * (e.g. for data that did not come from a YAML file).
 */
export function validateFlowchart(
	fc: LoadedFlowchart,
	locate?: Locator,
	skip?: (path: DataPath, code: string) => boolean,
): Diagnostic[] {
	const reporter = createReporter(fc.file, locate, skip);
	checkGraph(fc.data, reporter);
	checkRoles(fc.data, reporter);
	checkMetrics(fc.data, reporter);
	checkConformance(fc.data, reporter);
	checkText(fc.data, reporter);
	checkCrm(fc.data, reporter);
	return reporter.diagnostics;
}
