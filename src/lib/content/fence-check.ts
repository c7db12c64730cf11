/**
 * Renders every ```mermaid fence of the playbook pages before the build, so a
 * fence that does not parse fails with a located message instead of a bundler
 * stack trace, and so the page build finds every diagram in the cache.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { mermaidFences } from "../markdown/fences.ts";
import { fenceDiagnostic } from "../markdown/rehype-mermaid.ts";
import { renderDiagrams } from "../render/cache.ts";
import type { MermaidRenderer } from "../render/renderer.ts";

export async function checkMermaidFences(
	rootDir: string,
	files: readonly string[],
	renderer: () => MermaidRenderer,
	cacheDir?: string,
): Promise<Diagnostic[]> {
	const jobs: { id: string; source: string; file: string; line: number }[] = [];
	for (const file of files) {
		const text = await readFile(join(rootDir, file), "utf8");
		for (const fence of mermaidFences(text)) {
			jobs.push({ id: `${file}:${fence.line}`, source: fence.source, file, line: fence.line });
		}
	}
	if (jobs.length === 0) return [];
	const started = performance.now();
	const results = await renderDiagrams(jobs, { renderer, ...(cacheDir ? { cacheDir: join(rootDir, cacheDir) } : {}) });
	// FLOWBOOK_TIMING: the fences' share of the build, for bench/guides.ts (same line shape as src/site/diagrams.ts).
	if (process.env.FLOWBOOK_TIMING) {
		console.log(`flowbook: diagrams fences ${jobs.length} in ${(performance.now() - started).toFixed(1)} ms`);
	}
	const diagnostics: Diagnostic[] = [];
	results.forEach((result, i) => {
		const job = jobs[i];
		if (job && result.kind === "error") diagnostics.push(fenceDiagnostic(job.file, { line: job.line }, result.error));
	});
	return diagnostics;
}
