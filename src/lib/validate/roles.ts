/** Role references (RACI and owner) must name a role defined under `roles:`. */

import type { DataPath } from "../diagnostics/position.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { didYouMean, listOf } from "../text/suggest.ts";
import type { Reporter } from "./report.ts";

export function checkRoles(data: Flowchart, r: Reporter): void {
	const roles = Object.keys(data.roles);
	const known = new Set(roles);
	const hint =
		roles.length === 0
			? "No roles are defined yet: add them under `roles:`, e.g. `ae: Account executive`."
			: `Defined roles: ${listOf(roles)}. Add the role under \`roles:\` or use one of these ids.`;
	const check = (subject: string, field: string, id: string | undefined, path: DataPath) => {
		if (id === undefined || known.has(id)) return;
		r.report(
			"error",
			"unknown-role",
			path,
			`${subject}${field} → unknown role ${JSON.stringify(id)}${didYouMean(id, roles)}`,
			hint,
		);
	};

	check("", "owner", data.owner, ["owner"]);
	data.steps.forEach((step, i) => {
		const subject = `step ${JSON.stringify(step.id)}: `;
		check(subject, "responsible", step.responsible, ["steps", i, "responsible"]);
		check(subject, "accountable", step.accountable, ["steps", i, "accountable"]);
		for (const [k, id] of (step.consulted ?? []).entries())
			check(subject, "consulted", id, ["steps", i, "consulted", k]);
		for (const [k, id] of (step.informed ?? []).entries()) check(subject, "informed", id, ["steps", i, "informed", k]);
		if (step.type === "stage" && step.responsible === undefined) {
			r.report(
				"warning",
				"no-responsible",
				["steps", i, "id"],
				`${subject}no \`responsible\` role, so the RACI table has a gap`,
				"Add `responsible: <role id>`: the role that does the work in this stage.",
			);
		}
	});
}
