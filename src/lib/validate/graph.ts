/**
 * Checks on the shape of the process: ids, references between steps, starts and ends,
 * decisions, and reachability. Loops are fine: a deal may go back to an earlier stage.
 */

import type { DataPath } from "../diagnostics/position.ts";
import { graphOf, type ProcessGraph, reachable } from "../graph/model.ts";
import { type Flowchart, limits, type Step } from "../schema/flowchart.ts";
import { closest, didYouMean, listOf } from "../text/suggest.ts";
import type { Reporter } from "./report.ts";

interface Edge {
	from: number;
	to: string;
	when?: string;
	/** Path of the step id this edge points to, for locating. */
	path: DataPath;
	/** Path of the whole transition (`next` or `next[j]`). */
	entryPath: DataPath;
}

function edgesOf(step: Step, index: number): Edge[] {
	const next = step.next;
	if (next === undefined) return [];
	if (typeof next === "string") {
		const path = ["steps", index, "next"];
		return [{ from: index, to: next, path, entryPath: path }];
	}
	return next.map((t, j) => ({
		from: index,
		to: t.to,
		when: t.when,
		path: ["steps", index, "next", j, "to"],
		entryPath: ["steps", index, "next", j],
	}));
}

const name = (step: Step) => `step ${JSON.stringify(step.id)}`;

/** What every rule reads: the steps, where each id is first defined, and the arrows out of each step. */
interface GraphFacts {
	data: Flowchart;
	steps: readonly Step[];
	indexById: Map<string, number>;
	ids: string[];
	edges: Edge[][];
}

export function checkGraph(data: Flowchart, r: Reporter): void {
	const indexById = checkDuplicateIds(data.steps, r);
	const facts: GraphFacts = {
		data,
		steps: data.steps,
		indexById,
		ids: [...indexById.keys()],
		edges: data.steps.map(edgesOf),
	};
	checkArrowCount(facts, r);
	let brokenLinks = false;
	facts.steps.forEach((step, i) => {
		// One step at a time, every rule in turn, so a step's problems are reported together.
		if (checkLinks(facts, step, i, r)) brokenLinks = true;
		checkWayOut(facts, step, i, r);
		checkDecision(facts, step, i, r);
		checkOutcome(step, i, r);
	});
	const starts = checkStartAndEnd(facts, r);
	if (starts.length > 0) checkReachability(facts, starts, brokenLinks, r);
}

/** Where each step id is first defined; a second definition is an error. */
function checkDuplicateIds(steps: readonly Step[], r: Reporter): Map<string, number> {
	const indexById = new Map<string, number>();
	steps.forEach((step, i) => {
		const first = indexById.get(step.id);
		if (first === undefined) {
			indexById.set(step.id, i);
			return;
		}
		r.report(
			"error",
			"duplicate-step",
			["steps", i, "id"],
			`step ${JSON.stringify(step.id)} is defined twice (also step #${first + 1})`,
			"Step ids must be unique within a flowchart: rename one of them and update the `next` entries that point to it.",
		);
	});
	return indexById;
}

/** More arrows than a diagram can draw. */
function checkArrowCount({ edges }: GraphFacts, r: Reporter): void {
	const edgeCount = edges.reduce((n, out) => n + out.length, 0);
	if (edgeCount <= limits.edges) return;
	r.report(
		"error",
		"too-many-arrows",
		["steps"],
		`the flowchart has ${edgeCount.toLocaleString("en-US")} arrows; a diagram can show at most ${limits.edges.toLocaleString("en-US")}`,
		"Split the process into several flowcharts, one per sales motion.",
		"key",
	);
}

/** Arrows to steps that do not exist, or into a start step. True when a link is broken. */
function checkLinks({ steps, indexById, ids, edges }: GraphFacts, step: Step, i: number, r: Reporter): boolean {
	let broken = false;
	for (const edge of edges[i] ?? []) {
		const target = indexById.get(edge.to);
		if (target === undefined) {
			broken = true;
			r.report(
				"error",
				"unknown-step",
				edge.path,
				`${name(step)}: next → unknown step ${JSON.stringify(edge.to)}${didYouMean(edge.to, ids)}`,
				`Defined steps: ${listOf(ids)}.`,
			);
		} else if (steps[target]?.type === "start") {
			r.report(
				"warning",
				"start-has-inbound",
				edge.path,
				`${name(step)}: next → ${JSON.stringify(edge.to)}, which is a start step`,
				`Start steps mark where deals enter; point this transition at the stage after ${JSON.stringify(edge.to)}, or make ${JSON.stringify(edge.to)} a stage.`,
			);
		}
	}
	return broken;
}

/** An end step leads nowhere; every other step leads somewhere. */
function checkWayOut({ edges }: GraphFacts, step: Step, i: number, r: Reporter): void {
	const out = edges[i] ?? [];
	if (step.type === "end") {
		if (out.length === 0 && step.next === undefined) return;
		r.report(
			"error",
			"end-has-next",
			["steps", i, "next"],
			`${name(step)}: an end step cannot lead anywhere, but it has \`next\``,
			"Remove `next`, or change the type to `stage` if the process goes on from here.",
			"key",
		);
	} else if (out.length === 0) {
		r.report(
			"error",
			"dead-end",
			step.next === undefined ? ["steps", i] : ["steps", i, "next"],
			`${name(step)}: this ${step.type} leads nowhere (no \`next\`)`,
			"Add `next: <step id>`, or make it `type: end` with an `outcome` if the process stops here.",
		);
	}
}

/** A decision has two or more branches, each with its condition. */
function checkDecision({ edges }: GraphFacts, step: Step, i: number, r: Reporter): void {
	const out = edges[i] ?? [];
	if (step.type !== "decision" || out.length === 0) return;
	if (out.length < 2) {
		r.report(
			"error",
			"decision-branches",
			["steps", i, "next"],
			`${name(step)}: a decision needs at least two branches, found ${out.length}`,
			"List each way out under `next:` as `- to: <step id>` with `when: <condition>`, or make the step a `stage`.",
		);
	}
	for (const edge of out) {
		if (edge.when !== undefined || typeof step.next === "string") continue;
		r.report(
			"error",
			"missing-condition",
			edge.entryPath,
			`${name(step)}: the branch to ${JSON.stringify(edge.to)} has no \`when\` condition`,
			"Add `when: <condition>` so readers know which way to go, e.g. `when: budget confirmed`.",
		);
	}
}

/** `outcome` means something on end steps only. */
function checkOutcome(step: Step, i: number, r: Reporter): void {
	if (step.outcome === undefined || step.type === "end") return;
	r.report(
		"warning",
		"outcome-not-end",
		["steps", i, "outcome"],
		`${name(step)}: \`outcome\` only counts on end steps, but this is a ${step.type}`,
		"Remove `outcome`, or make the step `type: end`.",
	);
}

/** At least one start and one end step; returns the start steps (first definitions only). */
function checkStartAndEnd({ steps, indexById }: GraphFacts, r: Reporter): number[] {
	const starts = steps.flatMap((s, i) => (s.type === "start" && indexById.get(s.id) === i ? [i] : []));
	if (starts.length === 0) {
		r.report(
			"error",
			"no-start",
			["steps"],
			"the flowchart has no start step",
			"Mark where deals enter the process with `type: start` (several start steps are allowed).",
			"key",
		);
	}
	if (!steps.some((s) => s.type === "end")) {
		r.report(
			"error",
			"no-end",
			["steps"],
			"the flowchart has no end step",
			"Mark where the process finishes with `type: end` and an `outcome` (won, lost or other).",
			"key",
		);
	}
	return starts;
}

/** Steps no start leads to, then steps from which no end can be reached. */
function checkReachability(facts: GraphFacts, starts: number[], brokenLinks: boolean, r: Reporter): void {
	const { data, steps, indexById, ids, edges } = facts;
	// A broken link most likely meant its "did you mean" step: count it as reaching there, so only
	// steps that no broken link explains are reported as unreachable. A link with no close match
	// might have meant any step, so then nothing is reported as unreachable.
	const targetOf = (edge: Edge): number | undefined => {
		const target = indexById.get(edge.to);
		if (target !== undefined || !brokenLinks) return target;
		const guess = closest(edge.to, ids);
		return guess === undefined ? undefined : indexById.get(guess);
	};
	const unguessable = brokenLinks && edges.flat().some((e) => !indexById.has(e.to) && closest(e.to, ids) === undefined);
	if (unguessable) return;
	const links = edges.flat().flatMap((e) => {
		const to = targetOf(e);
		return to === undefined ? [] : [{ from: e.from, to }];
	});
	const graph = graphOf(data, links, indexById);
	const reached = reachable(graph, starts);
	steps.forEach((step, i) => {
		if (reached[i] || indexById.get(step.id) !== i) return;
		r.report(
			"warning",
			"unreachable",
			["steps", i, "id"],
			`${name(step)} cannot be reached from any start step`,
			`Add \`next: ${step.id}\` to the step that should lead here, or remove the step.`,
		);
	});
	// Without any end step that is the one error to fix ("no end step" above).
	if (steps.some((s) => s.type === "end")) checkEndReachable(steps, edges, graph, reached, r);
}

/**
 * Deals in a reachable step from which no end step can be reached go round for ever (a decision
 * that only points back at itself, a loop with no way out). Steps that lead to a dead end or a
 * broken link are already reported there.
 */
function checkEndReachable(
	steps: readonly Step[],
	edges: readonly Edge[][],
	graph: ProcessGraph,
	reached: Uint8Array,
	r: Reporter,
): void {
	// Ends finish; a step with no way out is already a "dead end" error, one with a broken link an "unknown step".
	const explained = steps.flatMap((step, i) => {
		const out = edges[i]?.length ?? 0;
		return step.type === "end" || out === 0 || (graph.outEdges[i]?.length ?? 0) < out ? [i] : [];
	});
	const canFinish = reachable(graph, explained, undefined, "backward");
	steps.forEach((step, i) => {
		if (!reached[i] || canFinish[i]) return;
		r.report(
			"error",
			"no-way-to-end",
			["steps", i, "id"],
			`${name(step)}: deals here can never reach an end step`,
			"Every path from here goes round a loop with no way out: give a step of that loop a `next` that leads towards an end step (won or lost).",
		);
	});
}
