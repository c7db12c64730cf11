/**
 * BPMN 2.0 XML → flowchart data, read with bpmn-moddle. Tasks become stages, exclusive gateways
 * decisions, start and end events starts and ends, lanes roles, named or conditional flows `when`.
 * Anything the format cannot hold is reported at its place in the XML with what was done instead;
 * Flowbook's own `flowbook:` extension, when present, restores what an export put there.
 */
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { FlowchartInput } from "../schema/flowchart.ts";
import { type BpmnNode, type Collected, collectProcess, type Report } from "./bpmn-collect.ts";
import { restoreFlowchartFacts, restoreStepFacts } from "./bpmn-facts.ts";
import { createModdle, type ModdleElement } from "./moddle.ts";
import { uniqueId } from "./slug.ts";
import { elementLocator, positionInMessage } from "./xml-locate.ts";

export interface ImportResult {
	/** Suggested flowchart id (file name without `.yaml`). */
	id?: string;
	data?: FlowchartInput;
	diagnostics: Diagnostic[];
}

export async function importBpmn(file: string, xml: string, fallbackId: string): Promise<ImportResult> {
	const locate = elementLocator(xml);
	const report = (
		severity: Diagnostic["severity"],
		id: string | undefined,
		code: string,
		message: string,
		hint?: string,
	) => diagnostics.push({ severity, file, ...locate(id), code, message, ...(hint ? { hint } : {}) });
	const diagnostics: Diagnostic[] = [];
	let definitions: ModdleElement;
	try {
		const parsed = await createModdle().fromXML(xml);
		definitions = parsed.rootElement;
		for (const w of parsed.warnings)
			report("warning", undefined, "bpmn-warning", w.message.split("\n")[0] ?? w.message);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		diagnostics.push({
			severity: "error",
			file,
			...positionInMessage(message),
			code: "bpmn-unreadable",
			message: `this is not readable BPMN 2.0 XML: ${readableParseError(message)}`,
			hint: "Export the diagram from your modeler as BPMN 2.0 XML (.bpmn) and try again.",
		});
		return { diagnostics };
	}
	const collected = collectProcess(definitions, report);
	if (!collected) return { diagnostics };
	const { id, data } = toFlowchart(collected, fallbackId, report);
	return { id, data, diagnostics: sortDiagnostics(diagnostics) };
}

/** `unparsable content </x> detected … nested error: closing tag mismatch` → one readable line. */
function readableParseError(message: string): string {
	const [head] = message.split("\n");
	const nested = /nested error:\s*(.+)/.exec(message)?.[1];
	return nested ? `${head} (${nested.trim()})` : (head ?? message);
}

function toFlowchart(c: Collected, fallbackId: string, report: Report): { id: string; data: FlowchartInput } {
	const facts = restoreFlowchartFacts(c.facts);
	const taken = new Set<string>();
	const stepIds = new Map(c.nodes.map((n) => [n.element.id as string, uniqueId(n.stepId, taken, "step")]));
	const steps = c.nodes.map((node) => {
		const step = {
			id: stepIds.get(node.element.id) as string,
			type: node.type,
			label: node.label,
			...(node.outcome ? { outcome: node.outcome } : {}),
			...(node.description ? { description: node.description } : {}),
			...(node.role && !node.facts ? { responsible: c.roleIds.get(node.role) } : {}),
			...restoreStepFacts(node.facts),
			...nextOf(node, stepIds, report),
		};
		return step;
	});
	const data: FlowchartInput = {
		title: facts.title ?? c.title,
		...(c.summary ? { summary: c.summary } : {}),
		...facts.top,
		roles: facts.roles ?? Object.fromEntries(c.roleNames),
		steps,
		...facts.extra,
	};
	return { id: facts.id ?? fallbackId, data };
}

/** `next:` from the node's outgoing flows; a decision branch without a name is labelled and reported. */
function nextOf(
	node: BpmnNode,
	stepIds: Map<string, string>,
	report: Report,
): { next?: FlowchartInput["steps"][number]["next"] } {
	const out = node.outgoing.map((flow) => {
		const to = stepIds.get(flow.target.element.id) as string;
		let when = flow.when;
		if (!when && node.type === "decision") {
			when = flow.isDefault ? "Otherwise" : flow.target.label;
			report(
				"warning",
				flow.id,
				"bpmn-unnamed-branch",
				`the branch from "${node.label}" to "${flow.target.label}" has no name or condition`,
				`It was labelled "${when}"; rename it in the YAML if a clearer condition applies.`,
			);
		}
		return when ? { to, when } : { to };
	});
	if (out.length === 0) return {};
	if (out.length === 1 && out[0]?.when === undefined) return { next: out[0]?.to };
	return { next: out };
}
