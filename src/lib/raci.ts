/** Who is Responsible, Accountable, Consulted and Informed for each step: the RACI table and role pages. */
import { type Flowchart, type LoadedFlowchart, roleName, type Step, type StepType } from "./schema/flowchart.ts";

export type RaciLetter = "R" | "A" | "C" | "I";
export const raciLetters: readonly RaciLetter[] = ["R", "A", "C", "I"];

export interface RaciRow {
	stepId: string;
	label: string;
	type: StepType;
	/** Letters by role id, in R, A, C, I order; every role of the matrix has an entry, maybe empty. */
	cells: Record<string, RaciLetter[]>;
}

export interface RaciMatrix {
	/** Declared roles in declared order, then roles used by steps but not declared, by first use. */
	roles: { id: string; name: string }[];
	rows: RaciRow[];
}

/** The letters each role has for a step. */
function lettersOf(step: Step): Map<string, RaciLetter[]> {
	const byRole = new Map<string, RaciLetter[]>();
	const add = (roleId: string | undefined, letter: RaciLetter) => {
		if (roleId === undefined) return;
		const letters = byRole.get(roleId) ?? [];
		if (!letters.includes(letter)) letters.push(letter);
		byRole.set(roleId, letters);
	};
	add(step.responsible, "R");
	add(step.accountable, "A");
	for (const id of step.consulted ?? []) add(id, "C");
	for (const id of step.informed ?? []) add(id, "I");
	return byRole;
}

/** Stages down, roles across. Decisions, starts and ends only appear when someone has a letter for them. */
export function raciMatrix(fc: Flowchart): RaciMatrix {
	const roleIds = Object.keys(fc.roles);
	for (const step of fc.steps) {
		for (const id of lettersOf(step).keys()) if (!roleIds.includes(id)) roleIds.push(id);
	}
	const roles = roleIds.map((id) => ({ id, name: roleName(fc.roles[id], id) }));
	const rows: RaciRow[] = [];
	for (const step of fc.steps) {
		const letters = lettersOf(step);
		if (step.type !== "stage" && letters.size === 0) continue;
		const cells: Record<string, RaciLetter[]> = {};
		for (const id of roleIds) cells[id] = letters.get(id) ?? [];
		rows.push({ stepId: step.id, label: step.label, type: step.type, cells });
	}
	return { roles, rows };
}

export interface RoleStep {
	stepId: string;
	label: string;
	type: StepType;
}

export interface RoleFlowchartSteps {
	flowchartId: string;
	title: string;
	file: string;
	/** Steps in reading order, by the role's letter; a step appears under each letter the role has. */
	steps: Record<RaciLetter, RoleStep[]>;
}

/** Every step where the role is R, A, C or I, by flowchart (in the given order) and letter; flowcharts without any are left out. */
export function roleSteps(fcs: LoadedFlowchart[], roleId: string): RoleFlowchartSteps[] {
	const result: RoleFlowchartSteps[] = [];
	for (const fc of fcs) {
		const steps: Record<RaciLetter, RoleStep[]> = { R: [], A: [], C: [], I: [] };
		let any = false;
		for (const step of fc.data.steps) {
			for (const letter of lettersOf(step).get(roleId) ?? []) {
				steps[letter].push({ stepId: step.id, label: step.label, type: step.type });
				any = true;
			}
		}
		if (any) result.push({ flowchartId: fc.id, title: fc.data.title, file: fc.file, steps });
	}
	return result;
}
