/**
 * Lenient reading of a flowchart version for history and diffs: schema only, no graph checks,
 * so an old or work-in-progress version with a dangling reference can still be compared.
 */
import { parse } from "yaml";
import { type Flowchart, FlowchartSchema } from "../schema/flowchart.ts";

export function parseFlowchartVersion(source: string): Flowchart | undefined {
	try {
		const result = FlowchartSchema.safeParse(parse(source, { maxAliasCount: 50 }));
		return result.success ? result.data : undefined;
	} catch {
		return undefined;
	}
}
