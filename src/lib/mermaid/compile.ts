/**
 * Compiles a flowchart to Mermaid flowchart source: one swimlane per responsible role, a link on every
 * node to its step section, classes by step type and no colours (the site's CSS variables colour them).
 * Deterministic: the same flowchart and options give the same text.
 */
import { flowOrder } from "../flow-order.ts";
import { type LoadedFlowchart, roleName, type Step, transitionsOf } from "../schema/flowchart.ts";
import {
	classNamePattern,
	escapeHref,
	escapeLabel,
	escapeLine,
	escapeMermaidId,
	escapeMermaidLaneId,
	escapeSourceLabel,
	escapeSourceLine,
	escapeTooltip,
} from "./escape.ts";
import { chooseLayout, type DiagramLayout, layoutFrontMatter, shapeLabel, showsEdgeLabels } from "./layout.ts";

/** What the text description of a diagram (`accDescr`) is made of. */
export interface DiagramSummary {
	/** Number of steps, starts and ends included. */
	steps: number;
	/** Labels of the start steps. */
	starts: string[];
	/** Labels of the end steps. */
	ends: string[];
	/** Names of the roles that have a swimlane, in declared order. */
	roles: string[];
	/** BCP 47 language, for list formatting. */
	lang: string;
}

/** Words used in generated text, for translation. */
export interface MermaidLabels {
	/** The `accDescr` text. */
	description: (summary: DiagramSummary) => string;
}

/** Extra classes and annotation lines, e.g. for metrics or diff views. */
export interface MermaidAnnotations {
	/** By step id: extra CSS classes (e.g. `bottleneck`, `added`) and a line added under the label. */
	nodes?: Record<string, { classes?: string[]; note?: string }>;
	/** By `"<from>-><to>"` step ids: a line added to the arrow's label. */
	edges?: Record<string, { note?: string }>;
	/** Arrows the flowchart does not draw (e.g. moves deals really made), drawn dashed after the documented ones. */
	extraEdges?: { from: string; to: string; note?: string }[];
	/** `"<from>-><to>"` keys of documented arrows drawn faded (e.g. arrows no deal took). */
	fadedEdges?: string[];
}

/** Faded, not recoloured: opacity keeps the theme's own arrow colour, so light and dark both work. */
export const FADED_EDGE_STYLE = "opacity:0.35";

export interface CompileOptions {
	/** Link target of a step's node; defaults to `#step-<id>`. */
	href?: (stepId: string) => string;
	/** Accessible title; defaults to the flowchart's title. */
	title?: string;
	/** Language of the generated description; defaults to `en`. */
	lang?: string;
	labels?: Partial<MermaidLabels>;
	annotate?: MermaidAnnotations;
	/** Defaults to `chooseLayout` (the flowchart's shape and its `direction`/`layout` hints). */
	layout?: DiagramLayout;
	/** `false` leaves out the `click` links (for Mermaid shown outside the site, e.g. in `npm run diff`). */
	links?: boolean;
	/** Encode only what Mermaid needs (`escapeSourceLabel`), for Mermaid that people read as source or GitHub renders. */
	readableSource?: boolean;
}

function list(items: string[], lang: string, type: "conjunction" | "disjunction"): string {
	return new Intl.ListFormat(lang, { style: "long", type }).format(items);
}

export const defaultLabels: MermaidLabels = {
	description: ({ steps, starts, ends, roles, lang }) => {
		let text = `${steps} ${steps === 1 ? "step" : "steps"}`;
		if (starts.length > 0) text += ` from ${list(starts, lang, "disjunction")}`;
		if (ends.length > 0) text += ` to ${list(ends, lang, "disjunction")}`;
		text += ".";
		if (roles.length > 0) text += ` Roles: ${list(roles, lang, "conjunction")}.`;
		return text;
	},
};

const typeClasses = ["stage", "decision", "terminal", "won", "lost"] as const;

/** Stroke width only: colours come from the site's CSS so light and dark themes both work. */
const classDefs: Record<(typeof typeClasses)[number], string> = {
	stage: "stroke-width:1px",
	decision: "stroke-width:1px",
	terminal: "stroke-width:2px",
	won: "stroke-width:2px",
	lost: "stroke-width:2px",
};

function typeClassesOf(step: Step): string[] {
	if (step.type === "stage") return ["stage"];
	if (step.type === "decision") return ["decision"];
	if (step.type === "start") return ["terminal"];
	if (step.outcome === "won") return ["terminal", "won"];
	if (step.outcome === "lost") return ["terminal", "lost"];
	return ["terminal"];
}

function nodeLine(step: Step, note: string | undefined, escapeText: (text: string) => string = escapeLabel): string {
	let label = escapeText(shapeLabel(step));
	if (note !== undefined && note !== "") label += `<br>${escapeText(note)}`;
	const id = escapeMermaidId(step.id);
	// The standard flowchart symbol the playbook's readers know: a diamond. (A hexagon would be a quarter
	// shorter, but "diamonds for decisions" is what the how-to guide and every sales team's chart use.)
	if (step.type === "decision") return `${id}{"${label}"}`;
	if (step.type === "start" || step.type === "end") return `${id}(["${label}"])`;
	return `${id}["${label}"]`;
}

function checkClass(name: string): string {
	if (!classNamePattern.test(name)) throw new TypeError(`Invalid Mermaid class name: ${JSON.stringify(name)}`);
	return name;
}

export function compileFlowchart(fc: LoadedFlowchart, options: CompileOptions = {}): string {
	const { data } = fc;
	const lang = options.lang ?? "en";
	const labels: MermaidLabels = { ...defaultLabels, ...options.labels };
	const href = options.href ?? ((stepId: string) => `#step-${stepId}`);
	const nodeNotes = options.annotate?.nodes ?? {};
	const edgeNotes = options.annotate?.edges ?? {};
	const stepIds = new Set(data.steps.map((s) => s.id));
	const text = options.readableSource ? escapeSourceLabel : escapeLabel;
	const line = options.readableSource ? escapeSourceLine : escapeLine;

	const layout = options.layout ?? chooseLayout(data);
	// Steps and lanes in flow order (the start's lane first): dagre places what is declared first first.
	const ordered = flowOrder(data);
	const laneOrder: string[] = [];
	for (const step of ordered) {
		if (step.responsible !== undefined && !laneOrder.includes(step.responsible)) laneOrder.push(step.responsible);
	}
	const lanes = laneOrder.map((roleId) => ({ roleId, steps: ordered.filter((s) => s.responsible === roleId) }));

	const starts = data.steps.filter((s) => s.type === "start").map((s) => s.label);
	const ends = data.steps.filter((s) => s.type === "end").map((s) => s.label);
	const description = labels.description({
		steps: data.steps.length,
		starts,
		ends,
		roles: Object.keys(data.roles)
			.filter((id) => laneOrder.includes(id))
			.concat(laneOrder.filter((id) => !(id in data.roles)))
			.map((id) => roleName(data.roles[id], id)),
		lang,
	});

	const out: string[] = [...layoutFrontMatter(layout), `flowchart ${layout.direction}`];
	out.push(`  accTitle: ${line(options.title ?? data.title)}`);
	out.push(`  accDescr: ${line(description)}`);
	for (const name of typeClasses) out.push(`  classDef ${name} ${classDefs[name]}`);

	// Nodes before edges: Mermaid puts a node in the first subgraph it appears in.
	for (const step of ordered) {
		if (step.responsible === undefined) out.push(`  ${nodeLine(step, nodeNotes[step.id]?.note, text)}`);
	}
	for (const lane of lanes) {
		const title = text(roleName(data.roles[lane.roleId], lane.roleId));
		out.push(`  subgraph ${escapeMermaidLaneId(lane.roleId)} ["${title}"]`);
		for (const step of lane.steps) out.push(`    ${nodeLine(step, nodeNotes[step.id]?.note, text)}`);
		out.push("  end");
	}

	const faded = new Set(options.annotate?.fadedEdges ?? []);
	const fadedIndexes: number[] = [];
	let edgeIndex = 0;
	const arrowLine = (from: string, to: string, parts: string[], arrow: "-->" | "-.->") => {
		const labelled = parts.length > 0 ? `${arrow}|"${parts.join("<br>")}"|` : arrow;
		out.push(`  ${escapeMermaidId(from)} ${labelled} ${escapeMermaidId(to)}`);
		edgeIndex++;
	};
	for (const step of data.steps) {
		for (const t of transitionsOf(step)) {
			// A dangling reference is reported by the validator; drawing it would add a stray box.
			if (!stepIds.has(t.to)) continue;
			const parts: string[] = [];
			if (t.when !== undefined && showsEdgeLabels(step, layout.edgeLabels)) parts.push(text(t.when));
			const note = edgeNotes[`${step.id}->${t.to}`]?.note;
			if (note !== undefined && note !== "") parts.push(text(note));
			if (faded.has(`${step.id}->${t.to}`)) fadedIndexes.push(edgeIndex);
			arrowLine(step.id, t.to, parts, "-->");
		}
	}
	for (const extra of options.annotate?.extraEdges ?? []) {
		if (!stepIds.has(extra.from) || !stepIds.has(extra.to)) continue;
		arrowLine(extra.from, extra.to, extra.note ? [text(extra.note)] : [], "-.->");
	}
	// linkStyle counts arrows in the order they are written above.
	if (fadedIndexes.length > 0) out.push(`  linkStyle ${fadedIndexes.join(",")} ${FADED_EDGE_STYLE}`);

	// The trailing `;` ends the statement; it also absorbs Mermaid's `style…:…#…;` pre-parse rewrite.
	for (const step of options.links === false ? [] : data.steps) {
		out.push(`  click ${escapeMermaidId(step.id)} href "${escapeHref(href(step.id))}" "${escapeTooltip(step.label)}";`);
	}

	const members = new Map<string, string[]>();
	const add = (name: string, stepId: string) => {
		const ids = members.get(name) ?? [];
		ids.push(escapeMermaidId(stepId));
		members.set(name, ids);
	};
	for (const step of data.steps) {
		for (const name of typeClassesOf(step)) add(name, step.id);
	}
	const extra = new Set<string>();
	for (const step of data.steps) {
		for (const name of nodeNotes[step.id]?.classes ?? []) {
			extra.add(checkClass(name));
			add(name, step.id);
		}
	}
	const typeNames: readonly string[] = typeClasses;
	const extraNames = [...extra].filter((name) => !typeNames.includes(name)).sort();
	for (const name of [...typeNames, ...extraNames]) {
		const ids = members.get(name);
		if (ids !== undefined && ids.length > 0) out.push(`  class ${[...new Set(ids)].join(",")} ${name}`);
	}
	return `${out.join("\n")}\n`;
}
