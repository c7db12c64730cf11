/** A problem found in content, located in its source file. */
export type Severity = "error" | "warning";

export interface Diagnostic {
	severity: Severity;
	/** Path relative to the project root, forward slashes. */
	file: string;
	/** 1-based; absent when the problem has no position (a missing file). */
	line?: number;
	/** 1-based. */
	column?: number;
	/** One sentence a non-programmer can act on. */
	message: string;
	/** How to fix it. */
	hint?: string;
	/** Stable machine id of the rule, e.g. `unknown-step`. */
	code: string;
}

/** `content/flowcharts/b2b.yaml:14:9`, or the file alone when the problem has no position. */
export function diagnosticLocation(d: Diagnostic): string {
	return d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
}

/** `content/flowcharts/b2b.yaml:14:9 error: ...` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
	const head = `${diagnosticLocation(d)} ${d.severity}: ${d.message}`;
	return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Stable order: by file, then position, so output does not depend on load order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0) ||
			a.message.localeCompare(b.message),
	);
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
	return list.some((d) => d.severity === "error");
}

/** GitHub Actions workflow command, so errors show on the pull request's diff. */
export function formatGithubAnnotation(d: Diagnostic): string {
	const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
	const escProp = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
	const props = [`file=${escProp(d.file)}`];
	if (d.line !== undefined) props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
	props.push(`title=${escProp(`flowbook ${d.code}`)}`);
	const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
	return `::${d.severity} ${props.join(",")}::${esc(text)}`;
}
