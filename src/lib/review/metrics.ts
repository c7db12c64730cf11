/** Adapts the metrics module's report to the checklist's metrics section. */
import type { MetricsReport } from "../metrics/index.ts";
import type { ChecklistMetrics } from "./checklist.ts";
import { checklistConformance } from "./conformance.ts";
import type { CalendarDate } from "./due.ts";

function periodOf(day: CalendarDate, kind: string): string {
	const [y, m] = day.split("-").map(Number) as [number, number];
	return kind === "quarter" ? `${y}-Q${Math.floor((m - 1) / 3) + 1}` : `${y}-${String(m).padStart(2, "0")}`;
}

const pct = (v: number | undefined) => (v === undefined ? undefined : `${Math.round(v * 1000) / 10}%`);

/**
 * Step conversion, time in step and stalled deals against their targets, plus recent win rates.
 * `report` must cover the events since `lastReview` (load it with `since`); without a review, the whole export.
 */
export function checklistMetrics(report: MetricsReport, lastReview: CalendarDate | undefined): ChecklistMetrics {
	const m = report.metrics;
	const rows: ChecklistMetrics["rows"] = [];
	const flagged = new Map(report.bottlenecks.map((b) => [b.step, b]));
	for (const s of m.steps) {
		if (s.type === "end" || s.type === "start") continue;
		const b = flagged.get(s.id);
		if (s.overall.conversion) {
			rows.push({
				step: s.label,
				measure: "Conversion",
				actual: s.overall.conversion.display,
				target: pct(s.target.conversion),
				offTarget: b?.kinds.includes("conversion") ?? false,
			});
		}
		if (s.overall.medianDays) {
			rows.push({
				step: s.label,
				measure: "Median days in step",
				actual: s.overall.medianDays.display,
				target: s.target.maxDays === undefined ? undefined : `${s.target.maxDays} days max`,
				offTarget: b?.kinds.includes("time") ?? false,
			});
		}
		if (s.stalled && (s.stalled.numerator ?? 0) > 0) {
			rows.push({ step: s.label, measure: "Stalled open deals", actual: s.stalled.display });
		}
	}
	rows.push({ step: "All", measure: "Win rate", actual: m.headline.winRate.display });
	// Inside a window, a deal's first steps may be before it: its cycle would look short, so it is not shown.
	if (lastReview === undefined)
		rows.push({ step: "All", measure: "Sales cycle", actual: m.headline.cycleDays.display });
	const labels = new Map(m.steps.map((s) => [s.id, s.label]));
	const label = (id: string) => labels.get(id) ?? id;
	const notes = report.bottlenecks.flatMap((b) => b.reasons.map((r) => `Bottleneck at ${b.label}: ${r}`));
	if (lastReview !== undefined) {
		notes.push("Sales cycle is not shown: deals that started before the review would look shorter than they were.");
	}
	if (lastReview !== undefined) {
		const from = periodOf(lastReview, m.periodKind);
		const recent = m.headlineByPeriod.filter((h) => h.period >= from);
		if (recent.length > 0) {
			notes.push(
				`Win rate by period since the last review: ${recent.map((h) => `${h.period} ${h.winRate.display}`).join(", ")}.`,
			);
		}
	}
	// The report was computed from the events since `lastReview` (see run.ts), so that day starts the window.
	return {
		since: lastReview ?? m.firstEvent.slice(0, 10),
		until: m.exportDate.slice(0, 10),
		scope: lastReview === undefined ? "whole-export" : "since-review",
		deals: m.deals,
		source: `${report.folder}/`,
		rows,
		notes,
		...(report.conformance.deals > 0 ? { conformance: checklistConformance(report.conformance, label) } : {}),
	};
}
