/** Collects diagnostics for one flowchart, locating each at the YAML node it is about. */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import type { DataPath, Locator } from "../load/parse-yaml.ts";

export interface Reporter {
	readonly diagnostics: Diagnostic[];
	report(
		severity: Severity,
		code: string,
		path: DataPath,
		message: string,
		hint?: string,
		target?: "key" | "value",
	): void;
}

export function createReporter(file: string, locate?: Locator): Reporter {
	const diagnostics: Diagnostic[] = [];
	return {
		diagnostics,
		report(severity, code, path, message, hint, target = "value") {
			const pos = locate?.(path, target);
			diagnostics.push({
				severity,
				file,
				...(pos ? { line: pos.line, column: pos.column } : {}),
				message,
				...(hint ? { hint } : {}),
				code,
			});
		},
	};
}
