/**
 * What `npm run dev` prints after a content change: the same located messages as `npm run validate`, limited
 * to what an editor needs then: every problem of the files just saved, every error anywhere (the build would
 * stop on it), and the summary line. Warnings of untouched files (e.g. old CRM rows) were printed at startup.
 */
import type { ContentReport } from "./check.ts";
import { formatDiagnostic } from "./diagnostics/diagnostic.ts";

export function devReport(report: Pick<ContentReport, "diagnostics" | "summary">, changed: readonly string[]): string {
	const touched = new Set(changed.map((file) => file.replace(/\\/g, "/")));
	const elsewhere = report.diagnostics.filter((d) => d.severity === "error" && !touched.has(d.file));
	const here = report.diagnostics.filter((d) => touched.has(d.file));
	// The saved file's own problems last, next to the prompt, where the editor looks.
	const lines = [...elsewhere, ...here].map(formatDiagnostic);
	lines.push(`flowbook: ${report.summary}${touched.size > 0 ? ` (after a change to ${[...touched].join(", ")})` : ""}`);
	return `${lines.join("\n")}\n`;
}
