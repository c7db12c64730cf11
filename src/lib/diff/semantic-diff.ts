/**
 * What changed between two versions of a flowchart, in words a sales team reads:
 * "Negotiation: accountable changed from Sales manager to Head of sales".
 * Steps and roles are matched by id; a renamed id reads as one removed and one added.
 */
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
	text: string;
}

/** Changes from `before` to `after`; either may be undefined (the flowchart was added or removed). */
export function diffFlowcharts(before: Flowchart | undefined, after: Flowchart | undefined): Change[] {
	if (before === undefined && after === undefined) return [];
	if (before === undefined && after !== undefined) {
		const n = after.steps.length;
		return [{ kind: "flowchart-added", text: `Flowchart added: "${after.title}" (${n} step${n === 1 ? "" : "s"})` }];
	}
	if (after === undefined && before !== undefined) {
		return [{ kind: "flowchart-removed", text: `Flowchart removed: "${before.title}"` }];
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
		if (b.title !== a.title) this.add("title-changed", `Title changed from "${b.title}" to "${a.title}"`);
		this.text("summary-changed", undefined, "Summary", b.summary, a.summary);
		if (b.owner !== a.owner) {
			const from = b.owner === undefined ? undefined : this.roleB(b.owner);
			const to = a.owner === undefined ? undefined : this.roleA(a.owner);
			const text =
				from === undefined
					? `Owner set to ${to}`
					: to === undefined
						? `Owner ${from} removed`
						: `Owner changed from ${from} to ${to}`;
			this.add("owner-changed", text);
		}
		if ((b.review?.every ?? "") !== (a.review?.every ?? "")) {
			const from = b.review?.every ?? "the site default";
			const to = a.review?.every ?? "the site default";
			this.add("cadence-changed", `Review cadence changed from ${from} to ${to}`);
		}
		this.roles();
		for (const step of a.steps) {
			const old = this.beforeSteps.get(step.id);
			if (old === undefined) this.stepAdded(step);
			else this.step(old, step);
		}
		for (const step of b.steps) {
			if (!this.afterSteps.has(step.id)) {
				this.add("step-removed", `Step removed: "${step.label}"`, step.id);
			}
		}
		return this.out;
	}

	add(kind: ChangeKind, text: string, stepId?: string): void {
		this.out.push(stepId === undefined ? { kind, text } : { kind, stepId, text });
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
			if (old === undefined) this.add("role-added", `Role added: ${roleName(role, id)}`);
			else if (roleName(old, id) !== roleName(role, id)) {
				this.add("role-renamed", `Role renamed from ${roleName(old, id)} to ${roleName(role, id)}`);
			} else if (describe(old) !== describe(role)) {
				this.add("role-changed", `Role ${roleName(role, id)}: description or contact changed`);
			}
		}
		for (const [id, role] of Object.entries(b)) {
			if (a[id] === undefined) this.add("role-removed", `Role removed: ${roleName(role, id)}`);
		}
	}

	stepAdded(step: Step): void {
		const details: string[] = [step.type];
		if (step.responsible) details.push(`responsible: ${this.roleA(step.responsible)}`);
		this.add("step-added", `Step added: "${step.label}" (${details.join(", ")})`, step.id);
	}

	step(b: Step, a: Step): void {
		const id = a.id;
		const name = a.label;
		if (b.label !== a.label) this.add("label-changed", `Step "${b.label}" renamed to "${a.label}"`, id);
		if (b.type !== a.type) this.add("type-changed", `${name}: type changed from ${b.type} to ${a.type}`, id);
		if (b.outcome !== a.outcome) {
			this.add("outcome-changed", `${name}: outcome changed from ${b.outcome ?? "none"} to ${a.outcome ?? "none"}`, id);
		}
		this.transitions(b, a);
		for (const key of ["responsible", "accountable"] as const) {
			const from = b[key];
			const to = a[key];
			if (from === to) continue;
			const text =
				from === undefined
					? `${name}: ${key} set to ${this.roleA(to as string)}`
					: to === undefined
						? `${name}: ${key} ${this.roleB(from)} removed`
						: `${name}: ${key} changed from ${this.roleB(from)} to ${this.roleA(to)}`;
			this.add("responsibility-changed", text, id);
		}
		for (const key of ["consulted", "informed"] as const) {
			const from = b[key] ?? [];
			const to = a[key] ?? [];
			for (const r of to)
				if (!from.includes(r)) this.add(`${key}-added`, `${name}: ${this.roleA(r)} added to ${key}`, id);
			for (const r of from) {
				if (!to.includes(r)) this.add(`${key}-removed`, `${name}: ${this.roleB(r)} removed from ${key}`, id);
			}
		}
		this.text("description-changed", id, `${name}: description`, b.description, a.description);
		this.tasks(b, a);
		this.text("criteria-changed", id, `${name}: entry criteria`, b.entry, a.entry);
		this.text("criteria-changed", id, `${name}: exit criteria`, b.exit, a.exit);
		this.metrics(b, a);
		this.automations(b, a);
	}

	/** A free-text field: quote short values, just say "changed" for long ones. */
	text(kind: ChangeKind, id: string | undefined, what: string, from: string | undefined, to: string | undefined): void {
		const f = from?.trim() || undefined;
		const t = to?.trim() || undefined;
		if (f === t) return;
		if (f === undefined) this.add(kind, `${what} added: ${quote(t as string)}`, id);
		else if (t === undefined) this.add(kind, `${what} removed`, id);
		else if (f.length + t.length <= 160) this.add(kind, `${what} changed from ${quote(f)} to ${quote(t)}`, id);
		else this.add(kind, `${what} changed to ${quote(t)}`, id);
	}

	tasks(b: Step, a: Step): void {
		const from = b.tasks ?? [];
		const to = a.tasks ?? [];
		const added = to.filter((t) => !from.includes(t));
		const removed = from.filter((t) => !to.includes(t));
		for (const t of added) this.add("tasks-changed", `${a.label}: task added: ${quote(t)}`, a.id);
		for (const t of removed) this.add("tasks-changed", `${a.label}: task removed: ${quote(t)}`, a.id);
		if (added.length === 0 && removed.length === 0 && from.join("\n") !== to.join("\n")) {
			this.add("tasks-changed", `${a.label}: tasks reordered`, a.id);
		}
	}

	metrics(b: Step, a: Step): void {
		const bc = b.metrics?.target_conversion;
		const ac = a.metrics?.target_conversion;
		if (targetFraction(bc) !== targetFraction(ac)) {
			this.add("metric-changed", `${a.label}: ${changed("target conversion", pct(bc), pct(ac))}`, a.id);
		}
		const bd = b.metrics?.max_days;
		const ad = a.metrics?.max_days;
		if (bd !== ad) {
			this.add(
				"metric-changed",
				`${a.label}: ${changed("max days in step", bd === undefined ? undefined : String(bd), ad === undefined ? undefined : String(ad))}`,
				a.id,
			);
		}
	}

	automations(b: Step, a: Step): void {
		const key = (x: Automation) => JSON.stringify([x.trigger.trim(), x.action.trim(), x.system.trim()]);
		const from = new Set((b.automations ?? []).map(key));
		const to = new Set((a.automations ?? []).map(key));
		for (const x of a.automations ?? []) {
			if (!from.has(key(x))) this.add("automation-added", `${a.label}: automation added: ${automation(x)}`, a.id);
		}
		for (const x of b.automations ?? []) {
			if (!to.has(key(x))) this.add("automation-removed", `${a.label}: automation removed: ${automation(x)}`, a.id);
		}
	}

	/**
	 * Same target: the condition may have been reworded. Different target with the same
	 * condition (or a step's only unlabelled way on): re-routed. The rest: added or removed.
	 */
	transitions(b: Step, a: Step): void {
		const from: (Transition | undefined)[] = [...transitionsOf(b)];
		const to: (Transition | undefined)[] = [...transitionsOf(a)];
		const name = a.label;
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
			const text =
				f.when === undefined
					? `${name}: condition ${quote(t.when as string)} added to the branch to ${target(t)}`
					: t.when === undefined
						? `${name}: condition ${quote(f.when)} removed from the branch to ${target(t)}`
						: `${name}: condition of the branch to ${target(t)} changed from ${quote(f.when)} to ${quote(t.when)}`;
			this.add("condition-changed", text, a.id);
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
			const branch = same && cond(t.when) !== "" ? ` the ${quote(t.when as string)} branch` : "";
			let text = `${name}:${branch} now leads to ${target(t)} instead of ${target(f)}`;
			if (!same) {
				text += `; ${changed("condition", f.when === undefined ? undefined : quote(f.when), t.when === undefined ? undefined : quote(t.when))}`;
			}
			this.add("transition-rerouted", text, a.id);
		}
		for (const t of to) {
			if (t === undefined) continue;
			const when = t.when === undefined ? "" : ` when ${quote(t.when)}`;
			this.add("transition-added", `${name}: now also leads to ${target(t)}${when}`, a.id);
		}
		for (const f of from) {
			if (f === undefined) continue;
			const when = f.when === undefined ? "" : ` (${quote(f.when)})`;
			this.add("transition-removed", `${name}: no longer leads to ${target(f)}${when}`, a.id);
		}
	}
}

function quote(s: string): string {
	return `"${s.trim().replace(/\s*\n\s*/g, " ")}"`;
}

function changed(what: string, from: string | undefined, to: string | undefined): string {
	if (from === undefined) return `${what} set to ${to}`;
	if (to === undefined) return `${what} (${from}) removed`;
	return `${what} changed from ${from} to ${to}`;
}

function pct(v: number | string | undefined): string | undefined {
	if (v === undefined) return undefined;
	const f = targetFraction(v);
	return f === undefined || Number.isNaN(f) ? String(v) : `${Math.round(f * 10000) / 100}%`;
}

function automation(x: Automation): string {
	return `${x.action.trim()} when ${x.trigger.trim()} (${x.system.trim()})`;
}

function describe(role: Role): string {
	return typeof role === "string" ? "" : JSON.stringify([role.description ?? "", role.email ?? ""]);
}
