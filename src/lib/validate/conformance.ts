/** Checks the `conformance:` block: every allowed transition names real steps, and adds something new. */
import { buildProcessGraph } from "../graph/model.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { didYouMean, listOf } from "../text/suggest.ts";
import type { Reporter } from "./report.ts";

export function checkConformance(data: Flowchart, r: Reporter): void {
	const allow = data.conformance?.allow ?? [];
	if (allow.length === 0) return;
	const graph = buildProcessGraph(data);
	const ids = graph.ids;
	allow.forEach((entry, i) => {
		let known = true;
		for (const end of ["from", "to"] as const) {
			if (graph.index.has(entry[end])) continue;
			known = false;
			r.report(
				"error",
				"unknown-step",
				["conformance", "allow", i, end],
				`conformance.allow: ${end} → unknown step ${JSON.stringify(entry[end])}${didYouMean(entry[end], ids)}`,
				`Defined steps: ${listOf(ids)}.`,
			);
		}
		if (!known) return;
		const drawn = graph.edges.some((e) => ids[e.from] === entry.from && ids[e.to] === entry.to);
		if (drawn) {
			r.report(
				"warning",
				"allow-drawn",
				["conformance", "allow", i],
				`conformance.allow: ${entry.from} → ${entry.to} is already an arrow of the flowchart`,
				"Deals following a drawn arrow already conform; remove this entry.",
			);
		}
	});
}
