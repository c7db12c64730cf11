/**
 * Every automation across flowcharts, grouped by the system that runs it, and the stages that have
 * none: the data behind the site's automations page. Works on any language's flowcharts; grouping
 * uses the system name as written (trimmed, case-insensitive), so "CRM workflow" and "crm workflow"
 * are one system.
 */
import type { LoadedFlowchart, Step } from "./schema/flowchart.ts";

export interface AutomationRow {
	flowchart: string;
	flowchartTitle: string;
	step: string;
	stepLabel: string;
	trigger: string;
	action: string;
	system: string;
}

export interface SystemGroup {
	/** The system name as first written. */
	system: string;
	rows: AutomationRow[];
	/** Distinct flowchart ids using the system, in flowchart order. */
	flowcharts: string[];
}

export interface UncoveredStage {
	flowchart: string;
	flowchartTitle: string;
	steps: Pick<Step, "id" | "label">[];
}

/** Rows in flowchart order, then step order, then as declared. */
export function automationRows(flowcharts: readonly LoadedFlowchart[]): AutomationRow[] {
	return flowcharts.flatMap((fc) =>
		fc.data.steps.flatMap((step) =>
			(step.automations ?? []).map((a) => ({
				flowchart: fc.id,
				flowchartTitle: fc.data.title,
				step: step.id,
				stepLabel: step.label,
				trigger: a.trigger,
				action: a.action,
				system: a.system.trim(),
			})),
		),
	);
}

/** Groups sorted by system name (locale-aware, case-insensitive); rows keep flowchart and step order. */
export function automationsBySystem(flowcharts: readonly LoadedFlowchart[], locale = "en"): SystemGroup[] {
	const groups = new Map<string, SystemGroup>();
	for (const row of automationRows(flowcharts)) {
		const key = row.system.toLocaleLowerCase(locale);
		let group = groups.get(key);
		if (!group) {
			group = { system: row.system, rows: [], flowcharts: [] };
			groups.set(key, group);
		}
		group.rows.push(row);
		if (!group.flowcharts.includes(row.flowchart)) group.flowcharts.push(row.flowchart);
	}
	const collator = new Intl.Collator(locale, { sensitivity: "base" });
	return [...groups.values()].sort((a, b) => collator.compare(a.system, b.system));
}

/** Per flowchart, its `stage` steps without any automation; flowcharts where every stage has one are left out. */
export function stagesWithoutAutomations(flowcharts: readonly LoadedFlowchart[]): UncoveredStage[] {
	return flowcharts.flatMap((fc) => {
		const steps = fc.data.steps
			.filter((s) => s.type === "stage" && (s.automations ?? []).length === 0)
			.map((s) => ({ id: s.id, label: s.label }));
		return steps.length ? [{ flowchart: fc.id, flowchartTitle: fc.data.title, steps }] : [];
	});
}
