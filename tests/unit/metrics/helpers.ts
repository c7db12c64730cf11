import { conformanceOf } from "../../../src/lib/conformance/index.ts";
import { type StageEvent, storeFromEvents } from "../../../src/lib/events/store.ts";
import { diagramAnnotations, findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import type { DataQualityReport, MetricsReport } from "../../../src/lib/metrics/index.ts";
import type { Flowchart } from "../../../src/lib/schema/flowchart.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);

/** s → a → d? (yes → b, no → n); n → a (loop) or lost; b → won. */
export function smallFlowchart(): Flowchart {
	return FlowchartSchema.parse({
		title: "Small",
		roles: { r: "Rep" },
		steps: [
			{ id: "s", type: "start", label: "Start", next: "a" },
			{ id: "a", label: "A", metrics: { target_conversion: "90%", max_days: 5 }, next: "d" },
			{
				id: "d",
				type: "decision",
				label: "D?",
				next: [
					{ to: "b", when: "Yes" },
					{ to: "n", when: "No" },
				],
			},
			{
				id: "n",
				label: "Nurture",
				metrics: { target_conversion: "10%", max_days: 90 },
				next: [{ to: "a" }, { to: "lost" }],
			},
			{ id: "b", label: "B", metrics: { target_conversion: 0.6, max_days: 3 }, next: "won" },
			{ id: "won", type: "end", label: "Won", outcome: "won" },
			{ id: "lost", type: "end", label: "Lost", outcome: "lost" },
		],
	});
}

let line = 1;
/** An event `day` days after 2026-01-01 (day 90 is 2026-04-01, the first day of Q2). */
export function ev(deal: string, step: string, day: number, amount?: number): StageEvent {
	line++;
	return { deal, step, at: T0 + day * DAY, file: "t.csv", line, ...(amount !== undefined ? { amount } : {}) };
}

/** The hand-checked export used across tests (see the comments in compute.test.ts). */
export function smallEvents(): StageEvent[] {
	line = 1;
	return [
		ev("D1", "s", 0),
		ev("D1", "a", 1),
		ev("D1", "b", 3),
		ev("D1", "won", 4, 1000),
		ev("D2", "s", 0),
		ev("D2", "a", 2, 2500),
		ev("D2", "n", 4),
		ev("D2", "a", 10),
		ev("D2", "b", 12),
		ev("D2", "won", 20, 3000),
		ev("D3", "s", 0),
		ev("D3", "a", 5),
		ev("D3", "lost", 6),
		ev("D4", "s", 0),
		ev("D4", "b", 2),
		ev("D5", "s", 88),
		ev("D5", "a", 89),
		ev("D5", "b", 91),
		// D6: enters s and a at the same moment (a tie), in export order.
		ev("D6", "s", 10),
		ev("D6", "a", 10),
		ev("D6", "n", 15),
		ev("D6", "lost", 16),
	];
}

/** The whole report for the small flowchart and the hand-checked export, as the pages get it. */
export function smallReport(
	dataQuality: DataQualityReport = { rows: 22, used: 22, issues: [], ignored: [], files: ["t.csv"] },
): MetricsReport {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	const metrics = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	const bottlenecks = findBottlenecks(metrics, { minSample: 1 });
	return {
		flowchartId: "small",
		folder: "content/metrics/small",
		metrics,
		bottlenecks,
		annotations: diagramAnnotations(metrics, bottlenecks),
		dataQuality,
		conformance: conformanceOf(fc, store),
	};
}
