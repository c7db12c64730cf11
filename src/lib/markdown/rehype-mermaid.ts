import { createHash } from "node:crypto";
import { relative, sep } from "node:path";
import { type Diagnostic, formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { type DiagramJob, type DiagramResult, renderDiagrams } from "../render/cache.ts";
import type { MermaidRenderer } from "../render/renderer.ts";
import { getSharedRenderer } from "../render/shared.ts";
import { type HastElement, type HastText, svgToHast } from "../render/svg-to-hast.ts";

/**
 * Mermaid fences in Markdown/MDX become inline SVG figures at build time.
 *
 * Astro runs Shiki before user rehype plugins, so by then a ```mermaid fence is highlighted spans with no source
 * position. `remarkMermaid` therefore marks fences while still in mdast (as `<pre><div data-mermaid-line>` with a
 * plain text child, which Shiki skips because it only highlights `pre > code`), and `rehypeMermaid` renders them.
 * `rehypeMermaid` alone still handles `pre > code.language-mermaid` (highlighting off or mermaid in `excludeLangs`)
 * and Shiki's `pre[data-language=mermaid]`, without fence line numbers in the latter case.
 *
 *   markdown: { processor: unified({ remarkPlugins: [remarkMermaid], rehypePlugins: [rehypeMermaid] }) }
 */

interface MdastCode {
	type: "code";
	lang?: string | null;
	value: string;
	position?: { start: { line: number } };
	data?: Record<string, unknown>;
}
interface MdastParent {
	children?: (MdastParent | MdastCode | { type: string })[];
	type: string;
}

function visitMdast(node: MdastParent, fn: (code: MdastCode) => void): void {
	if (node.type === "code") fn(node as unknown as MdastCode);
	for (const child of node.children ?? []) visitMdast(child as MdastParent, fn);
}

export function remarkMermaid() {
	return (tree: MdastParent): void => {
		visitMdast(tree, (code) => {
			if (code.lang?.toLowerCase() !== "mermaid") return;
			code.data = {
				...code.data,
				// remark-rehype wraps this in <pre>; anything but <code> inside keeps Shiki away.
				hName: "div",
				hProperties: { className: ["mermaid"], dataMermaidLine: String(code.position?.start.line ?? "") },
				hChildren: [{ type: "text", value: code.value }],
			};
		});
	};
}

export interface HastNode {
	type: string;
	tagName?: string;
	value?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	position?: { start: { line: number } };
}

interface Fence {
	parent: HastNode;
	node: HastNode;
	source: string;
	/** Line of the opening ``` in the page, when known. */
	line?: number;
}

export function textOf(node: HastNode): string {
	if (node.type === "text") return node.value ?? "";
	return (node.children ?? []).map(textOf).join("");
}

function classes(node: HastNode): string[] {
	const c = node.properties?.className;
	return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
}

function fenceOf(node: HastNode): { source: string; line?: number } | undefined {
	if (node.type !== "element" || node.tagName !== "pre") return undefined;
	const props = node.properties ?? {};
	const marked = node.children?.find((c) => c.type === "element" && c.properties?.dataMermaidLine !== undefined);
	if (marked) {
		const line = Number(marked.properties?.dataMermaidLine);
		return Number.isInteger(line) && line > 0 ? { source: textOf(marked), line } : { source: textOf(marked) };
	}
	const code = node.children?.find((c) => c.type === "element" && c.tagName === "code");
	if (code && classes(code).includes("language-mermaid")) {
		const line = node.position?.start.line;
		return line === undefined ? { source: textOf(code) } : { source: textOf(code), line };
	}
	// Shiki output: one span per line, joined by newline text nodes.
	if (props.dataLanguage === "mermaid") return { source: textOf(node).replace(/\n$/, "") };
	return undefined;
}

function collect(node: HastNode, out: Fence[]): void {
	for (const child of node.children ?? []) {
		const fence = fenceOf(child);
		if (fence) out.push({ parent: node, node: child, ...fence });
		else collect(child, out);
	}
}

export interface RehypeMermaidOptions {
	cacheDir?: string;
	/** Defaults to the process-wide shared renderer (one Chromium per build). */
	renderer?: () => MermaidRenderer;
	log?: (line: string) => void;
}

interface FileLike {
	path?: string;
	cwd?: string;
}

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

function pagePath(file: FileLike): string {
	if (!file.path) return "<markdown>";
	return relative(file.cwd ?? process.cwd(), file.path)
		.split(sep)
		.join("/");
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

function replacement(result: DiagramResult, mdx: boolean): HastElement {
	if (result.kind === "svg" && mdx) {
		// MDX turns every SVG element into a JSX call, compiled, bundled and run again for every page that shows it
		// (a tenth of a 100-guide build). Astro's `set:html` puts the finished SVG in as it is, like the flowchart
		// pages do; it is our own post-processed output (postprocess.ts), not the author's markup.
		return {
			type: "element",
			tagName: "figure",
			properties: { className: ["diagram"], "set:html": result.svg },
			children: [],
		};
	}
	if (result.kind === "svg") {
		return {
			type: "element",
			tagName: "figure",
			properties: { className: ["diagram"] },
			children: [svgToHast(result.svg)],
		};
	}
	const source: HastText = { type: "text", value: result.kind === "fallback" ? result.source : "" };
	return { type: "element", tagName: "pre", properties: { className: ["mermaid"] }, children: [source] };
}

export function rehypeMermaid(options: RehypeMermaidOptions = {}) {
	return async (tree: HastNode, file: FileLike): Promise<void> => {
		const fences: Fence[] = [];
		collect(tree, fences);
		if (fences.length === 0) return;
		const path = pagePath(file);
		const pageHash = createHash("sha256").update(path).digest("hex").slice(0, 6);
		const jobs: DiagramJob[] = fences.map((fence, i) => ({
			id: String(i),
			source: fence.source,
			idPrefix: `fbd${pageHash}-${i}`,
		}));
		const results = await renderDiagrams(jobs, {
			...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
			...(options.log === undefined ? {} : { log: options.log }),
			renderer: options.renderer ?? (() => getSharedRenderer()),
		});
		const firstError = results.findIndex((r) => r.kind === "error");
		const failed = results[firstError];
		if (failed?.kind === "error") {
			throw new MermaidFenceError(fenceDiagnostic(path, fences[firstError] as Fence, failed.error));
		}
		results.forEach((result, i) => {
			const fence = fences[i] as Fence;
			const siblings = fence.parent.children as HastNode[];
			siblings[siblings.indexOf(fence.node)] = replacement(
				result,
				/\.mdx$/i.test(file.path ?? ""),
			) as unknown as HastNode;
		});
	};
}
