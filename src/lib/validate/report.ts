/** Collects diagnostics for one flowchart, locating each at the YAML node it is about. */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import type { DataPath, Locator } from "../diagnostics/position.ts";

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

/** `skip` drops findings already explained elsewhere (e.g. at a field the schema rejected). */
export function createReporter(
	file: string,
	locate?: Locator,
	skip?: (path: DataPath, code: string) => boolean,
): Reporter {
	const diagnostics: Diagnostic[] = [];
	return {
		diagnostics,
		report(severity, code, path, message, hint, target = "value") {
			if (skip?.(path, code)) return;
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
