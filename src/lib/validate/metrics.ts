/** Metric targets must be numbers the charts can use. */
import type { Flowchart } from "../schema/flowchart.ts";
import type { Reporter } from "./report.ts";

export function checkMetrics(data: Flowchart, r: Reporter): void {
	data.steps.forEach((step, i) => {
		const m = step.metrics;
		if (!m) return;
		const subject = `step ${JSON.stringify(step.id)}: `;
		const target = m.target_conversion;
		if (typeof target === "number" && !(target >= 0 && target <= 1)) {
			r.report(
				"error",
				"metric-range",
				["steps", i, "metrics", "target_conversion"],
				`${subject}\`target_conversion\` must be between 0 and 1, got ${target}`,
				target > 1 && target <= 100
					? `Write a percentage in quotes, "${target}%", or a fraction, ${target / 100}.`
					: 'Write a percentage such as "40%", or a fraction between 0 and 1 such as 0.4.',
			);
		} else if (typeof target === "string" && Number.parseFloat(target) > 100) {
			r.report(
				"error",
				"metric-range",
				["steps", i, "metrics", "target_conversion"],
				`${subject}\`target_conversion\` must be at most 100%, got ${JSON.stringify(target.trim())}`,
				"A conversion target is the share of deals that move on: between 0% and 100%.",
			);
		}
		if (m.max_days !== undefined && !(m.max_days > 0 && Number.isFinite(m.max_days))) {
			r.report(
				"error",
				"metric-range",
				["steps", i, "metrics", "max_days"],
				`${subject}\`max_days\` must be a positive number of days, got ${m.max_days}`,
				"Write how many days a deal may stay in this step before it counts as stalled, e.g. `max_days: 14`.",
			);
		}
	});
}
