/** Checks the `crm:` block: key fields are listed under real steps, each field once. */
import type { Flowchart } from "../schema/flowchart.ts";
import { didYouMean, listOf } from "../text/suggest.ts";
import type { Reporter } from "./report.ts";

export function checkCrm(data: Flowchart, r: Reporter): void {
	const keyFields = data.crm?.key_fields;
	if (keyFields === undefined) return;
	const ids = data.steps.map((s) => s.id);
	for (const [stepId, fields] of Object.entries(keyFields)) {
		if (!ids.includes(stepId)) {
			r.report(
				"error",
				"unknown-step",
				["crm", "key_fields", stepId],
				`crm.key_fields: unknown step ${JSON.stringify(stepId)}${didYouMean(stepId, ids)}`,
				`Defined steps: ${listOf(ids)}.`,
				"key",
			);
			continue;
		}
		const seen = new Set<string>();
		fields.forEach((field, i) => {
			const key = field.toLowerCase();
			if (seen.has(key)) {
				r.report(
					"warning",
					"duplicate-key-field",
					["crm", "key_fields", stepId, i],
					`crm.key_fields: ${field} is listed twice for step ${JSON.stringify(stepId)}`,
					"Salesforce shows each key field once; remove the repeat.",
				);
			}
			seen.add(key);
		});
	}
}
