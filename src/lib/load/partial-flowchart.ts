/**
 * The parts of a flowchart that did parse, when the file as a whole breaks the schema, so its
 * references and graph can still be checked in the same run (one fix-and-rerun for all problems).
 * Each field is kept only when it is valid on its own; a step whose type is unreadable gets the
 * type its `next` implies, so it does not cause a second, made-up error.
 */
import { type Flowchart, IdSchema, RoleSchema, type Step, StepMetricsSchema, stepTypes } from "../schema/flowchart.ts";
import { closest } from "../text/suggest.ts";
import type { DataPath } from "./parse-yaml.ts";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The checkable part of `raw`, or undefined when there are no steps to check. `anonymous` is true
 * when a step has no readable id: a link to an unknown id may then mean that step.
 */
export function partialFlowchart(raw: unknown): { data: Flowchart; anonymous: boolean } | undefined {
	if (!isRecord(raw) || !Array.isArray(raw.steps)) return undefined;
	const roles: Flowchart["roles"] = {};
	// Every role key counts as defined, valid or not: its own error is reported once, by the schema.
	if (isRecord(raw.roles))
		for (const [id, role] of Object.entries(raw.roles)) {
			const parsed = RoleSchema.safeParse(role);
			roles[id] = parsed.success ? parsed.data : id;
		}
	const steps = raw.steps.map(partialStep);
	const anonymous = raw.steps.some((s) => !isRecord(s) || typeof s.id !== "string");
	const data: Flowchart = {
		title: typeof raw.title === "string" ? raw.title : "",
		...(typeof raw.owner === "string" ? { owner: raw.owner } : {}),
		direction: "LR",
		roles,
		steps,
	};
	return { data, anonymous };
}

function partialStep(raw: unknown, index: number): Step {
	const item = isRecord(raw) ? raw : {};
	// A step without a readable id can still be a start or lie on the way; nothing can link to it.
	const id = typeof item.id === "string" ? item.id : `(step ${index + 1})`;
	const nextValue = partialNext(item.next);
	const type = (stepTypes as readonly unknown[]).includes(item.type)
		? (item.type as Step["type"])
		: item.type === undefined
			? "stage"
			: guessType(item.type, nextValue);
	const metrics = StepMetricsSchema.safeParse(item.metrics);
	const ids = (v: unknown) =>
		Array.isArray(v) ? v.filter((x): x is string => IdSchema.safeParse(x).success) : undefined;
	const consulted = ids(item.consulted);
	const informed = ids(item.informed);
	return {
		id,
		type,
		label: typeof item.label === "string" ? item.label : id,
		...(nextValue !== undefined ? { next: nextValue } : {}),
		...(typeof item.responsible === "string" ? { responsible: item.responsible } : {}),
		...(typeof item.accountable === "string" ? { accountable: item.accountable } : {}),
		...(consulted ? { consulted } : {}),
		...(informed ? { informed } : {}),
		...(typeof item.outcome === "string" && type === "end" ? { outcome: item.outcome as Step["outcome"] } : {}),
		...(item.metrics !== undefined && metrics.success ? { metrics: metrics.data } : {}),
	};
}

/** Transitions with a readable `to`; an unreadable `next` counts as leading somewhere (the schema said why). */
function partialNext(next: unknown): Step["next"] {
	if (next === undefined || typeof next === "string") return next;
	if (!Array.isArray(next)) return [];
	return next.flatMap((t) =>
		isRecord(t) && typeof t.to === "string"
			? [{ to: t.to, ...(typeof t.when === "string" ? { when: t.when } : {}) }]
			: [],
	);
}

/** What a misspelt type most likely meant ("strat" → start), else what its `next` implies. */
function guessType(written: unknown, next: Step["next"]): Step["type"] {
	const guess = typeof written === "string" ? closest(written, stepTypes) : undefined;
	if (guess !== undefined) return guess as Step["type"];
	if (next === undefined) return "end";
	return Array.isArray(next) && next.length > 1 ? "decision" : "stage";
}

/** Findings that depend on knowing every step id: left out while a step has none. */
const needAllIds = new Set(["unknown-step", "unreachable", "no-way-to-end", "no-start", "no-end"]);

/**
 * Whether a check's finding is already explained by a schema error: at one of `issuePaths` (the
 * same field, or inside a field the schema rejected), or by a step without an id.
 */
export function explainedBySchema(
	path: DataPath,
	code: string,
	issuePaths: readonly DataPath[],
	anonymous: boolean,
): boolean {
	if (anonymous && needAllIds.has(code)) return true;
	return issuePaths.some(
		(issue) => issue.length <= path.length && issue.every((segment, i) => String(segment) === String(path[i])),
	);
}
