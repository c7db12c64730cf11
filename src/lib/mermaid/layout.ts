/**
 * How a flowchart's diagram is laid out, chosen from the graph's shape so the whole process fits a laptop screen
 * at a legible size: the direction, the engine, which arrows carry their condition and the spacing. An author's
 * `direction:` or `layout:` in the YAML overrides each choice.
 */
import { flowRanks } from "../flow-order.ts";
import { type Flowchart, type Step, transitionsOf } from "../schema/flowchart.ts";

export interface DiagramLayout {
	direction: "LR" | "TB";
	/**
	 * ELK (the default) packs lanes side by side and keeps the start's lane first: the B2B sample is 722x1024 px
	 * against dagre's 578x1751 (docs/benchmarks.md). dagre stacks lanes as phases along one long column.
	 */
	engine: "dagre" | "elk";
	/** `branches`: conditions only on arrows leaving a step with several ways out (the rest are in the step list). */
	edgeLabels: "all" | "branches";
	spacing: "compact" | "roomy";
}

/**
 * The diagram box at 1366x768 (content column minus padding; viewport minus header), in CSS px, and the smallest
 * scale that keeps Mermaid's 16 px labels at 11 px or more.
 */
export const FIT_BOX = { width: 796, height: 640, minScale: 11 / 16 } as const;

/** Rough drawn sizes in Mermaid px at 16 px text, with compact spacing; enough to compare two directions. */
const SIZE = { charWidth: 8.5, lineHeight: 24, padding: 12, wrap: 160, rankGap: 20, nodeGap: 16, label: 28 };

function nodeSize(step: Step): { width: number; height: number } {
	const textWidth = Math.min(SIZE.wrap, step.label.length * SIZE.charWidth);
	const lines = Math.ceil((step.label.length * SIZE.charWidth) / SIZE.wrap);
	const width = textWidth + 2 * SIZE.padding;
	const height = lines * SIZE.lineHeight + SIZE.padding;
	// Mermaid's diamond is as wide and as tall as the label's width plus height.
	if (step.type === "decision") return { width: width + height, height: width + height };
	return { width, height };
}

/** Whether the arrows leaving a step carry their condition under this layout. */
export function showsEdgeLabels(step: Step, edgeLabels: DiagramLayout["edgeLabels"]): boolean {
	return edgeLabels === "all" || step.type === "decision" || transitionsOf(step).length > 1;
}

/** Estimated drawn width and height of the diagram in one direction. */
export function estimateSize(
	data: Pick<Flowchart, "steps">,
	direction: DiagramLayout["direction"],
	edgeLabels: DiagramLayout["edgeLabels"] = "branches",
): { width: number; height: number } {
	const ranks = flowRanks(data);
	const along = new Map<number, number>();
	const across = new Map<number, number>();
	const labelled = new Set<number>();
	for (const step of data.steps) {
		const rank = ranks.get(step.id) ?? 0;
		const size = nodeSize(step);
		const [a, c] = direction === "LR" ? [size.width, size.height] : [size.height, size.width];
		along.set(rank, Math.max(along.get(rank) ?? 0, a));
		across.set(rank, (across.get(rank) ?? 0) + c + SIZE.nodeGap);
		if (transitionsOf(step).some((t) => t.when) && showsEdgeLabels(step, edgeLabels)) labelled.add(rank);
	}
	let length = 0;
	for (const [rank, extent] of along) length += extent + SIZE.rankGap + (labelled.has(rank) ? SIZE.label * 2 : 0);
	const breadth = Math.max(...across.values());
	return direction === "LR" ? { width: length, height: breadth } : { width: breadth, height: length };
}

/** Left to right wins while it fits at this scale or more (labels at 14 px or more). */
const PREFER_LR_SCALE = 0.85;

/** The scale at which the diagram fits the box, at most 1. */
function fitScale(size: { width: number; height: number }): number {
	return Math.min(1, FIT_BOX.width / size.width, FIT_BOX.height / size.height);
}

/**
 * Left to right when the whole process fits the box legibly that way at least as well as top to bottom (short
 * processes read like a sentence); otherwise top to bottom, which keeps any length legible at the box's width.
 */
export function chooseDirection(data: Pick<Flowchart, "steps">): DiagramLayout["direction"] {
	const lr = estimateSize(data, "LR");
	const tb = estimateSize(data, "TB");
	const lrFits = lr.width * FIT_BOX.minScale <= FIT_BOX.width;
	const tbFits = tb.width * FIT_BOX.minScale <= FIT_BOX.width;
	// Nearly unscaled left to right beats a taller top to bottom that needs no scaling at all.
	if (lrFits && (!tbFits || fitScale(lr) >= Math.min(fitScale(tb), PREFER_LR_SCALE))) return "LR";
	if (tbFits) return "TB";
	// Neither fits the width: the narrower one needs the least zooming.
	return lr.width < tb.width ? "LR" : "TB";
}

export function chooseLayout(data: Pick<Flowchart, "steps" | "direction" | "layout">): DiagramLayout {
	const hint = data.layout ?? {};
	return {
		direction: data.direction ?? chooseDirection(data),
		engine: hint.engine ?? "elk",
		edgeLabels: hint.edgeLabels ?? "branches",
		spacing: hint.spacing ?? "compact",
	};
}

const spacing = {
	compact: { nodeSpacing: 16, rankSpacing: 20, padding: 6 },
	roomy: { nodeSpacing: 40, rankSpacing: 50, padding: 12 },
} as const;

/**
 * Mermaid front matter for the layout. It travels with the source, so the downloaded `.mmd` draws the same picture
 * and the render cache (keyed on the source) notices every layout change. `wrappingWidth` wraps labels at a width
 * that keeps short step names on one line ("Handover to CS"). Measured in Mermaid 12.3's bundle: `layout: elk` is
 * silently drawn by dagre and `layout: dagre` by ELK, so dagre is asked for by leaving the key out and ELK by
 * `elk.layered`. For ELK, model order keeps the start's lane first and loops drawn as loops ("re-engages" goes back
 * up), and a margin under each lane title keeps nodes off it (ELK otherwise places the first node over the title).
 * Mermaid also moves every arrow label down by half that margin; the ones that then cover a lane title are moved
 * back along their arrow after rendering (`src/lib/render/lane-titles.ts`).
 */
export function layoutFrontMatter(layout: DiagramLayout): string[] {
	const s = spacing[layout.spacing];
	return [
		"---",
		"config:",
		...(layout.engine === "elk"
			? [
					"  layout: elk.layered",
					"  elk:",
					"    considerModelOrder: NODES_AND_EDGES",
					"    nodePlacementStrategy: NETWORK_SIMPLEX",
				]
			: []),
		"  flowchart:",
		...(layout.engine === "elk" ? ["    subGraphTitleMargin:", "      top: 0", "      bottom: 24"] : []),
		`    nodeSpacing: ${s.nodeSpacing}`,
		`    rankSpacing: ${s.rankSpacing}`,
		`    padding: ${s.padding}`,
		`    wrappingWidth: ${SIZE.wrap}`,
		"---",
	];
}

/**
 * Label text with line breaks where they read best: a long decision question on two balanced lines (a smaller
 * diamond), a short last word kept with the one before ("Handover to CS"), a number kept with its unit and a range
 * with its dash ("30–45 min", U+2060 word joiner: Chromium breaks after an en dash).
 */
export function shapeLabel(step: Pick<Step, "type" | "label">): string {
	let text = step.label;
	if (/[\r\n]/.test(text)) return text;
	text = text
		.replace(/(\d) (?=\p{L})/gu, "$1\u00a0")
		.replace(/(\d)([–-])(?=\d)/gu, "$1$2\u2060")
		.replace(/ (\S{1,3})$/u, "\u00a0$1");
	if (step.type !== "decision" || text.length <= 14) return text;
	const words = text.split(" ");
	let best = 0;
	let bestDiff = Number.POSITIVE_INFINITY;
	for (let i = 1; i < words.length; i++) {
		const diff = Math.abs(words.slice(0, i).join(" ").length - words.slice(i).join(" ").length);
		if (diff < bestDiff) {
			bestDiff = diff;
			best = i;
		}
	}
	return best === 0 ? text : `${words.slice(0, best).join(" ")}\n${words.slice(best).join(" ")}`;
}
