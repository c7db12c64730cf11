/**
 * The common case, fast: a file that reads with `fastParseYaml`, fits the schema and breaks no
 * rule needs no positions at all. Anything else returns undefined and the caller takes the full
 * path (`yaml` with positions), so every message is exactly what it always was.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FlowchartSchema, type LoadedFlowchart } from "../schema/flowchart.ts";
import { validateFlowchart } from "../validate/index.ts";
import { fastParseYaml } from "./fast-yaml.ts";

export function loadCleanFlowchart(
	id: string,
	file: string,
	source: string,
): { flowchart: LoadedFlowchart; diagnostics: Diagnostic[] } | undefined {
	const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	const value = fastParseYaml(text);
	if (value === undefined) return undefined;
	const result = FlowchartSchema.safeParse(value);
	if (!result.success) return undefined;
	const flowchart: LoadedFlowchart = { id, file, data: result.data };
	return validateFlowchart(flowchart).length === 0 ? { flowchart, diagnostics: [] } : undefined;
}
