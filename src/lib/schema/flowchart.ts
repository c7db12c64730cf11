/**
 * The flowchart format: the single source of truth for what a YAML file in
 * `content/flowcharts/` may contain. The JSON Schema served to editors and the
 * TypeScript types are both generated from these Zod schemas.
 */
import { z } from "zod";
import { limits } from "./limits.ts";

export { limits, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from "./limits.ts";

const shortText = () => z.string().max(limits.short, { message: `is too long (at most ${limits.short} characters)` });
const longText = () =>
	z.string().max(limits.long, {
		message: `is too long (at most ${limits.long.toLocaleString("en-US")} characters)`,
	});

/** Step and role ids become URL anchors and Mermaid node ids: keep them to a safe alphabet. */
export const idPattern = /^[a-z][a-z0-9_-]*$/;
const idHint = "lower-case letters, digits, '-' and '_', starting with a letter";

/** An id of a step or role, e.g. `prospecting` or `ae`. */
export const IdSchema = z
	.string()
	.regex(idPattern, { message: `must use ${idHint}` })
	.describe(`An identifier: ${idHint}.`);

/** A role: a short name, or an object with a name and optional contact details. */
export const RoleSchema = z.union([
	shortText().min(1).describe("The role's display name, e.g. 'Account executive'."),
	z
		.strictObject({
			name: shortText().min(1).describe("Display name, e.g. 'Account executive'."),
			description: longText().optional().describe("What the role does, one or two sentences (inline Markdown)."),
			// Used only when no repository is configured (otherwise suggestions go to the repository).
			email: z.email().optional().describe("Address that receives suggestions for flowcharts this role owns."),
		})
		.describe("A role with a display name and optional description and e-mail address."),
]);

/** A conversion target: a fraction between 0 and 1, or a percentage string such as "40%". */
export const PercentSchema = z
	.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%\s*$/, { message: "must be a percentage such as '40%'" })])
	.describe("A share: a percentage string such as '40%', or a number between 0 and 1.");

/** Targets for a stage, compared with real numbers when a CRM export exists. */
export const StepMetricsSchema = z
	.strictObject({
		target_conversion: PercentSchema.optional().describe(
			"Share of deals entering this step that should move on, e.g. '40%'.",
		),
		max_days: z
			.number()
			.optional()
			.describe("Days a deal may stay in this step before it counts as stalled (a positive number)."),
	})
	.describe("Metric targets for the step.");

/** A task a system does on its own. */
export const AutomationSchema = z
	.strictObject({
		trigger: longText().min(1).describe("What sets the automation off, e.g. 'No reply 3 days after first email'."),
		action: longText().min(1).describe("What the system does, e.g. 'Send follow-up email'."),
		system: shortText().min(1).describe("The tool that does it, e.g. 'CRM sequence'."),
	})
	.describe("A task done automatically by a system.");

/** One outgoing transition of a step. */
export const TransitionSchema = z
	.strictObject({
		to: IdSchema.describe("Id of the step this transition leads to."),
		when: shortText()
			.min(1)
			.optional()
			.describe("The condition that triggers this transition, shown on the arrow. Required on decision branches."),
	})
	.describe("A transition to another step, labelled with the condition that triggers it.");

/** Where a step leads: one step id, or a list of transitions. */
export const NextSchema = z
	.union([IdSchema, z.array(TransitionSchema).max(limits.list)])
	.describe("Where the step leads: a step id, or a list of {to, when} transitions.");

export const stepTypes = ["start", "stage", "decision", "end"] as const;
export const outcomes = ["won", "lost", "other"] as const;

/** One box in the flowchart. */
export const StepSchema = z
	.strictObject({
		id: IdSchema.describe("Unique id of the step within the flowchart; its section on the page is #step-<id>."),
		type: z
			.enum(stepTypes)
			.default("stage")
			.describe("start or end (terminators), decision (diamond) or stage (rectangle, the default)."),
		label: shortText().min(1).describe("Short label shown in the diagram."),
		outcome: z.enum(outcomes).optional().describe("For end steps: won, lost or other. Used to compute win rate."),
		description: longText().optional().describe("What happens in this step (inline Markdown)."),
		responsible: IdSchema.optional().describe("Role that does the work (R); the step is drawn in its swimlane."),
		accountable: IdSchema.optional().describe("Role that answers for the outcome (A)."),
		consulted: z.array(IdSchema).max(limits.list).optional().describe("Roles asked for input (C)."),
		informed: z.array(IdSchema).max(limits.list).optional().describe("Roles kept up to date (I)."),
		tasks: z
			.array(longText().min(1))
			.max(limits.list)
			.optional()
			.describe("Things to do in this step (inline Markdown each)."),
		entry: longText().optional().describe("Entry criteria: what must be true before a deal enters this step."),
		exit: longText().optional().describe("Exit criteria: what 'done' means for this step."),
		metrics: StepMetricsSchema.optional(),
		automations: z
			.array(AutomationSchema)
			.max(limits.list)
			.optional()
			.describe("Tasks done automatically in this step."),
		next: NextSchema.optional(),
	})
	.describe("A step of the process: a start, a stage, a decision or an end.");

/** Answers to the four review questions from the playbook's review routine. */
export const ReviewAnswersSchema = z
	.strictObject({
		goals: z.string().optional().describe("Still aligned with business goals and sales strategy?"),
		market: z.string().optional().describe("Market or competitive changes that need adjustments?"),
		tools: z.string().optional().describe("New tools or technology that could automate or simplify a task?"),
		feedback: z.string().optional().describe("Feedback or suggestions from the team?"),
	})
	.describe("Answers to the four review questions.");

/** One review of the flowchart. */
export const ReviewEntrySchema = z
	.strictObject({
		date: z
			.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" }), z.date()])
			.describe("Day of the review, written YYYY-MM-DD."),
		by: z.string().min(1).describe("Who reviewed it."),
		summary: z.string().min(1).describe("What was decided or changed."),
		answers: ReviewAnswersSchema.optional(),
	})
	.describe("A review of the flowchart.");

/** How often the flowchart is reviewed, and the reviews so far. */
export const ReviewSchema = z
	.strictObject({
		every: z
			.string()
			.regex(/^\s*\d+\s*(day|week|month|year)s?\s*$/, {
				message: "must be a number and a unit, such as '6 months' or '1 year'",
			})
			.optional()
			.describe("Review cadence such as '6 months' or '1 year'. Defaults to the site-wide cadence."),
		log: z.array(ReviewEntrySchema).default([]).describe("Reviews so far."),
	})
	.describe("Review cadence and log.");

/** Overrides for how the diagram is drawn; each choice is made from the flowchart's shape when left out. */
export const LayoutSchema = z
	.strictObject({
		engine: z
			.enum(["dagre", "elk"])
			.optional()
			.describe(
				"Layout engine: elk (the default: lanes side by side, start lane first) or dagre (lanes stacked as phases).",
			),
		edgeLabels: z
			.enum(["branches", "all"])
			.optional()
			.describe(
				"Which arrows show their condition: branches (the default: arrows leaving a decision or a step with several ways out) or all.",
			),
		spacing: z
			.enum(["compact", "roomy"])
			.optional()
			.describe("Space between boxes: compact (the default, fits more on a screen) or roomy."),
	})
	.describe("How the diagram is drawn. Leave it out: Flowbook chooses from the flowchart's shape.");

/** A transition the team accepts although the flowchart does not draw it. */
export const AllowedTransitionSchema = z
	.strictObject({
		from: IdSchema.describe("Id of the step deals leave."),
		to: IdSchema.describe("Id of the step deals go to."),
		reason: shortText().min(1).describe("Why the team accepts this shortcut; shown next to it on the metrics page."),
	})
	.describe("A transition deals may take without counting against conformance.");

/** How the CRM history is checked against this flowchart. */
export const ConformanceSchema = z
	.strictObject({
		allow: z
			.array(AllowedTransitionSchema)
			.max(limits.list)
			.default([])
			.describe("Transitions the team accepts although the diagram does not draw them."),
		lost_anywhere: z
			.boolean()
			.default(true)
			.describe("A deal may be marked lost at any stage without a drawn arrow (default true)."),
		by_owner: z
			.boolean()
			.default(false)
			.describe("Show conformance per deal owner (individual reps). Off by default: roles and teams only."),
	})
	.describe("Conformance of real deals against this flowchart (needs a CRM export).");

/** A Salesforce field's API name: `Amount`, `NextStep`, `Budget_Confirmed__c`. */
export const salesforceFieldPattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/** How the flowchart is taken into a CRM (`npm run export:crm`): Salesforce Path and HubSpot pipeline. */
export const CrmSchema = z
	.strictObject({
		/** Name of the Salesforce Path and the HubSpot pipeline; defaults to the flowchart's title. */
		name: shortText()
			.min(1)
			.optional()
			.describe("Name of the Salesforce Path and HubSpot pipeline; defaults to the title."),
		/** Salesforce record type the Path is for. */
		record_type: z
			.string()
			.regex(salesforceFieldPattern, { message: "must be a record type's API name, such as 'New_Business'" })
			.optional()
			.describe("Salesforce record type (API name) the Path is for; defaults to __MASTER__ (all opportunities)."),
		/** Step id → Salesforce fields shown as key fields on that stage of the Path. */
		key_fields: z
			.record(
				IdSchema,
				z
					.array(
						z.string().regex(salesforceFieldPattern, {
							message: "must be a field's API name, such as 'Amount' or 'Budget_Confirmed__c'",
						}),
					)
					.max(limits.list),
			)
			.optional()
			.describe(
				"Key fields reps fill in at each stage, by step id: `qualification: [Amount, CloseDate, Budget_Confirmed__c]` (Salesforce API names).",
			),
	})
	.describe("How the flowchart is exported as CRM guidance (Salesforce Path, HubSpot pipeline).");

/** A sales process. */
export const FlowchartSchema = z
	.strictObject({
		/** Editors' schema hint; ignored by the build. */
		$schema: z.string().optional().describe("Path or URL of this JSON Schema; ignored by the build."),
		title: shortText().min(1).describe("Title of the process."),
		summary: longText().optional().describe("One sentence: what the process is for (inline Markdown)."),
		owner: IdSchema.optional().describe("Role that keeps this flowchart current."),
		direction: z
			.enum(["LR", "TB"])
			.optional()
			.describe(
				"Diagram direction: LR (left to right) or TB (top to bottom). Leave it out to let Flowbook choose from the flowchart's shape.",
			),
		layout: LayoutSchema.optional(),
		order: z.number().optional().describe("Place in the navigation and onboarding order; lower comes first."),
		roles: z.record(IdSchema, RoleSchema).describe("The roles taking part, keyed by role id: `ae: Account executive`."),
		steps: z.array(StepSchema).min(1).max(limits.steps).describe("The steps of the process, in reading order."),
		review: ReviewSchema.optional(),
		conformance: ConformanceSchema.optional(),
		crm: CrmSchema.optional(),
	})
	.describe("A sales process flowchart.");

export type Flowchart = z.output<typeof FlowchartSchema>;
export type FlowchartInput = z.input<typeof FlowchartSchema>;
export type Step = z.output<typeof StepSchema>;
export type StepType = (typeof stepTypes)[number];
export type Role = z.output<typeof RoleSchema>;
export type Transition = z.output<typeof TransitionSchema>;
export type Automation = z.output<typeof AutomationSchema>;
export type LayoutHint = z.output<typeof LayoutSchema>;
export type ReviewEntry = z.output<typeof ReviewEntrySchema>;
export type AllowedTransition = z.output<typeof AllowedTransitionSchema>;
export type CrmSettings = z.output<typeof CrmSchema>;

/** A flowchart read from disk: its id is the file name without extension. */
export interface LoadedFlowchart {
	/** File name without `.yaml`, e.g. `b2b`. */
	id: string;
	/** Path relative to the project root, with forward slashes, e.g. `content/flowcharts/b2b.yaml`. */
	file: string;
	data: Flowchart;
}

/** Outgoing transitions of a step, whichever way `next` was written. */
export function transitionsOf(step: Step): Transition[] {
	if (step.next === undefined) return [];
	if (typeof step.next === "string") return [{ to: step.next }];
	return step.next;
}

/** A role's display name. */
export function roleName(role: Role | undefined, fallbackId: string): string {
	if (role === undefined) return fallbackId;
	return typeof role === "string" ? role : role.name;
}

/** A conversion target as a fraction (0.4 for "40%"); undefined when absent. */
export function targetFraction(value: number | string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (typeof value === "number") return value;
	return Number.parseFloat(value) / 100;
}
