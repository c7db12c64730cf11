/**
 * Images in Markdown text that point at another host: the site shows them as links (a reader's
 * browser must never fetch another host), and says so here so the author is not surprised.
 */
import type { DataPath } from "../diagnostics/position.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import type { Reporter } from "./report.ts";

const externalImage = /!\[[^\]]*\]\(\s*<?((?:[a-z][a-z0-9+.-]*:|\/\/)[^)\s>]*)/i;

export function checkText(data: Flowchart, r: Reporter): void {
	const check = (text: string | undefined, path: DataPath) => {
		if (text === undefined || !text.includes("![")) return;
		const url = externalImage.exec(text)?.[1];
		if (url === undefined) return;
		r.report(
			"warning",
			"external-image",
			path,
			`the image ${JSON.stringify(url)} is on another host, so it is shown as a link, not as an image`,
			"Put the image in public/ and write ![description](/image.png), so readers' browsers fetch only from this site.",
		);
	};
	check(data.summary, ["summary"]);
	for (const [id, role] of Object.entries(data.roles))
		if (typeof role !== "string") check(role.description, ["roles", id, "description"]);
	data.steps.forEach((step, i) => {
		for (const field of ["description", "entry", "exit"] as const) check(step[field], ["steps", i, field]);
		for (const [k, task] of (step.tasks ?? []).entries()) check(task, ["steps", i, "tasks", k]);
	});
}
