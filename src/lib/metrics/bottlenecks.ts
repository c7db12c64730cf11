/**
 * Bottlenecks and diagram annotations. A bottleneck is a step whose overall conversion is under its
 * `target_conversion`, or whose median time in step exceeds `max_days`. Impact = visits that left the
 * step without moving on + open deals stalled there; bottlenecks are ranked by impact, then by
 * flowchart order. A step needs at least `minSample` decided visits before it can be flagged, so a
 * handful of deals cannot raise an alarm.
 */
import type { Lang } from "../../i18n/ui.ts";
import { formatter, type Message, message } from "../i18n/format.ts";
import type { FlowchartMetrics } from "./compute.ts";

export interface Bottleneck {
	step: string;
	label: string;
	/** Why it is flagged; one or both. */
	kinds: ("conversion" | "time")[];
	/** Visits that left without moving on plus stalled deals. */
	impact: number;
	notMovedOn: number;
	stalled: number;
	/** English sentences, one per kind (CLI and JSON API), e.g. "Conversion 22% is under the 40% target: 310 deals did not move on". */
	reasons: string[];
	/** The same sentences as messages, for pages in any language. */
	reasonMsgs: Message[];
}

export interface BottleneckOptions {
	/** Minimum decided visits (entries − still in step) before a step can be flagged; default 10. */
	minSample?: number;
}

export function findBottlenecks(metrics: FlowchartMetrics, options: BottleneckOptions = {}): Bottleneck[] {
	const minSample = options.minSample ?? 10;
	const found: (Bottleneck & { order: number })[] = [];
	metrics.steps.forEach((step, order) => {
		const o = step.overall;
		const decided = o.entries - o.stillIn;
		if (decided < minSample) return;
		const notMovedOn = decided - o.movedOn;
		const stalled = step.stalled?.value ?? 0;
		const kinds: Bottleneck["kinds"] = [];
		const reasonMsgs: Message[] = [];
		const conv = o.conversion?.value;
		const target = step.target.conversion;
		if (target !== undefined && conv !== null && conv !== undefined && conv < target) {
			kinds.push("conversion");
			reasonMsgs.push({
				key: "bottlenecks.conversion",
				args: { conversion: { share: conv }, target: { share: target }, deals: { deals: notMovedOn } },
			});
		}
		const median = o.medianDays?.value;
		const maxDays = step.target.maxDays;
		if (maxDays !== undefined && median !== null && median !== undefined && median > maxDays) {
			kinds.push("time");
			reasonMsgs.push({
				key: "bottlenecks.time",
				args: { median: { days: median }, limit: { days: maxDays }, deals: { deals: stalled } },
			});
		}
		if (kinds.length === 0) return;
		found.push({
			step: step.id,
			label: step.label,
			kinds,
			impact: notMovedOn + stalled,
			notMovedOn,
			stalled,
			reasons: reasonMsgs.map((m) => message("en", m)),
			reasonMsgs,
			order,
		});
	});
	return found.sort((x, y) => y.impact - x.impact || x.order - y.order).map(({ order: _, ...b }) => b);
}

/** The shape the Mermaid compiler accepts as `annotate`. */
export interface DiagramAnnotations {
	nodes: Record<string, { note?: string; classes?: string[] }>;
	/** Keyed "from->to". */
	edges: Record<string, { note?: string }>;
}

/**
 * Per-node "62% · 4.5d" / "62% · 4,5 hari" (conversion · median days; only what exists) with class
 * `bottleneck` on flagged steps, and per-edge shares, in the diagram page's language. Steps and edges
 * without data are left out.
 */
export function diagramAnnotations(
	metrics: FlowchartMetrics,
	bottlenecks: readonly Bottleneck[],
	lang: Lang = "en",
): DiagramAnnotations {
	const fmt = formatter(lang);
	const flagged = new Set(bottlenecks.map((b) => b.step));
	const nodes: DiagramAnnotations["nodes"] = {};
	for (const step of metrics.steps) {
		const parts: string[] = [];
		if (step.type === "start") continue;
		if (step.type === "end") {
			if (step.overall.deals > 0) parts.push(fmt.deals(step.overall.deals));
		} else {
			if (step.overall.conversion?.value != null) parts.push(fmt.share(step.overall.conversion.value));
			if (step.overall.medianDays?.value != null) parts.push(fmt.daysShort(step.overall.medianDays.value));
		}
		const node: { note?: string; classes?: string[] } = {};
		if (parts.length) node.note = parts.join(" · ");
		if (flagged.has(step.id)) node.classes = ["bottleneck"];
		if (node.note || node.classes) nodes[step.id] = node;
	}
	const edges: DiagramAnnotations["edges"] = {};
	for (const e of metrics.edges) {
		if (e.overall.value !== null) edges[e.key] = { note: fmt.share(e.overall.value) };
	}
	return { nodes, edges };
}
