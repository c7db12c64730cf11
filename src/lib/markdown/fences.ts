/**
 * The ```mermaid fences of a Markdown source, with the line each opens on. Parsed with Sätteri, the build's own
 * parser, so fences inside other fences or indented code are not mistaken for diagrams.
 */
import { markdownToMdast } from "satteri";
import { markdownFeatures } from "./features.ts";

export interface MermaidFence {
	/** 1-based line of the opening ``` in the file. */
	line: number;
	source: string;
}

interface Node {
	type: string;
	lang?: string | null;
	value?: string;
	position?: { start: { line: number } };
	children?: Node[];
}

export function mermaidFences(markdown: string, firstLine = 1): MermaidFence[] {
	const fences: MermaidFence[] = [];
	const visit = (node: Node) => {
		if (node.type === "code" && node.lang?.toLowerCase() === "mermaid") {
			fences.push({ line: (node.position?.start.line ?? 1) + firstLine - 1, source: node.value ?? "" });
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(markdownToMdast(markdown, { features: markdownFeatures }) as Node);
	return fences;
}
