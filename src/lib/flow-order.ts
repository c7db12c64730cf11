/**
 * The order a deal moves through a flowchart, read from its graph: starts first, then stages and decisions by how
 * far they are from a start, ends last. Used for the compact step list next to the diagram, the swimlane order and
 * the diagram's layout choice. Framework-free and pure.
 */
import { type Flowchart, type Step, transitionsOf } from "./schema/flowchart.ts";

/** The edges that move a deal forward, by step id: loops (edges back to an earlier step) left out. */
function forwardEdges(data: Pick<Flowchart, "steps">): Map<string, string[]> {
	const byId = new Map(data.steps.map((s) => [s.id, s]));
	const targets = (step: Step) => transitionsOf(step).filter((t) => byId.has(t.to) && t.to !== step.id);
	// Shortest distance from any start: an edge to a step nearer the start is a loop back ("re-engages").
	const distance = new Map<string, number>();
	const frontier = data.steps.filter((s) => s.type === "start").map((s) => s.id);
	for (const id of frontier) distance.set(id, 0);
	for (let i = 0; i < frontier.length; i++) {
		const id = frontier[i] as string;
		for (const t of targets(byId.get(id) as Step)) {
			if (distance.has(t.to)) continue;
			distance.set(t.to, (distance.get(id) ?? 0) + 1);
			frontier.push(t.to);
		}
	}
	const back = new Set<string>();
	for (const step of data.steps) {
		for (const t of targets(step)) {
			const from = distance.get(step.id);
			const to = distance.get(t.to);
			if (from !== undefined && to !== undefined && to < from) back.add(`${step.id}->${t.to}`);
		}
	}
	// Loops that the distances cannot tell apart: depth-first, an edge to a step still on the stack closes one.
	const state = new Map<string, "open" | "done">();
	const visit = (step: Step) => {
		state.set(step.id, "open");
		for (const t of targets(step)) {
			if (back.has(`${step.id}->${t.to}`)) continue;
			const seen = state.get(t.to);
			if (seen === "open") back.add(`${step.id}->${t.to}`);
			else if (seen === undefined) visit(byId.get(t.to) as Step);
		}
		state.set(step.id, "done");
	};
	const roots = [...data.steps.filter((s) => s.type === "start"), ...data.steps];
	for (const step of roots) if (!state.has(step.id)) visit(step);

	const forward = new Map<string, string[]>();
	for (const step of data.steps) {
		forward.set(
			step.id,
			targets(step)
				.filter((t) => !back.has(`${step.id}->${t.to}`))
				.map((t) => t.to),
		);
	}
	return forward;
}

/** Step ids with their rank: the longest path from a start over the forward edges. */
export function flowRanks(data: Pick<Flowchart, "steps">): Map<string, number> {
	const forward = forwardEdges(data);
	const incoming = new Map(data.steps.map((s) => [s.id, 0]));
	for (const outs of forward.values()) for (const to of outs) incoming.set(to, (incoming.get(to) ?? 0) + 1);
	// Kahn's topological order.
	const rank = new Map(data.steps.map((s) => [s.id, 0]));
	const queue = data.steps.filter((s) => incoming.get(s.id) === 0).map((s) => s.id);
	while (queue.length > 0) {
		const id = queue.shift() as string;
		for (const to of forward.get(id) ?? []) {
			rank.set(to, Math.max(rank.get(to) ?? 0, (rank.get(id) ?? 0) + 1));
			const left = (incoming.get(to) ?? 0) - 1;
			incoming.set(to, left);
			if (left === 0) queue.push(to);
		}
	}
	return rank;
}

/** Step ids with the longest forward path from the step to an end. */
function flowHeights(data: Pick<Flowchart, "steps">): Map<string, number> {
	const forward = forwardEdges(data);
	const height = new Map<string, number>();
	const measure = (id: string): number => {
		const known = height.get(id);
		if (known !== undefined) return known;
		height.set(id, 0);
		const h = Math.max(0, ...(forward.get(id) ?? []).map((to) => measure(to) + 1));
		height.set(id, h);
		return h;
	};
	for (const step of data.steps) measure(step.id);
	return height;
}

function group(step: Step): number {
	if (step.type === "start") return 0;
	if (step.type === "end") return 2;
	return 1;
}

/**
 * Every step once: starts (the one with the longest way to go first), then stages and decisions in flow order, then
 * ends in the file's order (won before lost, as authors list them); ties keep the file's order.
 */
export function flowOrder(data: Pick<Flowchart, "steps">): Step[] {
	const rank = flowRanks(data);
	const index = new Map(data.steps.map((s, i) => [s.id, i]));
	const height = flowHeights(data);
	// The start with the longest way to go is the main entry: its lane comes first, and dagre, which breaks loops
	// depth-first from the first node, then sees "back to prospecting" as the loop it is.
	const rankOf = (step: Step) => {
		if (step.type === "end") return 0;
		if (step.type === "start") return -(height.get(step.id) ?? 0);
		return rank.get(step.id) ?? 0;
	};
	return [...data.steps].sort(
		(a, b) => group(a) - group(b) || rankOf(a) - rankOf(b) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0),
	);
}
