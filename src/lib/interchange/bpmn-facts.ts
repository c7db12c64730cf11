/** Reads Flowbook's `flowbook:` extension back: the facts an export kept that BPMN has no place for. */
import type { FlowchartInput, Role } from "../schema/flowchart.ts";
import type { ModdleElement } from "./moddle.ts";

type StepInput = FlowchartInput["steps"][number];

/** The `flowbook:` element among an element's extension elements. */
export function flowbookFacts(element: ModdleElement, type: string): ModdleElement | undefined {
	return (element.extensionElements?.values ?? []).find((v: ModdleElement) => v.$type === `flowbook:${type}`);
}

export function restoreFlowchartFacts(facts: ModdleElement | undefined) {
	if (!facts) return { top: {}, extra: {}, roles: undefined };
	const roles: Record<string, Role> = {};
	for (const r of facts.roles ?? []) {
		roles[r.roleId] = r.short
			? r.name
			: { name: r.name, ...(r.text ? { description: r.text } : {}), ...(r.email ? { email: r.email } : {}) };
	}
	return {
		id: facts.flowchartId as string | undefined,
		title: facts.title as string | undefined,
		top: defined({ owner: facts.owner, direction: facts.direction, order: facts.order }),
		roles,
		extra: parseExtra(facts.extra?.text),
	};
}

function parseExtra(text: string | undefined): Partial<FlowchartInput> {
	if (!text) return {};
	try {
		return JSON.parse(text);
	} catch {
		return {};
	}
}

/** RACI, tasks, criteria, targets and automations of one step; `responsible` too, so lanes never override it. */
export function restoreStepFacts(facts: ModdleElement | undefined): Partial<StepInput> {
	if (!facts) return {};
	const list = (text: string | undefined) => (text ? text.split(" ").filter(Boolean) : undefined);
	const metrics = defined({ target_conversion: percent(facts.targetConversion), max_days: facts.maxDays });
	return defined({
		responsible: facts.responsible,
		accountable: facts.accountable,
		consulted: list(facts.consulted),
		informed: list(facts.informed),
		tasks: facts.tasks?.length ? facts.tasks.map((t: ModdleElement) => t.text ?? "") : undefined,
		entry: facts.entry?.text,
		exit: facts.exit?.text,
		metrics: Object.keys(metrics).length > 0 ? metrics : undefined,
		automations: facts.automations?.length
			? facts.automations.map((a: ModdleElement) => ({ trigger: a.trigger, action: a.action, system: a.system }))
			: undefined,
	});
}

/** A target written as a number in YAML (0.4) comes back as a number, "40%" as the string. */
function percent(text: string | undefined): string | number | undefined {
	if (text === undefined) return undefined;
	return /%/.test(text) ? text : Number(text);
}

function defined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
