/**
 * Reads the statements of a Mermaid `flowchart` (or `graph`) into nodes, arrows and subgraphs, each
 * with its line and column. Covers what people and tools write: node shapes, chains `A --> B --> C`,
 * `&` groups, labels in `|text|` or `-- text -->`, subgraphs, front matter and accTitle; styling
 * statements are skipped. A line it cannot read is reported rather than dropped.
 */
export interface MermaidNode {
	id: string;
	/** Preferred step id when `id` is a tool's machine id (draw.io's `2`, `abc-1`). */
	key?: string;
	label?: string;
	shape?: string;
	subgraph?: string;
	line: number;
	column: number;
	classes: string[];
}

export interface MermaidEdge {
	from: string;
	to: string;
	label?: string;
	line: number;
	column: number;
}

export interface MermaidGraph {
	direction?: "LR" | "TB";
	title?: string;
	nodes: Map<string, MermaidNode>;
	edges: MermaidEdge[];
	subgraphs: Map<string, { title: string; line: number; column: number }>;
	problems: { line: number; column: number; message: string }[];
}

const shapes: [string, string, string][] = [
	["(((", ")))", "double-circle"],
	["([", "])", "stadium"],
	["[[", "]]", "subroutine"],
	["[(", ")]", "cylinder"],
	["((", "))", "circle"],
	["{{", "}}", "hexagon"],
	["[/", "/]", "parallelogram"],
	["[\\", "\\]", "parallelogram"],
	["[/", "\\]", "trapezoid"],
	["[\\", "/]", "trapezoid"],
	[">", "]", "asymmetric"],
	["[", "]", "rectangle"],
	["(", ")", "rounded"],
	["{", "}", "rhombus"],
];

const skipped = /^(classDef|class|style|linkStyle|click|accDescr|direction)\b/;
const arrow =
	/^\s*(?:<)?(?:(--|==|-\.)\s+([^\s>|-][^>|]*?)\s*(?:-->|==>|\.->|---|===|\.-)|(-{2,}>|={2,}>|-\.+->|-{3,}|={3,}|-\.+-|--[ox]|==[ox]))\s*(?:\|([^|]*)\|)?\s*/;

export function parseMermaid(text: string): MermaidGraph {
	const graph: MermaidGraph = { nodes: new Map(), edges: [], subgraphs: new Map(), problems: [] };
	const lines = text.split(/\r?\n/);
	let i = frontMatter(lines, graph);
	const open: string[] = [];
	let header = false;
	for (; i < lines.length; i++) {
		const raw = lines[i] ?? "";
		const indent = raw.length - raw.trimStart().length;
		const line = raw.trim().replace(/;$/, "");
		const at = { line: i + 1, column: indent + 1 };
		if (line === "" || line.startsWith("%%")) continue;
		if (!header) {
			header = readHeader(line, graph, at);
			if (!header) return graph;
			continue;
		}
		statement(line, at, graph, open);
	}
	if (!header) graph.problems.push({ line: 1, column: 1, message: "the file has no `flowchart` line" });
	return graph;
}

function frontMatter(lines: string[], graph: MermaidGraph): number {
	if (lines[0]?.trim() !== "---") return 0;
	const close = lines.findIndex((l, n) => n > 0 && l.trim() === "---");
	if (close === -1) return 0;
	for (const l of lines.slice(1, close)) {
		const title = /^title:\s*(.+)$/.exec(l.trim());
		if (title?.[1]) graph.title = unquote(title[1]);
	}
	return close + 1;
}

function readHeader(line: string, graph: MermaidGraph, at: { line: number; column: number }): boolean {
	const m = /^(flowchart|graph)(?:\s+(TB|TD|BT|RL|LR))?\s*$/i.exec(line);
	if (!m) {
		graph.problems.push({
			...at,
			message: "this is not a Mermaid flowchart: the first statement must be `flowchart LR` (or TB, TD, RL, BT)",
		});
		return false;
	}
	if (m[2]) graph.direction = /LR|RL/i.test(m[2]) ? "LR" : "TB";
	return true;
}

function statement(line: string, at: { line: number; column: number }, graph: MermaidGraph, open: string[]): void {
	const title = /^accTitle\s*:\s*(.+)$/.exec(line);
	if (title?.[1]) {
		graph.title ??= decode(title[1]);
		return;
	}
	const classed = /^class\s+([\w,-]+)\s+([\w-]+)$/.exec(line);
	if (classed?.[1] && classed[2]) {
		for (const id of classed[1].split(",")) graph.nodes.get(id)?.classes.push(classed[2]);
		return;
	}
	if (skipped.test(line)) return;
	if (line === "end") {
		open.pop();
		return;
	}
	const sub = /^subgraph\s+([\w-]+)\s*(?:\[\s*(.+?)\s*\])?\s*$/.exec(line) ?? /^subgraph\s+(.+)$/.exec(line);
	if (sub?.[1]) {
		const id = sub[1].trim();
		graph.subgraphs.set(id, { title: decode(unquote(sub[2] ?? id)), ...at });
		open.push(id);
		return;
	}
	if (!chain(line, at, graph, open.at(-1)))
		graph.problems.push({ ...at, message: `cannot read ${JSON.stringify(line)}` });
}

/** `A & B --> C -->|x| D`: returns false when the line is not a node chain. */
function chain(
	line: string,
	at: { line: number; column: number },
	graph: MermaidGraph,
	subgraph: string | undefined,
): boolean {
	const first = nodeGroup(line, at, graph, subgraph, 0);
	if (!first) return false;
	let { ids: previous, rest } = first;
	while (rest.length > 0) {
		const a = arrow.exec(rest);
		if (!a) return false;
		const label = (a[2] ?? a[4])?.trim();
		rest = rest.slice(a[0].length);
		const next = nodeGroup(rest, at, graph, subgraph, line.length - rest.length);
		if (!next) return false;
		for (const from of previous)
			for (const to of next.ids)
				graph.edges.push({ from, to, ...(label ? { label: decode(unquote(label)) } : {}), ...at });
		previous = next.ids;
		rest = next.rest;
	}
	return true;
}

function nodeGroup(
	text: string,
	at: { line: number; column: number },
	graph: MermaidGraph,
	subgraph: string | undefined,
	offset: number,
) {
	const ids: string[] = [];
	let rest = text.trimStart();
	for (;;) {
		const node = readNode(rest);
		if (!node) return undefined;
		declare(graph, { ...node, line: at.line, column: at.column + offset + (text.length - rest.length) }, subgraph);
		ids.push(node.id);
		rest = node.rest.trimStart();
		const amp = /^&\s*/.exec(rest);
		if (!amp) return { ids, rest };
		rest = rest.slice(amp[0].length);
	}
}

function readNode(text: string) {
	const m = /^([A-Za-z0-9_][\w-]*)/.exec(text);
	if (!m?.[1]) return undefined;
	let rest = text.slice(m[1].length);
	let label: string | undefined;
	let shape: string | undefined;
	for (const [open, close, name] of shapes) {
		if (!rest.startsWith(open)) continue;
		const end = rest.indexOf(close, open.length);
		if (end === -1) continue;
		label = decode(unquote(rest.slice(open.length, end).trim()));
		shape = name;
		rest = rest.slice(end + close.length);
		break;
	}
	const classes = /^:::([\w-]+)/.exec(rest);
	if (classes) rest = rest.slice(classes[0].length);
	return { id: m[1], label, shape, classes: classes?.[1] ? [classes[1]] : [], rest };
}

function declare(graph: MermaidGraph, node: MermaidNode & { rest?: string }, subgraph: string | undefined): void {
	const known = graph.nodes.get(node.id);
	const { rest: _rest, ...clean } = node;
	if (!known) graph.nodes.set(node.id, { ...clean, ...(subgraph ? { subgraph } : {}) });
	else if (node.shape)
		Object.assign(known, { label: node.label, shape: node.shape, line: node.line, column: node.column });
	if (known && subgraph && !known.subgraph) known.subgraph = subgraph;
}

function unquote(text: string): string {
	const t = text.trim();
	return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** Mermaid's entity codes (`#quot;`, `#58;`) and line breaks back to plain text. */
function decode(text: string): string {
	const named: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", nbsp: " " };
	return (
		text
			.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
			.replace(/#([a-z]+);/g, (all, name: string) => named[name] ?? all)
			// A `<br>` is usually a wrap put in for width (Flowbook's compiler adds them), so it reads as a space.
			.replace(/<br\s*\/?>/gi, " ")
			// Flowbook's compiler breaks up Markdown and icon syntax with empty spans.
			.replace(/<span><\/span>/g, "")
			// Flowbook's compiler keeps short terminal labels on one line with no-break spaces.
			.replace(/\u00a0/g, " ")
			.trim()
	);
}
