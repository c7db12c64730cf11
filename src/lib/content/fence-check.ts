/**
 * Renders every ```mermaid fence of the playbook pages before the build, so a
 * fence that does not parse fails with a located message instead of a bundler
 * stack trace, and so the page build finds every diagram in the cache. The build runs this instead of parsing
 * fences in Node (`checkContent(…, { fences: false })`): a render reports the same errors.
 */
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { fenceDiagnostic } from "../markdown/fence-diagnostic.ts";
import { renderDiagrams } from "../render/cache.ts";
import type { MermaidRenderer } from "../render/renderer.ts";
import { type PageFence, parseFences } from "./page-bodies.ts";

/** Renders `fences` (as `checkContent` found them) into the diagram cache; a fence that fails is an error. */
export async function checkMermaidFences(
	rootDir: string,
	fences: readonly PageFence[],
	renderer: () => MermaidRenderer,
	cacheDir?: string,
): Promise<Diagnostic[]> {
	const jobs = fences.map((fence) => ({ ...fence, id: `${fence.file}:${fence.line}` }));
	if (jobs.length === 0) return [];
	const results = await renderDiagrams(jobs, { renderer, ...(cacheDir ? { cacheDir: join(rootDir, cacheDir) } : {}) });
	const diagnostics: Diagnostic[] = [];
	const unrendered: typeof jobs = [];
	results.forEach((result, i) => {
		const job = jobs[i];
		if (job && result.kind === "error") diagnostics.push(fenceDiagnostic(job.file, { line: job.line }, result.error));
		if (job && result.kind === "fallback") unrendered.push(job);
	});
	// No browser: the diagrams will be drawn in the reader's browser, so Mermaid's parser in Node is the only check.
	if (unrendered.length > 0) diagnostics.push(...(await parseFences(unrendered)));
	return diagnostics;
}
