/**
 * HubSpot deal pipeline, as the CRM v3 pipelines API takes it (`POST /crm/v3/pipelines/deals`): stages in
 * flow order with their win probability. HubSpot's stage metadata values are strings. Pure.
 */
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import type { CrmStage } from "./crm-stages.ts";
import type { WinProbability } from "./win-probability.ts";

export interface HubspotStage {
	label: string;
	displayOrder: number;
	metadata: { probability: string; isClosed: string };
}

export interface HubspotPipeline {
	label: string;
	displayOrder: number;
	stages: HubspotStage[];
}

/** Two decimals, as HubSpot's stage editor shows them (0.35 = 35%). */
function probabilityText(value: number): string {
	return String(Math.round(Math.min(1, Math.max(0, value)) * 100) / 100);
}

export function hubspotPipeline(
	fc: LoadedFlowchart,
	stages: readonly CrmStage[],
	probabilities: ReadonlyMap<string, WinProbability>,
): HubspotPipeline {
	return {
		// HubSpot limits a pipeline label to 36 characters.
		label: (fc.data.crm?.name ?? fc.data.title).slice(0, 36),
		displayOrder: fc.data.order ?? 0,
		stages: stages.map((stage, i) => ({
			label: stage.name,
			displayOrder: i,
			metadata: {
				probability: probabilityText(probabilities.get(stage.step.id)?.value ?? 0),
				isClosed: String(stage.step.type === "end"),
			},
		})),
	};
}
