/**
 * ```mermaid fences in playbook pages become inline SVG figures at build time, in Astro's default Markdown processor
 * (Sätteri, in Rust). It runs on the Markdown tree, before Astro's code highlighter sees the fence, so the fence's
 * line in the page is known for error messages.
 *
 *   markdown: { processor: satteri({ mdastPlugins: [diagramPlugin()], hastPlugins: [tableScrollPlugin()] }) }
 *
 * An MDX page gets the finished SVG as one string (Astro's `set:html`); MDX would otherwise compile, bundle and run
 * every SVG element as JSX. It is our own post-processed output (render/postprocess.ts), not the author's markup.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type DiagramResult, renderDiagrams } from "../render/cache.ts";
import type { MermaidRenderer } from "../render/renderer.ts";
import { getSharedRenderer } from "../render/shared.ts";
import { fenceDiagnostic, MermaidFenceError } from "./fence-diagnostic.ts";

export interface DiagramPluginOptions {
	cacheDir?: string;
	/** Defaults to the process-wide shared renderer (one Chromium per build). */
	renderer?: () => MermaidRenderer;
	log?: (line: string) => void;
	/** The folder page paths in messages are relative to; default the working directory. */
	root?: string;
}

/** The few shapes of Sätteri's plugin API used here (kept local, as its types come with a transitive package). */
interface CodeNode {
	lang?: string | null;
	value: string;
	position?: { start: { line: number } };
}
interface Context {
	setProperty(node: CodeNode, key: "data", value: Record<string, unknown>): void;
}
interface Document {
	fileURL: URL | undefined;
	sourceFormat: "markdown" | "mdx" | string;
	/** The text being compiled: the whole file, or (Astro's content sync of a `.md` page) its body alone. */
	source: string;
}

/**
 * Lines of the page file before `source`. Astro's content sync renders a `.md` page's body without its frontmatter
 * and trimmed, so the parser's lines are the body's; messages must name the file's. 0 when `source` is the whole
 * file (MDX, Vite's Markdown pages keep the frontmatter's lines) or is not found at the file's end.
 */
export function linesBefore(file: string, source: string): number {
	const text = file.trimEnd();
	const body = source.trimEnd();
	if (body.length === 0 || !text.endsWith(body)) return 0;
	return text.slice(0, text.length - body.length).split("\n").length - 1;
}

/** The fence's line in the page file (read only for a broken fence, which is rare). */
async function lineInFile(doc: Document, line: number | undefined): Promise<number | undefined> {
	if (line === undefined || !doc.fileURL) return line;
	const file = await readFile(doc.fileURL, "utf8").catch(() => undefined);
	return file === undefined ? line : line + linesBefore(file, doc.source);
}

/** What replaces the fence, as the Markdown node's `hName`/`hProperties`/`hChildren`. */
function replacement(result: Exclude<DiagramResult, { kind: "error" }>, mdx: boolean): Record<string, unknown> {
	if (result.kind === "fallback") {
		// No browser at build time: the reader's browser draws it (MermaidFallback.astro).
		return {
			hName: "pre",
			hProperties: { className: ["mermaid"] },
			hChildren: [{ type: "text", value: result.source }],
		};
	}
	const properties = { className: ["diagram"] };
	if (mdx) return { hName: "figure", hProperties: { ...properties, "set:html": result.svg }, hChildren: [] };
	return { hName: "figure", hProperties: properties, hChildren: [{ type: "raw", value: result.svg }] };
}

/** A Sätteri mdast plugin (one instance per page, so each page numbers its diagrams from 0). */
export function diagramPlugin(options: DiagramPluginOptions = {}) {
	return (doc: Document) => {
		const path = doc.fileURL
			? relative(options.root ?? process.cwd(), fileURLToPath(doc.fileURL))
					.split(sep)
					.join("/")
			: "<markdown>";
		// Ids unique on the page and stable across builds: the page's path and the fence's place in it.
		const pageHash = createHash("sha256").update(path).digest("hex").slice(0, 6);
		let count = 0;
		return {
			name: "flowbook-diagrams",
			options: { position: true },
			async code(node: CodeNode, ctx: Context) {
				if (node.lang?.toLowerCase() !== "mermaid") return;
				const job = { id: String(count), source: node.value, idPrefix: `fbd${pageHash}-${count++}` };
				const [result] = await renderDiagrams([job], {
					...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
					...(options.log === undefined ? {} : { log: options.log }),
					renderer: options.renderer ?? (() => getSharedRenderer()),
				});
				if (!result) return;
				if (result.kind === "error") {
					const line = await lineInFile(doc, node.position?.start.line);
					throw new MermaidFenceError(fenceDiagnostic(path, line === undefined ? {} : { line }, result.error));
				}
				ctx.setProperty(node, "data", replacement(result, doc.sourceFormat === "mdx"));
			},
		};
	};
}
