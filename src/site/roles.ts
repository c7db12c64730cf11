/** Roles as the roles index and role pages need them, in one language. */
import type { Lang } from "../i18n/ui.ts";
import type { RaciLetter } from "../lib/raci.ts";
import { roleSteps } from "../lib/raci.ts";
import { type MergedRole, mergeRoles, type RaciCounts, roleCounts, totalCounts } from "../lib/roles.ts";
import type { StepType } from "../lib/schema/flowchart.ts";
import { getFlowcharts, type SiteFlowchart } from "./data.ts";

export interface RoleStepDetail {
	stepId: string;
	label: string;
	type: StepType;
	/** Exit criterion ("done when"), for the steps the role is responsible for. */
	exit?: string;
}

export interface RoleFlowchartGroup {
	flowchartId: string;
	title: string;
	/** How this flowchart describes the role, when it does. */
	description?: string;
	/** `en` when the description is shown in English because it has no translation. */
	descriptionLang?: "en";
	steps: Record<RaciLetter, RoleStepDetail[]>;
}

export interface SiteRole extends MergedRole {
	counts: Map<string, RaciCounts>;
	total: RaciCounts;
	groups: RoleFlowchartGroup[];
}

export interface RolesData {
	flowcharts: SiteFlowchart[];
	roles: SiteRole[];
}

export async function getRoles(lang: Lang): Promise<RolesData> {
	const flowcharts = await getFlowcharts(lang);
	const roles = mergeRoles(flowcharts).map((role) => {
		const counts = roleCounts(flowcharts, role.id);
		const groups = roleSteps(flowcharts, role.id).map((group): RoleFlowchartGroup => {
			const fc = flowcharts.find((f) => f.id === group.flowchartId);
			const detail = (letter: RaciLetter) =>
				group.steps[letter].map((s) => ({
					...s,
					exit: letter === "R" ? fc?.data.steps.find((step) => step.id === s.stepId)?.exit : undefined,
				}));
			return {
				flowchartId: group.flowchartId,
				title: group.title,
				description: role.descriptions.find((d) => d.flowchartId === group.flowchartId)?.text,
				descriptionLang: fc?.missing.includes(`roles.${role.id}.description`) ? "en" : undefined,
				steps: { R: detail("R"), A: detail("A"), C: detail("C"), I: detail("I") },
			};
		});
		return { ...role, counts, total: totalCounts(counts), groups };
	});
	return { flowcharts, roles };
}
