/**
 * The CRM stages a flowchart exports to, named as the CRM names them: through
 * `content/metrics/<id>/mapping.yaml` (`stages:` CRM stage → step id), the same file the metrics read, so
 * the YAML, the CRM and the metrics agree. Pure: the caller reads the file.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { flowOrder } from "../flow-order.ts";
import { type Mapping, parseMapping } from "../metrics/mapping.ts";
import type { LoadedFlowchart, Step } from "../schema/flowchart.ts";

/** One CRM stage and the flowchart step it stands for. */
export interface CrmStage {
	/** The stage's name in the CRM, e.g. "Qualified To Buy". */
	name: string;
	step: Step;
}

export interface CrmStagesResult {
	/** In flow order; absent when the mapping has errors. */
	stages?: CrmStage[];
	mapping?: Mapping;
	diagnostics: Diagnostic[];
}

/** Steps a deal sits in, so each needs a CRM stage: stages, and ends that decide the deal. */
export function needsCrmStage(step: Step): boolean {
	return step.type === "stage" || (step.type === "end" && step.outcome !== undefined && step.outcome !== "other");
}

/**
 * `mappingText` undefined: no mapping yet, so the stages take the steps' labels (a new pipeline), with a
 * warning. Otherwise every mapped step must exist and every deal-holding step must have a CRM stage:
 * an export that leaves a stage out would put guidance on the wrong stage or none.
 */
export function crmStages(fc: LoadedFlowchart, mappingText: string | undefined, mappingFile: string): CrmStagesResult {
	const order = flowOrder(fc.data);
	if (mappingText === undefined) {
		return {
			stages: order.filter(needsCrmStage).map((step) => ({ name: step.label, step })),
			diagnostics: [
				{
					severity: "warning",
					file: mappingFile,
					code: "crm-mapping-missing",
					message: `no ${mappingFile}, so the CRM stages are named after the steps' labels`,
					hint: "If the CRM already has stages, write mapping.yaml with a stages: map (CRM stage name: step id) so the export uses their names (see content/metrics/README.md).",
				},
			],
		};
	}
	const { mapping, diagnostics } = parseMapping(mappingText, mappingFile, fc.data);
	const located = diagnostics.map((d) =>
		d.code === "metrics-mapping-unmapped-step"
			? {
					...d,
					severity: "error" as const,
					code: "crm-unmapped-step",
					message: `${d.message.replace(/, so (it|they) will show no numbers\.$/, "")}: the CRM export would have no stage for ${/steps /.test(d.message) ? "them" : "it"}.`,
				}
			: d,
	);
	if (!mapping || located.some((d) => d.severity === "error")) return { diagnostics: located };
	const rank = new Map(order.map((step, i) => [step.id, i]));
	const byId = new Map(fc.data.steps.map((s) => [s.id, s]));
	const stages = Object.entries(mapping.stages)
		.map(([name, id]) => ({ name, step: byId.get(id) as Step }))
		// Array sort is stable: CRM stages of one step keep the mapping file's order.
		.sort((a, b) => (rank.get(a.step.id) ?? 0) - (rank.get(b.step.id) ?? 0));
	return { stages, mapping, diagnostics: located };
}
