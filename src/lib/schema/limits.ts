/**
 * Bounds on text and lists. They keep the cost of a build linear and small (a 10 MB description
 * once took 26 minutes) and guarantee that the largest flowchart the format allows fits Mermaid's
 * limits (`MERMAID_MAX_TEXT`, `MERMAID_MAX_EDGES`): 500 steps × (200-character label + markup)
 * plus 2,000 arrows × (200-character condition + markup) stays under 1,000,000 characters.
 *
 * Apart from the Zod schemas that apply them (flowchart.ts): the diagram renderer, which the build loads with its
 * config before anything else, reads two of these numbers and should not build every schema for them.
 */
export const limits = {
	/** Labels, titles, conditions, names: shown in the diagram or a heading. */
	short: 200,
	/** Descriptions, criteria, tasks: a few paragraphs at most. */
	long: 10_000,
	steps: 500,
	/** Items in one list (tasks, automations, transitions, RACI roles). */
	list: 100,
	/** Arrows in one flowchart; Mermaid refuses more than its `maxEdges`. */
	edges: 2_000,
} as const;
export const MERMAID_MAX_TEXT = 1_000_000;
export const MERMAID_MAX_EDGES = limits.edges;
