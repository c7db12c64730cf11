/**
 * BPMN rules a Flowbook flowchart may break, mended with marked (`flowbook:synthetic`) helper nodes
 * so linters and modelers accept the file and the import can take them out again:
 * - a decision that arrows both enter and leave twice or more gets a joining gateway in front;
 * - a step no arrow reaches gets its own start event;
 * - several starts get a condition each, since BPMN allows only one blank start.
 */
import type { Box } from "./layout.ts";
import type { createModdle, ModdleElement } from "./moddle.ts";

type Moddle = ReturnType<typeof createModdle>;

export interface Drawn {
	nodes: ModdleElement[];
	flows: ModdleElement[];
	boxes: Map<string, Box>;
}

export function repairForBpmn(moddle: Moddle, drawn: Drawn): void {
	for (const node of [...drawn.nodes]) {
		if (node.$type === "bpmn:ExclusiveGateway" && node.incoming.length > 1 && node.outgoing.length > 1)
			joinBefore(moddle, drawn, node);
		if (node.$type !== "bpmn:StartEvent" && node.incoming.length === 0) startBefore(moddle, drawn, node);
	}
	const starts = drawn.nodes.filter((n) => n.$type === "bpmn:StartEvent");
	if (starts.length > 1) for (const start of starts) start.eventDefinitions = [conditional(moddle, start.name)];
}

function joinBefore(moddle: Moddle, drawn: Drawn, decision: ModdleElement): void {
	const join = moddle.create("bpmn:ExclusiveGateway", { id: `${decision.id}_join`, synthetic: true });
	for (const flow of decision.incoming) flow.targetRef = join;
	join.incoming = decision.incoming;
	decision.incoming = [];
	join.outgoing = [];
	connect(moddle, drawn, join, decision);
	place(drawn, join, decision, 50);
}

function startBefore(moddle: Moddle, drawn: Drawn, node: ModdleElement): void {
	const start = moddle.create("bpmn:StartEvent", { id: `${node.id}_start`, name: node.name, synthetic: true });
	start.incoming = [];
	start.outgoing = [];
	connect(moddle, drawn, start, node);
	place(drawn, start, node, 36);
}

function connect(moddle: Moddle, drawn: Drawn, from: ModdleElement, to: ModdleElement): void {
	const flow = moddle.create("bpmn:SequenceFlow", {
		id: `Flow_${drawn.flows.length + 1}`,
		sourceRef: from,
		targetRef: to,
	});
	from.outgoing.push(flow);
	to.incoming.push(flow);
	drawn.nodes.push(from);
	drawn.flows.push(flow);
}

/** A helper node sits just left of the node it serves, centred on it. */
function place(drawn: Drawn, helper: ModdleElement, beside: ModdleElement, size: number): void {
	const box = drawn.boxes.get(beside.id) as Box;
	drawn.boxes.set(helper.id, { x: box.x - size - 20, y: box.y + box.height / 2 - size / 2, width: size, height: size });
}

function conditional(moddle: Moddle, name: string): ModdleElement {
	return moddle.create("bpmn:ConditionalEventDefinition", {
		condition: moddle.create("bpmn:FormalExpression", { body: name }),
	});
}
