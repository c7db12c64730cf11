/** The semantic diff as Markdown for a pull-request comment. */
import type { Change } from "./semantic-diff.ts";

export interface FlowchartDiff {
	id: string;
	/** Path relative to the project root, e.g. `content/flowcharts/b2b.yaml`. */
	file: string;
	/** The current title (the old one for a removed flowchart). */
	title: string;
	status: "added" | "removed" | "changed";
	changes: Change[];
}

/** Marks the comment so CI can find and update its own earlier comment. */
export const DIFF_COMMENT_MARKER = "<!-- flowbook-diff -->";

/** Keeps user text from opening HTML tags or breaking the list in the comment. */
function inline(text: string): string {
	return text
		.replace(/&/g, "&amp;")
		.replace(/</g, "&lt;")
		.replace(/>/g, "&gt;")
		.replace(/\s*\n\s*/g, " ");
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
		for (const c of d.changes) lines.push(`- ${inline(c.text)}`);
		lines.push("");
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
