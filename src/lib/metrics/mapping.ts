/**
 * `content/metrics/<flowchart-id>/mapping.yaml`: how one CRM's stage-history export maps onto a
 * flowchart. It lives beside the CSVs (not in the flowchart YAML) because it describes the export,
 * which changes with the CRM, while the flowchart describes the process.
 */
import { z } from "zod";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { loadYamlSource } from "../load/load-yaml-file.ts";
import type { Locator } from "../load/parse-yaml.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { closest, didYouMean } from "../text/suggest.ts";

export const timestampFormats = ["iso", "us", "eu", "unix", "unix_ms"] as const;
export type TimestampFormat = (typeof timestampFormats)[number];

/** Column names in the CSV header (matched case-insensitively, surrounding spaces ignored). */
export const MappingColumnsSchema = z
	.strictObject({
		/** Column holding the deal's id, e.g. HubSpot "Record ID", Salesforce "Opportunity ID". */
		deal: z.string().min(1).describe("Column holding the deal id, e.g. 'Record ID' or 'Opportunity ID'."),
		/** Column holding the CRM stage the deal entered. */
		stage: z.string().min(1).describe("Column holding the CRM stage name the deal entered, e.g. 'Deal Stage'."),
		/** Column holding when the deal entered that stage. */
		timestamp: z
			.string()
			.min(1)
			.describe("Column holding when the deal entered the stage, e.g. 'Date entered stage' or 'Last Modified'."),
		/** Column holding the deal amount; empty cells are allowed. */
		amount: z.string().min(1).describe("Column holding the deal amount; empty cells are allowed."),
		/** Optional column holding the deal owner. */
		owner: z.string().min(1).optional().describe("Optional column holding the deal owner."),
	})
	.describe("Names of the CSV columns to read.");

/** Mapping of one CRM export onto a flowchart's steps. */
export const MappingSchema = z
	.strictObject({
		columns: MappingColumnsSchema,
		/** How timestamps are written; `iso` also accepts `2026-03-14 09:05` and a bare date. */
		timestamp_format: z
			.enum(timestampFormats)
			.default("iso")
			.describe(
				"How timestamps are written: iso (2026-03-14, 2026-03-14 09:05, 2026-03-14T09:05:00Z), us (3/14/2026 9:05 AM), eu (14/03/2026 09:05), unix (seconds) or unix_ms. Times without a zone are read as UTC.",
			),
		/** Decimal separator of amounts; the other of `.` and `,` is read as a thousands separator. */
		decimal_separator: z
			.enum([".", ","])
			.default(".")
			.describe("Decimal separator of amounts: '.' (1,234.50) or ',' (1.234,50). Currency symbols are ignored."),
		/** CRM stage name → step id. Several CRM names may map to one step. */
		stages: z
			.record(z.string().min(1), z.string().min(1))
			.refine((m) => Object.keys(m).length > 0, { message: "must map at least one CRM stage" })
			.describe(
				"CRM stage name → flowchart step id, e.g. 'Closed Won: won'. Several CRM names may map to one step. Names match case-insensitively.",
			),
		/** CRM stages deliberately left out (counted in the report, never a warning). */
		ignore_stages: z
			.array(z.string().min(1))
			.default([])
			.describe("CRM stage names deliberately left out; their rows are counted but not warned about."),
		/** ISO 4217 code used to display amounts, e.g. USD. */
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, { message: "must be a three-letter currency code such as 'USD'" })
			.optional()
			.describe("Three-letter currency code used to display amounts, e.g. 'USD' or 'EUR'."),
		/** Reporting period for trends. */
		period: z.enum(["quarter", "month"]).default("quarter").describe("Period for trends: quarter (default) or month."),
		/** Fail the build on any bad row instead of warning. */
		strict: z.boolean().default(false).describe("When true, any bad row is an error that fails the build."),
		/** The day the export was taken; defaults to the latest timestamp in the data. */
		export_date: z
			.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" }), z.date()])
			.optional()
			.describe("Day the export was taken (YYYY-MM-DD), used for stalled deals. Defaults to the latest timestamp."),
	})
	.describe("How a CRM stage-history export maps onto a flowchart.");

export type Mapping = z.output<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;

/** Result of reading a mapping file: the mapping when valid, plus any problems found. */
export interface MappingResult {
	mapping?: Mapping;
	diagnostics: Diagnostic[];
}

/**
 * Parses and validates mapping YAML text against the schema and the flowchart's step ids, through
 * the same loader as every other YAML input (located, friendly messages). The stage map is checked
 * even when another part of the file breaks the schema, so one run shows every problem.
 * `file` is the project-relative path used in diagnostics.
 */
export function parseMapping(text: string, file: string, flowchart: Flowchart): MappingResult {
	const loaded = loadYamlSource(MappingSchema, file, text);
	const diagnostics = loaded.diagnostics.map((d) =>
		d.code === "yaml-syntax"
			? {
					...d,
					code: "metrics-mapping-yaml",
					hint: `${d.hint ?? ""} Quote CRM stage names that contain ':' or '#'.`.trim(),
				}
			: d,
	);
	const stages =
		loaded.value !== null && typeof loaded.value === "object"
			? (loaded.value as { stages?: unknown }).stages
			: undefined;
	if (stages !== null && typeof stages === "object" && !Array.isArray(stages)) {
		diagnostics.push(...checkStageTargets(stages as Record<string, unknown>, file, flowchart, loaded.locate));
	}
	const mapping = loaded.data;
	const sorted = sortDiagnostics(diagnostics);
	if (!mapping || sorted.some((d) => d.severity === "error")) return { diagnostics: sorted };
	return { mapping, diagnostics: sorted };
}

/** Every CRM stage must map to a step; every stage and outcome step should have a CRM stage. */
function checkStageTargets(
	stages: Record<string, unknown>,
	file: string,
	flowchart: Flowchart,
	locate: Locator,
): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const stepIds = flowchart.steps.map((s) => s.id);
	for (const [crm, step] of Object.entries(stages)) {
		if (typeof step !== "string" || step === "" || stepIds.includes(step)) continue;
		diagnostics.push({
			severity: "error",
			file,
			...locate(["stages", crm]),
			message: `CRM stage '${crm}' maps to '${step}', which is not a step of the flowchart${didYouMean(step, stepIds, "'")}.`,
			hint: `Use one of: ${stepIds.join(", ")}.`,
			code: "metrics-mapping-unknown-step",
		});
	}
	// A typo'd target ("wonn") is already an error above; its step counts as mapped, not also as unmapped.
	const mapped = new Set(
		Object.values(stages).map((step) => (typeof step === "string" ? (closest(step, stepIds) ?? step) : step)),
	);
	const unmapped = flowchart.steps.filter(
		(step) => (step.type === "stage" || (step.type === "end" && step.outcome !== undefined)) && !mapped.has(step.id),
	);
	if (unmapped.length > 0) {
		const names = unmapped.map((step) => `'${step.id}'`).join(", ");
		diagnostics.push({
			severity: "warning",
			file,
			...locate(["stages"], "key"),
			message: `No CRM stage maps to ${unmapped.length === 1 ? "step" : "steps"} ${names}, so ${unmapped.length === 1 ? "it" : "they"} will show no numbers.`,
			hint: `Add a line such as '"<CRM stage name>": ${unmapped[0]?.id}' under stages for each.`,
			code: "metrics-mapping-unmapped-step",
		});
	}
	return diagnostics;
}
