/**
 * The ways one stage sequence departs from the playbook, named so a sales team can act on them.
 * A sequence is judged once per variant; every deal of the variant shares its deviations.
 */
import type { Alignment } from "./align.ts";
import type { ConformanceModel } from "./model.ts";

export const deviationKinds = [
	"skipped-step",
	"undocumented-transition",
	"backwards-move",
	"repeated-step",
	"mid-process-start",
	"several-branches",
] as const;
export type DeviationKind = (typeof deviationKinds)[number];

export interface Deviation {
	kind: DeviationKind;
	/** Stable key, e.g. `skipped-step:qualification` or `undocumented-transition:demo->negotiation`. */
	key: string;
	/** Step ids it concerns: one step, a `from, to` pair, or the decision. */
	steps: string[];
	/** Index into the allowlist when the team accepts this transition. */
	allowed?: number;
}

/** Deviations of one sequence, each kind-and-place once. */
export function deviationsOf(model: ConformanceModel, trace: readonly number[], alignment: Alignment): Deviation[] {
	const found = new Map<string, Deviation>();
	const add = (kind: DeviationKind, steps: number[], allowed?: number) => {
		const ids = steps.map((s) => model.graph.ids[s] as string);
		const key = `${kind}:${ids.join("->")}`;
		if (!found.has(key)) found.set(key, { kind, key, steps: ids, ...(allowed === undefined ? {} : { allowed }) });
	};
	for (const move of alignment.moves)
		if (move.kind === "model" && !model.silent[move.step]) add("skipped-step", [move.step]);
	transitions(model, trace, add);
	repeats(model, trace, add);
	const first = trace[0];
	if (first !== undefined && !model.entry[first]) add("mid-process-start", [first]);
	branches(model, trace, add);
	return [...found.values()];
}

type Add = (kind: DeviationKind, steps: number[], allowed?: number) => void;

/** Consecutive recorded steps with no arrow between them: forwards (a jump) or back (rework). */
function transitions(model: ConformanceModel, trace: readonly number[], add: Add): void {
	const { n } = model;
	for (let i = 1; i < trace.length; i++) {
		const a = trace[i - 1] as number;
		const b = trace[i] as number;
		if (a === b || model.direct[a * n + b]) continue;
		const allowed = allowIndex(model, a, b);
		const back = (model.rank[b] as number) < (model.rank[a] as number);
		add(back ? "backwards-move" : "undocumented-transition", [a, b], allowed);
	}
}

function allowIndex(model: ConformanceModel, a: number, b: number): number | undefined {
	const from = model.graph.ids[a];
	const to = model.graph.ids[b];
	const i = model.allow.findIndex((x) => x.from === from && x.to === to);
	return i < 0 ? undefined : i;
}

/** A step recorded again although no documented loop leads back to it. */
function repeats(model: ConformanceModel, trace: readonly number[], add: Add): void {
	const seen = new Set<number>();
	for (const s of trace) {
		if (seen.has(s) && !model.onCycle[s]) add("repeated-step", [s]);
		seen.add(s);
	}
}

/** Steps of two branches of one decision, where the second cannot follow the first. */
function branches(model: ConformanceModel, trace: readonly number[], add: Add): void {
	const { n } = model;
	for (const { decision, entries } of model.branches) {
		const branchOf = new Map<number, number[]>();
		entries.forEach((steps, b) => {
			for (const s of steps) branchOf.set(s, [...(branchOf.get(s) ?? []), b]);
		});
		let hit = false;
		for (let i = 0; i < trace.length && !hit; i++) {
			const x = trace[i] as number;
			const bx = branchOf.get(x);
			if (!bx) continue;
			for (let j = i + 1; j < trace.length && !hit; j++) {
				const y = trace[j] as number;
				const by = branchOf.get(y);
				if (!by || x === y || model.reach[x * n + y]) continue;
				hit = by.some((b) => !bx.includes(b));
			}
		}
		if (hit) add("several-branches", [decision]);
	}
}

/**
 * Documented arrows the deal really took: those the alignment follows between steps it recorded or
 * passed silently. Arrows into or out of a skipped step were not taken.
 */
export function takenEdges(model: ConformanceModel, alignment: Alignment): number[] {
	const taken: number[] = [];
	let lastReal = true;
	for (const move of alignment.moves) {
		if (move.kind === "log") continue;
		const real = move.kind === "sync" || model.silent[move.step] === 1;
		if (real && lastReal && move.ref !== undefined && move.ref >= 0) taken.push(move.ref);
		lastReal = real;
	}
	return taken;
}
