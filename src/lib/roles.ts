/** Roles across every flowchart: one merged list for the roles index and role pages. */
import { type RaciLetter, raciLetters, raciMatrix, roleSteps } from "./raci.ts";
import type { LoadedFlowchart } from "./schema/flowchart.ts";

export interface RoleDescription {
	flowchartId: string;
	text: string;
}

export interface MergedRole {
	id: string;
	/** The name from the first flowchart that declares the role (the id when none does). */
	name: string;
	/** Descriptions as each flowchart gives them, in flowchart order; duplicates dropped. */
	descriptions: RoleDescription[];
}

export type RaciCounts = Record<RaciLetter, number>;

/** Roles merged by id: in flowchart order, each flowchart's declared roles first, then undeclared ones it uses. */
export function mergeRoles(fcs: readonly LoadedFlowchart[]): MergedRole[] {
	const byId = new Map<string, MergedRole & { declared: boolean }>();
	for (const fc of fcs) {
		for (const { id, name } of raciMatrix(fc.data).roles) {
			const declared = fc.data.roles[id];
			const existing = byId.get(id);
			const role = existing ?? { id, name, descriptions: [], declared: declared !== undefined };
			if (existing && !existing.declared && declared !== undefined) {
				role.name = name;
				role.declared = true;
			}
			const text = declared !== undefined && typeof declared !== "string" ? declared.description : undefined;
			if (text && !role.descriptions.some((d) => d.text === text)) role.descriptions.push({ flowchartId: fc.id, text });
			byId.set(id, role);
		}
	}
	return [...byId.values()].map(({ id, name, descriptions }) => ({ id, name, descriptions }));
}

/** How many steps of each flowchart the role has each letter for; flowcharts where it has none are absent. */
export function roleCounts(fcs: readonly LoadedFlowchart[], roleId: string): Map<string, RaciCounts> {
	const out = new Map<string, RaciCounts>();
	for (const group of roleSteps([...fcs], roleId)) {
		out.set(group.flowchartId, {
			R: group.steps.R.length,
			A: group.steps.A.length,
			C: group.steps.C.length,
			I: group.steps.I.length,
		});
	}
	return out;
}

/** Non-zero letters with their counts, in R, A, C, I order: `[["R", 4], ["A", 1]]`. */
export function countParts(counts: RaciCounts | undefined): [RaciLetter, number][] {
	if (!counts) return [];
	return raciLetters.filter((l) => counts[l] > 0).map((l) => [l, counts[l]]);
}

/** `R 4 · A 1 · C 2`; empty when the role has no step. */
export function formatCounts(counts: RaciCounts | undefined): string {
	return countParts(counts)
		.map(([l, n]) => `${l} ${n}`)
		.join(" · ");
}

/** Totals over every flowchart. */
export function totalCounts(perFlowchart: Map<string, RaciCounts>): RaciCounts {
	const total: RaciCounts = { R: 0, A: 0, C: 0, I: 0 };
	for (const counts of perFlowchart.values()) for (const l of raciLetters) total[l] += counts[l];
	return total;
}
