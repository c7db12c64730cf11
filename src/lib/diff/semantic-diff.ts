/**
 * What changed between two versions of a flowchart, in words a sales team reads:
 * "Negotiation: accountable changed from Sales manager to Head of sales".
 * Steps and roles are matched by id; a renamed id reads as one removed and one added.
 */
import type { ChangeMessage, TextField } from "../../i18n/changes.ts";
import {
	type Automation,
	type Flowchart,
	type Role,
	roleName,
	type Step,
	type Transition,
	targetFraction,
	transitionsOf,
} from "../schema/flowchart.ts";

export type ChangeKind =
	| "flowchart-added"
	| "flowchart-removed"
	| "title-changed"
	| "summary-changed"
	| "owner-changed"
	| "cadence-changed"
	| "role-added"
	| "role-removed"
	| "role-renamed"
	| "role-changed"
	| "step-added"
	| "step-removed"
	| "label-changed"
	| "type-changed"
	| "outcome-changed"
	| "transition-added"
	| "transition-removed"
	| "transition-rerouted"
	| "condition-changed"
	| "responsibility-changed"
	| "consulted-added"
	| "consulted-removed"
	| "informed-added"
	| "informed-removed"
	| "description-changed"
	| "tasks-changed"
	| "criteria-changed"
	| "metric-changed"
	| "automation-added"
	| "automation-removed";

export interface Change {
	kind: ChangeKind;
	/** The step the change is about, when it is about one. */
	stepId?: string;
	/** The change in words: `formatChange(lang, message)` from `src/i18n/changes.ts`. */
	message: ChangeMessage;
}

/** Changes from `before` to `after`; either may be undefined (the flowchart was added or removed). */
export function diffFlowcharts(before: Flowchart | undefined, after: Flowchart | undefined): Change[] {
	if (before === undefined && after === undefined) return [];
	if (before === undefined && after !== undefined) {
		return [
			{ kind: "flowchart-added", message: { key: "flowchart-added", title: after.title, steps: after.steps.length } },
		];
	}
	if (after === undefined && before !== undefined) {
		return [{ kind: "flowchart-removed", message: { key: "flowchart-removed", title: before.title } }];
	}
	return new Differ(before as Flowchart, after as Flowchart).run();
}

class Differ {
	readonly out: Change[] = [];
	readonly before: Flowchart;
	readonly after: Flowchart;
	readonly beforeSteps: Map<string, Step>;
	readonly afterSteps: Map<string, Step>;

	constructor(before: Flowchart, after: Flowchart) {
		this.before = before;
		this.after = after;
		this.beforeSteps = new Map(before.steps.map((s) => [s.id, s]));
		this.afterSteps = new Map(after.steps.map((s) => [s.id, s]));
	}

	run(): Change[] {
		const { before: b, after: a } = this;
		if (b.title !== a.title) this.add("title-changed", { key: "title-changed", from: b.title, to: a.title });
		this.text("summary-changed", undefined, "summary", b.summary, a.summary);
		if (b.owner !== a.owner) {
			const from = b.owner === undefined ? undefined : this.roleB(b.owner);
			const to = a.owner === undefined ? undefined : this.roleA(a.owner);
			this.add("owner-changed", { key: "owner-changed", from, to });
		}
		if ((b.review?.every ?? "") !== (a.review?.every ?? "")) {
			this.add("cadence-changed", { key: "cadence-changed", from: b.review?.every, to: a.review?.every });
		}
		this.roles();
		for (const step of a.steps) {
			const old = this.beforeSteps.get(step.id);
			if (old === undefined) this.stepAdded(step);
			else this.step(old, step);
		}
		for (const step of b.steps) {
			if (!this.afterSteps.has(step.id)) {
				this.add("step-removed", { key: "step-removed", step: step.label }, step.id);
			}
		}
		return this.out;
	}

	add(kind: ChangeKind, message: ChangeMessage, stepId?: string): void {
		this.out.push(stepId === undefined ? { kind, message } : { kind, stepId, message });
	}

	roleB(id: string): string {
		return roleName(this.before.roles[id] ?? this.after.roles[id], id);
	}

	roleA(id: string): string {
		return roleName(this.after.roles[id] ?? this.before.roles[id], id);
	}

	/** A step's label for a transition target: the current one, else the one it had. */
	stepLabel(id: string): string {
		return this.afterSteps.get(id)?.label ?? this.beforeSteps.get(id)?.label ?? id;
	}

	roles(): void {
		const b = this.before.roles;
		const a = this.after.roles;
		for (const [id, role] of Object.entries(a)) {
			const old = b[id];
			if (old === undefined) this.add("role-added", { key: "role-added", role: roleName(role, id) });
			else if (roleName(old, id) !== roleName(role, id)) {
				this.add("role-renamed", { key: "role-renamed", from: roleName(old, id), to: roleName(role, id) });
			} else if (describe(old) !== describe(role)) {
				this.add("role-changed", { key: "role-changed", role: roleName(role, id) });
			}
		}
		for (const [id, role] of Object.entries(b)) {
			if (a[id] === undefined) this.add("role-removed", { key: "role-removed", role: roleName(role, id) });
		}
	}

	stepAdded(step: Step): void {
		const responsible = step.responsible ? this.roleA(step.responsible) : undefined;
		this.add("step-added", { key: "step-added", step: step.label, type: step.type, responsible }, step.id);
	}

	step(b: Step, a: Step): void {
		const id = a.id;
		const step = a.label;
		if (b.label !== a.label) this.add("label-changed", { key: "step-renamed", from: b.label, to: a.label }, id);
		if (b.type !== a.type) this.add("type-changed", { key: "type-changed", step, from: b.type, to: a.type }, id);
		if (b.outcome !== a.outcome) {
			this.add("outcome-changed", { key: "outcome-changed", step, from: b.outcome, to: a.outcome }, id);
		}
		this.transitions(b, a);
		for (const duty of ["responsible", "accountable"] as const) {
			const from = b[duty];
			const to = a[duty];
			if (from === to) continue;
			this.add(
				"responsibility-changed",
				{
					key: "duty-changed",
					step,
					duty,
					from: from === undefined ? undefined : this.roleB(from),
					to: to === undefined ? undefined : this.roleA(to),
				},
				id,
			);
		}
		for (const list of ["consulted", "informed"] as const) {
			const from = b[list] ?? [];
			const to = a[list] ?? [];
			for (const r of to) {
				if (!from.includes(r)) {
					this.add(`${list}-added`, { key: "involved-added", step, list, role: this.roleA(r) }, id);
				}
			}
			for (const r of from) {
				if (!to.includes(r)) {
					this.add(`${list}-removed`, { key: "involved-removed", step, list, role: this.roleB(r) }, id);
				}
			}
		}
		this.text("description-changed", id, "description", b.description, a.description, step);
		this.tasks(b, a);
		this.text("criteria-changed", id, "entry", b.entry, a.entry, step);
		this.text("criteria-changed", id, "exit", b.exit, a.exit, step);
		this.metrics(b, a);
		this.automations(b, a);
	}

	/** A free-text field: quote short values, just say "changed" (to the new text) for long ones. */
	text(
		kind: ChangeKind,
		id: string | undefined,
		field: TextField,
		from: string | undefined,
		to: string | undefined,
		step?: string,
	): void {
		const f = from?.trim() || undefined;
		const t = to?.trim() || undefined;
		if (f === t) return;
		if (f === undefined) this.add(kind, { key: "text-added", field, step, to: t as string }, id);
		else if (t === undefined) this.add(kind, { key: "text-removed", field, step }, id);
		else {
			const short = f.length + t.length <= 160;
			this.add(kind, { key: "text-changed", field, step, from: short ? f : undefined, to: t }, id);
		}
	}

	tasks(b: Step, a: Step): void {
		const from = b.tasks ?? [];
		const to = a.tasks ?? [];
		const added = to.filter((t) => !from.includes(t));
		const removed = from.filter((t) => !to.includes(t));
		const step = a.label;
		for (const task of added) this.add("tasks-changed", { key: "task-added", step, task }, a.id);
		for (const task of removed) this.add("tasks-changed", { key: "task-removed", step, task }, a.id);
		if (added.length === 0 && removed.length === 0 && from.join("\n") !== to.join("\n")) {
			this.add("tasks-changed", { key: "tasks-reordered", step }, a.id);
		}
	}

	metrics(b: Step, a: Step): void {
		const bc = b.metrics?.target_conversion;
		const ac = a.metrics?.target_conversion;
		if (targetFraction(bc) !== targetFraction(ac)) {
			const raw = (v: number | string | undefined) => (v === undefined ? undefined : String(v));
			this.add(
				"metric-changed",
				{
					key: "conversion-changed",
					step: a.label,
					from: targetFraction(bc),
					to: targetFraction(ac),
					fromText: raw(bc),
					toText: raw(ac),
				},
				a.id,
			);
		}
		const bd = b.metrics?.max_days;
		const ad = a.metrics?.max_days;
		if (bd !== ad) this.add("metric-changed", { key: "days-changed", step: a.label, from: bd, to: ad }, a.id);
	}

	automations(b: Step, a: Step): void {
		const key = (x: Automation) => JSON.stringify([x.trigger.trim(), x.action.trim(), x.system.trim()]);
		const from = new Set((b.automations ?? []).map(key));
		const to = new Set((a.automations ?? []).map(key));
		const what = (x: Automation) => ({ step: a.label, action: x.action, trigger: x.trigger, system: x.system });
		for (const x of a.automations ?? []) {
			if (!from.has(key(x))) this.add("automation-added", { key: "automation-added", ...what(x) }, a.id);
		}
		for (const x of b.automations ?? []) {
			if (!to.has(key(x))) this.add("automation-removed", { key: "automation-removed", ...what(x) }, a.id);
		}
	}

	/**
	 * Same target: the condition may have been reworded. Different target with the same
	 * condition (or a step's only unlabelled way on): re-routed. The rest: added or removed.
	 */
	transitions(b: Step, a: Step): void {
		const from: (Transition | undefined)[] = [...transitionsOf(b)];
		const to: (Transition | undefined)[] = [...transitionsOf(a)];
		const step = a.label;
		const target = (t: Transition) => this.stepLabel(t.to);
		const single = from.length === 1 && to.length === 1;
		const cond = (w: string | undefined) => (w === undefined ? "" : w.trim());
		for (const [i, t] of to.entries()) {
			if (t === undefined) continue;
			const j = from.findIndex((f) => f !== undefined && f.to === t.to);
			if (j < 0) continue;
			const f = from[j] as Transition;
			from[j] = undefined;
			to[i] = undefined;
			if (cond(f.when) === cond(t.when)) continue;
			const message: ChangeMessage =
				f.when === undefined
					? { key: "condition-added", step, target: target(t), when: t.when as string }
					: t.when === undefined
						? { key: "condition-removed", step, target: target(t), when: f.when }
						: { key: "condition-changed", step, target: target(t), from: f.when, to: t.when };
			this.add("condition-changed", message, a.id);
		}
		for (const [i, t] of to.entries()) {
			if (t === undefined) continue;
			let j = from.findIndex((f) => f !== undefined && cond(f.when) === cond(t.when) && cond(t.when) !== "");
			// A step's one and only way on, pointed elsewhere: re-routed even if its condition changed too.
			if (j < 0 && single) j = 0;
			if (j < 0) continue;
			const f = from[j] as Transition;
			from[j] = undefined;
			to[i] = undefined;
			const same = cond(f.when) === cond(t.when);
			this.add(
				"transition-rerouted",
				same
					? { key: "rerouted", step, to: target(t), from: target(f), when: cond(t.when) === "" ? undefined : t.when }
					: { key: "rerouted", step, to: target(t), from: target(f), fromWhen: f.when, toWhen: t.when },
				a.id,
			);
		}
		for (const t of to) {
			if (t !== undefined)
				this.add("transition-added", { key: "transition-added", step, target: target(t), when: t.when }, a.id);
		}
		for (const f of from) {
			if (f !== undefined) {
				this.add("transition-removed", { key: "transition-removed", step, target: target(f), when: f.when }, a.id);
			}
		}
	}
}

function describe(role: Role): string {
	return typeof role === "string" ? "" : JSON.stringify([role.description ?? "", role.email ?? ""]);
}
