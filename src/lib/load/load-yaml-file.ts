/**
 * Any YAML content file (FAQ, onboarding path, label sets) checked against its
 * Zod schema with the same located, friendly messages as flowcharts.
 */
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { friendlyIssues } from "../schema/error-map.ts";
import { type Locator, parseYaml } from "./parse-yaml.ts";

export interface YamlFileResult<T> {
	data?: T;
	/** The parsed YAML before the schema, when it could be read: checks of what did parse use it. */
	value?: unknown;
	locate: Locator;
	diagnostics: Diagnostic[];
}

export function loadYamlSource<S extends z.ZodType>(
	schema: S,
	file: string,
	source: string,
): YamlFileResult<z.output<S>> {
	const parsed = parseYaml(file, source);
	const diagnostics = [...parsed.diagnostics];
	if (!("value" in parsed) || parsed.value === undefined || parsed.value === null) {
		if (diagnostics.length === 0) {
			diagnostics.push({
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "empty-file",
				message: "the file is empty",
			});
		}
		return { locate: parsed.locate, diagnostics };
	}
	const result = schema.safeParse(parsed.value);
	if (!result.success) {
		for (const issue of friendlyIssues(result.error.issues, parsed.value, schema)) {
			const pos = parsed.locate(issue.path, issue.target);
			diagnostics.push({
				severity: "error",
				file,
				...(pos ? { line: pos.line, column: pos.column } : {}),
				message: issue.message,
				...(issue.hint ? { hint: issue.hint } : {}),
				code: issue.code,
			});
		}
		return { value: parsed.value, locate: parsed.locate, diagnostics };
	}
	return { data: result.data, value: parsed.value, locate: parsed.locate, diagnostics };
}
