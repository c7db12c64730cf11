/**
 * Lenient reading of a flowchart version for history and diffs: schema only, no graph checks,
 * so an old or work-in-progress version with a dangling reference can still be compared.
 */
import { loadYamlSource } from "../load/load-yaml-file.ts";
import { type Flowchart, FlowchartSchema } from "../schema/flowchart.ts";

export function parseFlowchartVersion(source: string): Flowchart | undefined {
	return loadYamlSource(FlowchartSchema, "", source).data;
}
