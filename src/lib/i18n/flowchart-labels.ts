/**
 * Translations of a flowchart live in a parallel label file
 * (`content/i18n/<lang>/flowcharts/<id>.yaml`) holding only text; structure
 * stays in the English file. Missing strings fall back to English and are
 * reported, so the page can say it is partly untranslated.
 */
import { z } from "zod";
import { type Flowchart, limits, type Step } from "../schema/flowchart.ts";

// The same bounds as the English text (see `limits`): a translation must not be what makes a build slow.
const short = () => z.string().max(limits.short, { message: `is too long (at most ${limits.short} characters)` });
const long = () => z.string().max(limits.long, { message: `is too long (at most ${limits.long} characters)` });

export const StepLabelsSchema = z
	.strictObject({
		label: short().optional().describe("Translated diagram label."),
		description: long().optional().describe("Translated description."),
		tasks: z
			.array(long())
			.max(limits.list)
			.optional()
			.describe("Translated tasks, in the same order as the English ones."),
		entry: long().optional().describe("Translated entry criteria."),
		exit: long().optional().describe("Translated exit criteria."),
		when: z
			.record(z.string(), short())
			.optional()
			.describe("Translated transition conditions, keyed by target step id."),
		automations: z
			.array(
				z
					.strictObject({
						trigger: long().optional().describe("Translated trigger."),
						action: long().optional().describe("Translated action."),
					})
					.describe("Translated text of one automation (the system name stays as it is)."),
			)
			.optional()
			.describe("Translated automations, in the same order as the English ones."),
	})
	.describe("Translated text of one step.");

/** A translated role: its name, or its name and description. */
export const RoleLabelSchema = z.union([
	short().describe("Translated role name."),
	z
		.strictObject({
			name: short().optional().describe("Translated role name."),
			description: long().optional().describe("Translated role description."),
		})
		.describe("Translated role name and description."),
]);

export const FlowchartLabelsSchema = z
	.strictObject({
		title: short().optional().describe("Translated title."),
		summary: long().optional().describe("Translated summary."),
		roles: z
			.record(z.string(), RoleLabelSchema)
			.optional()
			.describe("Translated role names (or { name, description }), keyed by role id."),
		steps: z.record(z.string(), StepLabelsSchema).optional().describe("Translated step text, keyed by step id."),
	})
	.describe("Translated text of a flowchart.");

export type FlowchartLabels = z.output<typeof FlowchartLabelsSchema>;

export interface TranslatedFlowchart {
	data: Flowchart;
	/** Dotted paths of text that fell back to English, e.g. `steps.nurture.label`. */
	missing: string[];
}

export function translateFlowchart(fc: Flowchart, labels: FlowchartLabels | undefined): TranslatedFlowchart {
	const missing: string[] = [];
	const pick = (value: string | undefined, translated: string | undefined, path: string): string | undefined => {
		if (value === undefined) return undefined;
		if (translated === undefined || translated.trim() === "") {
			missing.push(path);
			return value;
		}
		return translated;
	};
	const roles: Flowchart["roles"] = {};
	for (const [id, role] of Object.entries(fc.roles)) {
		const label = labels?.roles?.[id];
		const labelName = typeof label === "string" ? label : label?.name;
		const name = typeof role === "string" ? role : role.name;
		const translated = pick(name, labelName, `roles.${id}`) ?? name;
		if (typeof role === "string") {
			roles[id] = translated;
			continue;
		}
		const description = pick(
			role.description,
			typeof label === "string" ? undefined : label?.description,
			`roles.${id}.description`,
		);
		roles[id] = { ...role, name: translated, ...(description === undefined ? {} : { description }) };
	}
	const steps: Step[] = fc.steps.map((step) => {
		const l = labels?.steps?.[step.id];
		const p = `steps.${step.id}`;
		const next =
			step.next === undefined || typeof step.next === "string"
				? step.next
				: step.next.map((tr) => ({ ...tr, when: pick(tr.when, l?.when?.[tr.to], `${p}.when.${tr.to}`) }));
		return {
			...step,
			label: pick(step.label, l?.label, `${p}.label`) ?? step.label,
			description: pick(step.description, l?.description, `${p}.description`),
			tasks: step.tasks?.map((task, i) => pick(task, l?.tasks?.[i], `${p}.tasks.${i}`) ?? task),
			entry: pick(step.entry, l?.entry, `${p}.entry`),
			exit: pick(step.exit, l?.exit, `${p}.exit`),
			automations: step.automations?.map((a, i) => ({
				...a,
				trigger: pick(a.trigger, l?.automations?.[i]?.trigger, `${p}.automations.${i}.trigger`) ?? a.trigger,
				action: pick(a.action, l?.automations?.[i]?.action, `${p}.automations.${i}.action`) ?? a.action,
			})),
			next,
		};
	});
	return {
		data: {
			...fc,
			title: pick(fc.title, labels?.title, "title") ?? fc.title,
			summary: pick(fc.summary, labels?.summary, "summary"),
			roles,
			steps,
		},
		missing,
	};
}
