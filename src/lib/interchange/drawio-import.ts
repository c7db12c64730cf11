/**
 * draw.io (`.drawio`, `.drawio.svg`) → flowchart data. Swimlanes are roles, rhombuses decisions,
 * ellipses and terminators starts or ends, other boxes stages, arrow labels `when`. Text boxes,
 * loose arrows, extra pages and shapes with no clear role are reported at their line and column.
 */
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { ImportResult } from "./bpmn-import.ts";
import { type DrawioCell, readDrawio } from "./drawio-read.ts";
import { graphToFlowchart } from "./mermaid-import.ts";
import type { MermaidGraph } from "./mermaid-parse.ts";
import { slugId, uniqueId } from "./slug.ts";

const decisionShapes = new Set(["rhombus", "mxgraph.flowchart.decision"]);
const terminalShapes = new Set([
	"ellipse",
	"doubleEllipse",
	"mxgraph.flowchart.terminator",
	"mxgraph.flowchart.start_1",
	"mxgraph.flowchart.start_2",
]);
const boxShapes = new Set(["rectangle", "rounded", "process", "mxgraph.flowchart.process", "label"]);

export async function importDrawio(file: string, text: string, fallbackId: string): Promise<ImportResult> {
	const read = readDrawio(text);
	const diagnostics: Diagnostic[] = read.problems.map((p) => ({ ...p, file, code: "drawio-read" }));
	const warn = (at: { line: number; column: number }, code: string, message: string, hint?: string) =>
		diagnostics.push({
			severity: "warning",
			file,
			line: at.line,
			column: at.column,
			code,
			message,
			...(hint ? { hint } : {}),
		});
	if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
	const graph = toGraph(read.cells, warn);
	if (graph.nodes.size === 0) {
		diagnostics.push({
			severity: "error",
			file,
			line: 1,
			column: 1,
			code: "drawio-empty",
			message: "the diagram has no shapes to import",
		});
		return { diagnostics };
	}
	graph.title ??= read.pageName && !/^Page-\d+$/.test(read.pageName) ? read.pageName : undefined;
	const data = graphToFlowchart(graph, fallbackId, warn);
	return { id: fallbackId, data, diagnostics: sortDiagnostics(diagnostics) };
}

type Warn = (at: { line: number; column: number }, code: string, message: string, hint?: string) => void;

/** The shape name of a style: `shape=…`, else its first bare word; plain boxes have none. */
export function shapeOf(style: string): string {
	const parts = style.split(";").filter(Boolean);
	const shape = parts.find((p) => p.startsWith("shape="))?.slice(6);
	return shape ?? parts.find((p) => !p.includes("=")) ?? "rectangle";
}

function toGraph(cells: DrawioCell[], warn: Warn): MermaidGraph {
	const graph: MermaidGraph = { nodes: new Map(), edges: [], subgraphs: new Map(), problems: [] };
	const byId = new Map(cells.map((c) => [c.id, c]));
	const isLane = (c: DrawioCell | undefined) => c?.vertex === true && shapeOf(c.style) === "swimlane";
	const pools = new Set(
		cells.filter((c) => isLane(c) && isLane(byId.get(c.parent ?? ""))).map((c) => c.parent as string),
	);
	const laneKeys = lanes(
		cells.filter((c) => isLane(c) && !pools.has(c.id)),
		graph,
	);
	const title = cells.find((c) => pools.has(c.id));
	if (title) graph.title = textOf(title);
	const laneOf = (c: DrawioCell): string | undefined => {
		for (let p = byId.get(c.parent ?? ""); p; p = byId.get(p.parent ?? ""))
			if (laneKeys.has(p.id)) return laneKeys.get(p.id);
		return undefined;
	};
	const labels = edgeLabels(cells, byId);
	const taken = new Set<string>();
	for (const c of cells) {
		if (!c.vertex || isLane(c) || labels.has(c.id) || /(^|;)group(;|$)/.test(c.style)) continue;
		addNode(graph, c, laneOf(c), taken, warn);
	}
	for (const c of cells.filter((c) => c.edge)) addEdge(graph, c, labels.get(c.id), warn);
	return graph;
}

function lanes(laneCells: DrawioCell[], graph: MermaidGraph): Map<string, string> {
	const keys = new Map<string, string>();
	const taken = new Set<string>();
	for (const lane of laneCells) {
		const name = textOf(lane) || lane.id;
		const key = uniqueId(slugId(name, "role"), taken, "role");
		keys.set(lane.id, key);
		graph.subgraphs.set(key, { title: name, line: lane.line, column: lane.column });
	}
	return keys;
}

/** Labels drawn as their own cells on an arrow (`edgeLabel` children), by arrow id. */
function edgeLabels(cells: DrawioCell[], byId: Map<string, DrawioCell>): Map<string, string> {
	const labels = new Map<string, string>();
	for (const c of cells) {
		const edge = byId.get(c.parent ?? "");
		if (c.vertex && edge?.edge && textOf(c)) {
			labels.set(edge.id, [labels.get(edge.id), textOf(c)].filter(Boolean).join(" "));
			labels.set(c.id, "");
		}
	}
	return labels;
}

function addNode(graph: MermaidGraph, c: DrawioCell, lane: string | undefined, taken: Set<string>, warn: Warn): void {
	const shape = shapeOf(c.style);
	const label = textOf(c);
	if (shape === "text") {
		if (label)
			warn(
				c,
				"drawio-text",
				`the text "${label}" is left out: it is not connected to the process`,
				"Put notes in a step's description.",
			);
		return;
	}
	const kind = decisionShapes.has(shape)
		? "rhombus"
		: terminalShapes.has(shape)
			? "stadium"
			: boxShapes.has(shape)
				? "rectangle"
				: shape;
	graph.nodes.set(c.id, {
		id: c.id,
		key: uniqueId(slugId(label, "step"), taken, "step"),
		label: label || c.id,
		shape: kind,
		...(lane ? { subgraph: lane } : {}),
		line: c.line,
		column: c.column,
		classes: [],
	});
}

function addEdge(graph: MermaidGraph, c: DrawioCell, childLabel: string | undefined, warn: Warn): void {
	if (!c.source || !c.target || !graph.nodes.has(c.source) || !graph.nodes.has(c.target)) {
		warn(
			c,
			"drawio-loose-arrow",
			"an arrow not connected to a shape at both ends is left out",
			"Connect both ends of the arrow to shapes in draw.io.",
		);
		return;
	}
	const label = textOf(c) || childLabel;
	graph.edges.push({ from: c.source, to: c.target, ...(label ? { label } : {}), line: c.line, column: c.column });
}

/** A cell's text: its value is HTML only when its style says `html=1`. */
function textOf(c: DrawioCell): string {
	return /(^|;)html=1(;|$)/.test(c.style) ? plain(c.value) : c.value.trim();
}

/** HTML values: tags out, entities decoded, line breaks as spaces. */
function plain(html: string): string {
	const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
	return html
		.replace(/<br\s*\/?>|<\/div>|<\/p>/gi, " ")
		.replace(/<[^>]*>/g, "")
		.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (all, e: string) =>
			e.startsWith("#")
				? String.fromCodePoint(Number.parseInt(e.slice(e[1] === "x" ? 2 : 1), e[1] === "x" ? 16 : 10))
				: (entities[e] ?? all),
		)
		.replace(/\s+/g, " ")
		.trim();
}
