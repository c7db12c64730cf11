/**
 * Flowchart → BPMN 2.0 XML, built as a bpmn-moddle model and serialised by it: one pool, one lane per
 * responsible role, tasks for stages, exclusive gateways for decisions, start and end events, named
 * conditional sequence flows, and DI so tools open it laid out. Flowbook-only facts go in `flowbook:`.
 */
import { buildProcessGraph, type ProcessGraph } from "../graph/model.ts";
import { type Flowchart, type LoadedFlowchart, roleName, type Step } from "../schema/flowchart.ts";
import { type Drawn, repairForBpmn } from "./bpmn-repair.ts";
import { FLOWBOOK_BPMN_URI } from "./flowbook-moddle.ts";
import { type Box, type Layout, layoutFlowchart, waypoints } from "./layout.ts";
import { createModdle, type ModdleElement } from "./moddle.ts";

type Moddle = ReturnType<typeof createModdle>;

const bpmnType = {
	start: "bpmn:StartEvent",
	end: "bpmn:EndEvent",
	decision: "bpmn:ExclusiveGateway",
	stage: "bpmn:Task",
};

export const laneId = (role: string | undefined) => (role === undefined ? "Lane_unassigned" : `Lane_${role}`);

/**
 * One model factory for every export of the process: building one reads bpmn-moddle's type descriptors (about a
 * quarter of an export's time), and exporting keeps no state in it (each `toXML` writes with a new writer).
 */
let factory: Moddle | undefined;

/** The BPMN file of one flowchart. */
export async function exportBpmn(fc: LoadedFlowchart): Promise<string> {
	factory ??= createModdle();
	const moddle = factory;
	const definitions = buildDefinitions(moddle, fc);
	const { xml } = await moddle.toXML(definitions, { format: true });
	return xml;
}

export function buildDefinitions(moddle: Moddle, fc: LoadedFlowchart): ModdleElement {
	const data = fc.data;
	const layout = layoutFlowchart(data);
	const drawn = drawSteps(moddle, data, layout);
	repairForBpmn(moddle, drawn);
	const process = moddle.create("bpmn:Process", {
		id: `Process_${fc.id}`,
		name: data.title,
		isExecutable: false,
		documentation: docs(moddle, data.summary),
		extensionElements: extensions(moddle, flowchartFacts(moddle, fc)),
		laneSets: [laneSet(moddle, data, layout, drawn.nodes)],
		flowElements: [...drawn.nodes, ...drawn.flows],
	});
	const participant = moddle.create("bpmn:Participant", {
		id: `Participant_${fc.id}`,
		name: data.title,
		processRef: process,
	});
	const collaboration = moddle.create("bpmn:Collaboration", {
		id: `Collaboration_${fc.id}`,
		participants: [participant],
	});
	return moddle.create("bpmn:Definitions", {
		id: `Definitions_${fc.id}`,
		targetNamespace: `${FLOWBOOK_BPMN_URI}/flowcharts/${fc.id}`,
		exporter: "Flowbook",
		exporterVersion: "1",
		rootElements: [collaboration, process],
		diagrams: [diagram(moddle, { collaboration, participant, process, drawn, layout })],
	});
}

/** One flow node per step and one sequence flow per arrow, with their boxes. */
function drawSteps(moddle: Moddle, data: Flowchart, layout: Layout): Drawn {
	const graph = buildProcessGraph(data);
	const nodes = data.steps.map((step) => flowNode(moddle, step));
	const flows = graph.edges.map((edge, i) =>
		moddle.create("bpmn:SequenceFlow", {
			id: `Flow_${i + 1}`,
			sourceRef: nodes[edge.from],
			targetRef: nodes[edge.to],
			...(edge.when ? { name: edge.when, conditionExpression: condition(moddle, edge.when) } : {}),
		}),
	);
	linkFlows(nodes, flows, graph);
	const boxes = new Map(nodes.map((node, v) => [node.id as string, layout.boxes[v] as Box]));
	return { nodes, flows, boxes };
}

function flowNode(moddle: Moddle, step: Step): ModdleElement {
	return moddle.create(bpmnType[step.type], {
		id: step.id,
		name: step.label,
		documentation: docs(moddle, step.description),
		extensionElements: extensions(moddle, stepFacts(moddle, step)),
	});
}

/** Incoming/outgoing references on the nodes (tools and linters read them), and default flows. */
function linkFlows(nodes: ModdleElement[], flows: ModdleElement[], graph: ProcessGraph): void {
	nodes.forEach((node, v) => {
		node.incoming = (graph.inEdges[v] ?? []).map((e) => flows[e]);
		node.outgoing = (graph.outEdges[v] ?? []).map((e) => flows[e]);
		// Among conditional ways out, the one without a condition is the default: BPMN's "otherwise".
		const plain = node.outgoing.filter((f: ModdleElement) => f.conditionExpression === undefined);
		if (node.outgoing.length > 1 && plain.length === 1) node.default = plain[0];
	});
}

function condition(moddle: Moddle, when: string): ModdleElement {
	return moddle.create("bpmn:FormalExpression", { body: when });
}

function docs(moddle: Moddle, text: string | undefined): ModdleElement[] {
	return text ? [moddle.create("bpmn:Documentation", { text })] : [];
}

function extensions(moddle: Moddle, value: ModdleElement): ModdleElement {
	return moddle.create("bpmn:ExtensionElements", { values: [value] });
}

/** One lane per responsible role; a helper node (past the steps) shares the lane of the node it serves. */
function laneSet(moddle: Moddle, data: Flowchart, layout: Layout, nodes: ModdleElement[]): ModdleElement {
	const stepCount = data.steps.length;
	const served = (helper: ModdleElement) => nodes.indexOf(helper.outgoing[0]?.targetRef);
	const lanes = layout.lanes.map((lane, l) =>
		moddle.create("bpmn:Lane", {
			id: laneId(lane.role),
			name: lane.role === undefined ? "Unassigned" : roleName(data.roles[lane.role], lane.role),
			flowNodeRef: nodes.filter((node, i) => layout.laneOf[i < stepCount ? i : served(node)] === l),
		}),
	);
	return moddle.create("bpmn:LaneSet", { id: "LaneSet_1", lanes });
}

/** RACI, targets, tasks, criteria, automations and outcome of a step, which BPMN cannot hold. */
function stepFacts(moddle: Moddle, step: Step): ModdleElement {
	const body = (type: string, text: string | undefined) =>
		text === undefined ? undefined : moddle.create(`flowbook:${type}`, { text });
	return moddle.create("flowbook:Step", {
		stepId: step.id,
		type: step.type,
		outcome: step.outcome,
		responsible: step.responsible,
		accountable: step.accountable,
		consulted: step.consulted?.join(" "),
		informed: step.informed?.join(" "),
		targetConversion: step.metrics?.target_conversion?.toString(),
		maxDays: step.metrics?.max_days,
		tasks: (step.tasks ?? []).map((text) => moddle.create("flowbook:Task", { text })),
		entry: body("Entry", step.entry),
		exit: body("Exit", step.exit),
		automations: (step.automations ?? []).map((a) => moddle.create("flowbook:Automation", { ...a })),
	});
}

/** Title, owner, order, role details and anything else (review log, layout, conformance) as JSON. */
function flowchartFacts(moddle: Moddle, fc: LoadedFlowchart): ModdleElement {
	const { title, owner, direction, order, roles, steps: _steps, summary: _summary, $schema: _s, ...rest } = fc.data;
	return moddle.create("flowbook:Flowchart", {
		flowchartId: fc.id,
		title,
		owner,
		direction,
		order,
		roles: Object.entries(roles).map(([roleId, role]) =>
			typeof role === "string"
				? moddle.create("flowbook:Role", { roleId, name: role, short: true })
				: moddle.create("flowbook:Role", { roleId, name: role.name, email: role.email, text: role.description }),
		),
		extra: Object.keys(rest).length > 0 ? moddle.create("flowbook:Extra", { text: JSON.stringify(rest) }) : undefined,
	});
}

interface DiagramParts {
	collaboration: ModdleElement;
	participant: ModdleElement;
	process: ModdleElement;
	drawn: Drawn;
	layout: Layout;
}

function diagram(moddle: Moddle, parts: DiagramParts): ModdleElement {
	const { layout, drawn } = parts;
	const bounds = (b: Box) => moddle.create("dc:Bounds", { ...b });
	const shape = (element: ModdleElement, b: Box, extra: object = {}) =>
		moddle.create("bpmndi:BPMNShape", { id: `${element.id}_di`, bpmnElement: element, bounds: bounds(b), ...extra });
	const lanes: ModdleElement[] = parts.process.laneSets[0].lanes;
	const shapes = [
		shape(parts.participant, layout.pool, { isHorizontal: true }),
		...lanes.map((lane, i) => shape(lane, layout.lanes[i]?.box as Box, { isHorizontal: true })),
		...drawn.nodes.map((node) => shape(node, drawn.boxes.get(node.id) as Box)),
	];
	const edges = drawn.flows.map((flow) =>
		moddle.create("bpmndi:BPMNEdge", {
			id: `${flow.id}_di`,
			bpmnElement: flow,
			waypoint: waypoints(drawn.boxes.get(flow.sourceRef.id) as Box, drawn.boxes.get(flow.targetRef.id) as Box).map(
				(p) => moddle.create("dc:Point", p),
			),
		}),
	);
	const plane = moddle.create("bpmndi:BPMNPlane", {
		id: "BPMNPlane_1",
		bpmnElement: parts.collaboration,
		planeElement: [...shapes, ...edges],
	});
	return moddle.create("bpmndi:BPMNDiagram", { id: "BPMNDiagram_1", plane });
}
