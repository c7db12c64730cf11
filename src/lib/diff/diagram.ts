/**
 * The Mermaid diagram of a flowchart after a change, with new, changed and removed steps marked.
 * Removed steps are put back as unconnected, dashed boxes so reviewers still see what went.
 * Each marked step also gets a note under its label, so the marks do not rely on colour alone.
 */
import { type CompileOptions, compileFlowchart } from "../mermaid/compile.ts";
import type { Flowchart, LoadedFlowchart, Step } from "../schema/flowchart.ts";
import type { Change } from "./semantic-diff.ts";

export type DiffMark = "added" | "changed" | "removed";

/** `compileFlowchart` from `src/lib/mermaid/compile.ts`, or a stand-in in tests. */
export type CompileFlowchart = (fc: LoadedFlowchart, options?: CompileOptions) => string;

export const DIFF_CLASS_DEFS = [
	"classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0f2e17",
	"classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:3px,color:#3b2300",
	"classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#82071e",
];

/** Which steps to mark, from the changes. */
export function stepMarks(changes: readonly Change[]): Map<string, DiffMark> {
	const marks = new Map<string, DiffMark>();
	for (const c of changes) {
		if (c.stepId === undefined) continue;
		if (c.kind === "step-added") marks.set(c.stepId, "added");
		else if (c.kind === "step-removed") marks.set(c.stepId, "removed");
		else if (!marks.has(c.stepId)) marks.set(c.stepId, "changed");
	}
	return marks;
}

/** The after flowchart plus its removed steps, unconnected (the compiler notes them "removed"). */
export function withRemovedSteps(
	after: Flowchart,
	before: Flowchart | undefined,
	marks: Map<string, DiffMark>,
): Flowchart {
	const removed: Step[] = (before?.steps ?? [])
		.filter((s) => marks.get(s.id) === "removed")
		.map((s) => ({ ...s, next: undefined }));
	if (removed.length === 0) return after;
	return { ...after, steps: [...after.steps, ...removed], roles: { ...(before?.roles ?? {}), ...after.roles } };
}

const notes: Record<DiffMark, string> = { added: "new", changed: "changed", removed: "removed" };

export function annotatedDiagram(
	after: LoadedFlowchart,
	before: Flowchart | undefined,
	changes: readonly Change[],
	compile: CompileFlowchart = compileFlowchart,
): string {
	const marks = stepMarks(changes);
	const nodes: Record<string, { classes: string[]; note: string }> = {};
	for (const [id, mark] of marks) nodes[id] = { classes: [mark], note: notes[mark] };
	const data = withRemovedSteps(after.data, before, marks);
	// Printed in a pull-request comment: no links into the site, and labels people can read in the source.
	const source = compile({ ...after, data }, { annotate: { nodes }, links: false, readableSource: true }).trimEnd();
	return `${source}\n${DIFF_CLASS_DEFS.map((l) => `  ${l}`).join("\n")}\n`;
}
