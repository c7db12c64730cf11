/**
 * Mermaid `flowchart` text → flowchart data. Rhombus `{…}` is a decision; a stadium `([…])` or
 * circle is a start (no arrow in) or an end (no arrow out); rectangles are stages; subgraphs are
 * swimlanes, so roles. Shapes with no clear meaning, missing starts or ends and unlabelled branches
 * are reported at their line and column with what was done instead.
 */
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { type FlowchartInput, idPattern, type StepType } from "../schema/flowchart.ts";
import type { ImportResult } from "./bpmn-import.ts";
import { type MermaidGraph, type MermaidNode, parseMermaid } from "./mermaid-parse.ts";
import { slugId, uniqueId } from "./slug.ts";

type Step = FlowchartInput["steps"][number];
const terminals = new Set(["stadium", "circle", "double-circle"]);
const stages = new Set(["rectangle", "rounded", "subroutine", undefined]);

export async function importMermaid(file: string, text: string, fallbackId: string): Promise<ImportResult> {
	const graph = parseMermaid(text);
	const diagnostics: Diagnostic[] = graph.problems.map((p) => ({
		severity: graph.nodes.size === 0 ? "error" : "warning",
		file,
		line: p.line,
		column: p.column,
		code: "mermaid-syntax",
		message: p.message,
		hint: "Flowbook reads Mermaid flowchart statements: nodes, arrows, subgraphs.",
	}));
	if (graph.nodes.size === 0) {
		if (diagnostics.length === 0)
			diagnostics.push({
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "mermaid-empty",
				message: "the flowchart has no nodes",
			});
		return { diagnostics };
	}
	const warn = (node: { line: number; column: number }, code: string, message: string, hint?: string) =>
		diagnostics.push({
			severity: "warning",
			file,
			line: node.line,
			column: node.column,
			code,
			message,
			...(hint ? { hint } : {}),
		});
	const data = graphToFlowchart(graph, fallbackId, warn);
	return { id: fallbackId, data, diagnostics: sortDiagnostics(diagnostics) };
}

export type Warn = (node: { line: number; column: number }, code: string, message: string, hint?: string) => void;

/** Nodes, arrows and subgraphs (from Mermaid or draw.io) → flowchart data; shared by both importers. */
export function graphToFlowchart(graph: MermaidGraph, fallbackId: string, warn: Warn): FlowchartInput {
	const nodes = [...graph.nodes.values()];
	const taken = new Set<string>();
	const ids = new Map(nodes.map((n) => [n.id, uniqueId(n.key ?? flowbookId(n.id, "s_"), taken, "step")]));
	const roleTaken = new Set<string>();
	const roleIds = new Map(
		[...graph.subgraphs].map(([id]) => [id, uniqueId(slugId(flowbookId(id, "r_"), "role"), roleTaken, "role")]),
	);
	const types = typesOf(graph, nodes, warn);
	const steps = nodes.map((n) => step(n, graph, types, ids, roleIds, warn));
	return {
		title: graph.title ?? fallbackId,
		...(graph.direction ? { direction: graph.direction } : {}),
		roles: Object.fromEntries([...graph.subgraphs].map(([id, sg]) => [roleIds.get(id) as string, sg.title])),
		steps,
	};
}

function typesOf(graph: MermaidGraph, nodes: MermaidNode[], warn: Warn): Map<string, StepType> {
	const hasIn = new Set(graph.edges.map((e) => e.to));
	const hasOut = new Set(graph.edges.map((e) => e.from));
	const types = new Map(nodes.map((n) => [n.id, typeOf(n, hasIn.has(n.id), hasOut.has(n.id), warn)]));
	const [first] = nodes.filter((n) => !hasIn.has(n.id));
	if (![...types.values()].includes("start") && first) {
		types.set(first.id, "start");
		warn(
			first,
			"mermaid-no-start",
			`no start shape: "${label(first)}", which no arrow enters, becomes the start`,
			"Draw the start as a terminator (a stadium or ellipse) with no arrow into it.",
		);
	}
	for (const n of nodes)
		if (!hasOut.has(n.id) && types.get(n.id) !== "end") {
			types.set(n.id, "end");
			warn(
				n,
				"mermaid-no-end",
				`"${label(n)}" has no arrow out, so it becomes an end`,
				"Draw ends as terminators (a stadium or ellipse), named Won or Lost where that applies.",
			);
		}
	return types;
}

function typeOf(n: MermaidNode, hasIn: boolean, hasOut: boolean, warn: Warn): StepType {
	if (n.shape === "rhombus") return "decision";
	if (terminals.has(n.shape ?? "")) {
		if (!hasIn && hasOut) return "start";
		if (!hasOut) return "end";
		warn(
			n,
			"mermaid-terminal-in-between",
			`the terminator "${label(n)}" has arrows in and out, so it is imported as a stage`,
		);
		return "stage";
	}
	if (!stages.has(n.shape))
		warn(
			n,
			"mermaid-shape",
			`the ${n.shape} shape "${label(n)}" has no clear role in a sales process; it is imported as an ordinary step`,
		);
	return "stage";
}

function step(
	n: MermaidNode,
	graph: MermaidGraph,
	types: Map<string, StepType>,
	ids: Map<string, string>,
	roles: Map<string, string>,
	warn: Warn,
): Step {
	const type = types.get(n.id) ?? "stage";
	const out = graph.edges.filter((e) => e.from === n.id);
	const next = out.map((e) => {
		const to = ids.get(e.to) as string;
		if (e.label || type !== "decision") return e.label ? { to, when: e.label } : { to };
		const target = graph.nodes.get(e.to) as MermaidNode;
		warn(
			e,
			"mermaid-unnamed-branch",
			`the branch from "${label(n)}" to "${label(target)}" has no label`,
			`It was labelled "${label(target)}"; rename it in the YAML if a clearer condition applies.`,
		);
		return { to, when: label(target) };
	});
	const outcome = type === "end" ? outcomeOf(n) : undefined;
	return {
		id: ids.get(n.id) as string,
		type,
		label: label(n),
		...(outcome ? { outcome } : {}),
		...(n.subgraph ? { responsible: roles.get(n.subgraph) } : {}),
		...(next.length === 1 && next[0]?.when === undefined ? { next: next[0]?.to } : next.length > 0 ? { next } : {}),
	};
}

function outcomeOf(n: MermaidNode): "won" | "lost" | undefined {
	if (n.classes.includes("won") || /\b(won|win)\b/i.test(label(n))) return "won";
	if (n.classes.includes("lost") || /\b(lost|lose)\b/i.test(label(n))) return "lost";
	return undefined;
}

const label = (n: MermaidNode) => n.label || n.id;

/** Undoes Flowbook's own Mermaid id encoding (`s_new_hlead` → `new-lead`); other ids stay as they are. */
function flowbookId(id: string, prefix: string): string {
	if (!id.startsWith(prefix)) return id;
	const decoded = id
		.slice(prefix.length)
		.replace(/_(?:_|h|u([0-9a-f]+)_)/g, (all, hex: string | undefined) =>
			hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : all === "__" ? "_" : "-",
		);
	return idPattern.test(decoded) ? decoded : id;
}
