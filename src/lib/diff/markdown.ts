/** The semantic diff as Markdown for a pull-request comment. */
import { formatChange } from "../../i18n/changes.ts";
import { type Flowchart, roleName, transitionsOf } from "../schema/flowchart.ts";
import type { Change } from "./semantic-diff.ts";

export interface FlowchartDiff {
	id: string;
	/** Path relative to the project root, e.g. `content/flowcharts/b2b.yaml`. */
	file: string;
	/** The current title (the old one for a removed flowchart). */
	title: string;
	status: "added" | "removed" | "changed";
	changes: Change[];
	/** The flowchart as it is now, for an added one: it is described step by step. */
	added?: Flowchart;
	/** Markdown lines: the same CRM history replayed against both versions (see conformance.ts). */
	conformance?: string[];
}

/** Marks the comment so CI can find and update its own earlier comment. */
export const DIFF_COMMENT_MARKER = "<!-- flowbook-diff -->";

/**
 * Content text as literal Markdown text on one line: a backslash before each character Markdown (or GitHub's
 * HTML) would act on, and nothing else, so the comment reads as written even in its raw form.
 * `&` is escaped only where it would start an entity (`&amp;`, `&#58;`).
 */
export function inline(text: string): string {
	return text
		.replace(/\s*\n\s*/g, " ")
		.replace(/[\\`*_[\]<>~|]/g, "\\$&")
		.replace(/&(?=#?[a-z0-9]+;)/gi, "\\&");
}

/** Each step of a new flowchart: its type and role, and where it leads (under which condition). */
export function stepByStep(fc: Flowchart): string[] {
	const labels = new Map(fc.steps.map((s) => [s.id, s.label]));
	return fc.steps.map((step, i) => {
		const who =
			step.responsible === undefined ? "" : `, ${inline(roleName(fc.roles[step.responsible], step.responsible))}`;
		const ways = transitionsOf(step).map((t) => {
			const to = `**${inline(labels.get(t.to) ?? t.to)}**`;
			return t.when === undefined ? `→ ${to}` : `if "${inline(t.when)}" → ${to}`;
		});
		const outcome = step.outcome === undefined ? "" : ` (${step.outcome})`;
		const then = ways.length > 0 ? `: ${ways.join("; ")}` : step.type === "end" ? `: ends here${outcome}` : "";
		return `${i + 1}. **${inline(step.label)}** (${step.type}${who})${then}`;
	});
}

/**
 * One section per changed flowchart: the changes as a list, then the Mermaid diagram of the
 * flowchart after the change (`mermaidPerFlowchart[id]`; omitted when absent).
 */
export function diffMarkdown(
	changesPerFlowchart: readonly FlowchartDiff[],
	mermaidPerFlowchart: Readonly<Record<string, string>> = {},
	options: { baseRef?: string } = {},
): string {
	const changed = changesPerFlowchart.filter((d) => d.changes.length > 0);
	const against = options.baseRef ? ` compared with \`${options.baseRef.replace(/`/g, "")}\`` : "";
	const lines = [DIFF_COMMENT_MARKER, "## Flowchart changes", ""];
	if (changed.length === 0) {
		lines.push(`No flowchart changed${against}.`, "");
		return lines.join("\n");
	}
	const count = (s: FlowchartDiff["status"]) => changed.filter((d) => d.status === s).length;
	const parts = [
		count("changed") ? `${count("changed")} changed` : "",
		count("added") ? `${count("added")} added` : "",
		count("removed") ? `${count("removed")} removed` : "",
	].filter(Boolean);
	lines.push(`${changed.length} flowchart${changed.length === 1 ? "" : "s"}${against}: ${parts.join(", ")}.`, "");
	for (const d of changed) {
		const tag = d.status === "changed" ? "" : ` (${d.status})`;
		lines.push(`### ${inline(d.title)}${tag}`, "", `\`${d.file}\``, "");
		for (const c of d.changes) lines.push(`- ${inline(formatChange("en", c.message))}`);
		lines.push("");
		if (d.added) lines.push("Step by step:", "", ...stepByStep(d.added), "");
		if (d.conformance) lines.push(...d.conformance);
		const diagram = mermaidPerFlowchart[d.id];
		if (diagram) {
			lines.push(
				"<details open><summary>Diagram after the change: new steps green, changed amber, removed red and dashed</summary>",
				"",
				"```mermaid",
				diagram.trimEnd(),
				"```",
				"",
				"</details>",
				"",
			);
		}
	}
	return lines.join("\n");
}
