/**
 * Walks the BPMN model of one process into the nodes and arrows a flowchart can hold. Joining
 * gateways and the export's helper nodes are passed through (arrows lead straight on); what has no
 * Flowbook equivalent is reported where it stands in the file, with what was done instead.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { StepType } from "../schema/flowchart.ts";
import { flowbookFacts } from "./bpmn-facts.ts";
import type { ModdleElement } from "./moddle.ts";
import { slugId, uniqueId } from "./slug.ts";

export type Report = (
	severity: Diagnostic["severity"],
	id: string | undefined,
	code: string,
	message: string,
	hint?: string,
) => void;

export interface BpmnFlow {
	id: string;
	target: BpmnNode;
	when?: string;
	isDefault: boolean;
}

export interface BpmnNode {
	element: ModdleElement;
	type: StepType;
	label: string;
	stepId: string;
	description?: string;
	outcome?: "won" | "lost" | "other";
	/** Lane id. */
	role?: string;
	facts?: ModdleElement;
	outgoing: BpmnFlow[];
}

export interface Collected {
	title: string;
	summary?: string;
	facts?: ModdleElement;
	nodes: BpmnNode[];
	/** Lane id → role id, and role id → lane name. */
	roleIds: Map<string, string>;
	roleNames: Map<string, string>;
}

type Kind = StepType | "pass" | "drop";

const otherGateways = [
	"bpmn:ParallelGateway",
	"bpmn:InclusiveGateway",
	"bpmn:ComplexGateway",
	"bpmn:EventBasedGateway",
];

export function collectProcess(definitions: ModdleElement, report: Report): Collected | undefined {
	const process = chooseProcess(definitions, report);
	if (!process) return undefined;
	const participant = participantOf(definitions, process);
	const { laneOf, roleIds, roleNames } = lanes(process, report);
	const kinds = new Map<string, Kind>();
	const nodes: BpmnNode[] = [];
	const outgoing = outgoingFlows(process);
	for (const el of process.flowElements ?? []) {
		if (el.$type === "bpmn:SequenceFlow") continue;
		const kind = classify(el, outgoing.get(el.id)?.length ?? 0, report);
		kinds.set(el.id, kind);
		if (kind !== "pass" && kind !== "drop") nodes.push(node(el, kind, laneOf.get(el.id)));
	}
	for (const artifact of process.artifacts ?? []) {
		if (artifact.$type === "bpmn:Association") continue;
		report(
			"warning",
			artifact.id,
			"bpmn-left-out",
			`${kindName(artifact)} is left out: a flowchart has no place for it`,
		);
	}
	link(nodes, kinds, outgoing);
	return {
		title: process.name || participant?.name || "Imported process",
		...(process.documentation?.[0]?.text ? { summary: process.documentation[0].text } : {}),
		facts: flowbookFacts(process, "Flowchart"),
		nodes,
		roleIds,
		roleNames,
	};
}

/** The process with the most elements; other pools and message flows are reported. */
function chooseProcess(definitions: ModdleElement, report: Report): ModdleElement | undefined {
	const roots: ModdleElement[] = definitions.rootElements ?? [];
	const processes = roots.filter((r) => r.$type === "bpmn:Process");
	const size = (p: ModdleElement) => (p.flowElements ?? []).length;
	const chosen = [...processes].sort((a, b) => size(b) - size(a))[0];
	if (!chosen || size(chosen) === 0) {
		report(
			"error",
			undefined,
			"bpmn-no-process",
			"the file has no process with tasks or events",
			"Export a BPMN 2.0 process diagram (not only a collaboration or choreography).",
		);
		return undefined;
	}
	for (const other of processes)
		if (other !== chosen && size(other) > 0)
			report(
				"warning",
				other.id,
				"bpmn-other-pool",
				`the process "${other.name ?? other.id}" in another pool is left out`,
				"Import one process per flowchart: split the pools into separate files.",
			);
	for (const collaboration of roots.filter((r) => r.$type === "bpmn:Collaboration"))
		for (const flow of collaboration.messageFlows ?? [])
			report(
				"warning",
				flow.id,
				"bpmn-message-flow",
				`the message flow "${flow.name ?? flow.id}" is left out: a flowchart has one pool and no messages`,
				"Mention the message in the description of the step that sends or waits for it.",
			);
	return chosen;
}

function participantOf(definitions: ModdleElement, process: ModdleElement): ModdleElement | undefined {
	for (const root of definitions.rootElements ?? [])
		for (const p of root.participants ?? []) if (p.processRef === process) return p;
	return undefined;
}

/** Leaf lanes become roles; a step's lane is its responsible role. */
function lanes(process: ModdleElement, report: Report) {
	const laneOf = new Map<string, string>();
	const roleIds = new Map<string, string>();
	const roleNames = new Map<string, string>();
	const taken = new Set<string>();
	const visit = (laneSet: ModdleElement | undefined) => {
		for (const lane of laneSet?.lanes ?? []) {
			if (lane.childLaneSet?.lanes?.length) {
				visit(lane.childLaneSet);
				continue;
			}
			const name = (lane.name ?? "").trim() || lane.id;
			if (!lane.name?.trim())
				report(
					"warning",
					lane.id,
					"bpmn-lane-unnamed",
					`a lane has no name; its role is called "${name}"`,
					"Give the role a name under `roles:` in the YAML.",
				);
			const roleId = uniqueId(slugId(name, "role"), taken, "role");
			roleIds.set(lane.id, roleId);
			roleNames.set(roleId, name);
			for (const ref of lane.flowNodeRef ?? []) laneOf.set(ref.id, lane.id);
		}
	};
	for (const set of process.laneSets ?? []) visit(set);
	return { laneOf, roleIds, roleNames };
}

/** Arrows by source id, from the flows themselves: some tools leave out `<bpmn:outgoing>`. */
function outgoingFlows(process: ModdleElement): Map<string, ModdleElement[]> {
	const map = new Map<string, ModdleElement[]>();
	for (const el of process.flowElements ?? []) {
		if (el.$type !== "bpmn:SequenceFlow" || !el.sourceRef) continue;
		map.set(el.sourceRef.id, [...(map.get(el.sourceRef.id) ?? []), el]);
	}
	return map;
}

function classify(el: ModdleElement, out: number, report: Report): Kind {
	const t: string = el.$type;
	if (el.synthetic) return t === "bpmn:StartEvent" ? "drop" : "pass";
	if (t === "bpmn:StartEvent") return "start";
	if (t === "bpmn:EndEvent") return "end";
	if (t === "bpmn:ExclusiveGateway") return out > 1 ? "decision" : "pass";
	if (otherGateways.includes(t)) return otherGateway(el, out, report);
	if (t === "bpmn:BoundaryEvent") {
		report(
			"warning",
			el.id,
			"bpmn-boundary-event",
			`the boundary event "${label(el)}" is left out, with the arrows leaving it`,
			"Describe the exception in the step's description, or model it as a decision after the step.",
		);
		return "drop";
	}
	if (/SubProcess|Transaction/.test(t))
		report(
			"warning",
			el.id,
			"bpmn-sub-process",
			`the sub-process "${label(el)}" is imported as one stage; the steps inside it are left out`,
			"Import the sub-process as a flowchart of its own if its steps matter.",
		);
	else if (/Intermediate/.test(t))
		report("warning", el.id, "bpmn-intermediate-event", `the intermediate event "${label(el)}" is imported as a stage`);
	else if (!/Task$|CallActivity/.test(t)) {
		report("warning", el.id, "bpmn-left-out", `${kindName(el)} is left out: a flowchart has no place for it`);
		return "drop";
	}
	return "stage";
}

function otherGateway(el: ModdleElement, out: number, report: Report): Kind {
	const what = kindName(el);
	if (out > 1) {
		report(
			"warning",
			el.id,
			"bpmn-gateway",
			`${what} is imported as a decision: a flowchart follows one branch at a time`,
			"Check the branches: if they all happen, make them stages one after the other.",
		);
		return "decision";
	}
	report(
		"warning",
		el.id,
		"bpmn-gateway",
		`${what} only joins arrows, so it is left out and its arrows lead straight on`,
	);
	return "pass";
}

function node(el: ModdleElement, type: StepType, role: string | undefined): BpmnNode {
	const facts = flowbookFacts(el, "Step");
	const description = el.documentation?.[0]?.text;
	// With Flowbook's own facts the outcome is exactly what was exported; otherwise only end names tell.
	const outcome = facts ? facts.outcome : type === "end" ? outcomeFromName(el.name) : undefined;
	return {
		element: el,
		type,
		label: label(el),
		stepId: facts?.stepId ?? (/^[a-z][a-z0-9_-]*$/.test(el.id) ? el.id : slugId(label(el), "step")),
		...(description ? { description } : {}),
		...(outcome ? { outcome } : {}),
		...(role ? { role } : {}),
		...(facts ? { facts } : {}),
		outgoing: [],
	};
}

/** Only the obvious words: anything else leaves the outcome out rather than guessing. */
function outcomeFromName(name: string | undefined): "won" | "lost" | undefined {
	if (/\b(won|win)\b/i.test(name ?? "")) return "won";
	if (/\b(lost|lose)\b/i.test(name ?? "")) return "lost";
	return undefined;
}

/** Each kept node's arrows, followed through passed-through nodes to kept ones. */
function link(nodes: BpmnNode[], kinds: Map<string, Kind>, outgoing: Map<string, ModdleElement[]>): void {
	const byId = new Map(nodes.map((n) => [n.element.id as string, n]));
	const follow = (flow: ModdleElement, when: string | undefined, seen: Set<string>): BpmnFlow[] => {
		const target = flow.targetRef;
		const kind = kinds.get(target?.id);
		const ownWhen = when ?? (flow.name?.trim() || flow.conditionExpression?.body?.trim() || undefined);
		if (!target || kind === "drop" || seen.has(target.id)) return [];
		const kept = byId.get(target.id);
		if (kept)
			return [
				{
					id: flow.id,
					target: kept,
					...(ownWhen ? { when: ownWhen } : {}),
					isDefault: flow.sourceRef?.default === flow,
				},
			];
		seen.add(target.id);
		return (outgoing.get(target.id) ?? []).flatMap((next) => follow(next, ownWhen, seen));
	};
	for (const n of nodes)
		n.outgoing = (outgoing.get(n.element.id) ?? []).flatMap((f) => follow(f, undefined, new Set()));
}

function label(el: ModdleElement): string {
	return (el.name ?? "").trim() || el.id;
}

function kindName(el: ModdleElement): string {
	const words = String(el.$type)
		.replace("bpmn:", "")
		.replace(/([a-z])([A-Z])/g, "$1 $2")
		.toLowerCase();
	return `the ${words} "${label(el)}"`;
}
