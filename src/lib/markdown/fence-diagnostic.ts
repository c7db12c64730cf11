/** How a ```mermaid fence that Mermaid cannot parse is reported: located in the page, Mermaid's words as the hint. */
import { type Diagnostic, formatDiagnostic } from "../diagnostics/diagnostic.ts";

/** Thrown for a fence Mermaid cannot parse; the message is the formatted Diagnostic. */
export class MermaidFenceError extends Error {
	readonly diagnostic: Diagnostic;
	constructor(diagnostic: Diagnostic) {
		super(formatDiagnostic(diagnostic));
		this.name = "MermaidFenceError";
		this.diagnostic = diagnostic;
		// The content author needs the location, not our stack.
		this.stack = this.message;
	}
}

export function fenceDiagnostic(
	file: string,
	fence: { line?: number },
	error: { message: string; line?: number },
): Diagnostic {
	const [first = "", ...rest] = error.message.split("\n");
	const line = fence.line === undefined ? undefined : fence.line + (error.line ?? 1);
	const d: Diagnostic = {
		severity: "error",
		file,
		message: `mermaid: ${first}${fence.line === undefined ? "" : ` (diagram starting at line ${fence.line})`}`,
		code: "mermaid-parse",
	};
	if (line !== undefined) Object.assign(d, { line, column: 1 });
	if (rest.length > 0) d.hint = rest.join("\n  ");
	return d;
}
