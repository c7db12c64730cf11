/**
 * Rendered Markdown kept between builds. The flowchart pages, the FAQ and the CRM files render a few hundred short
 * author texts through unified() (about a millisecond each, and more while the parser is still cold), the same
 * texts every build: one read back from `<dir>/<digest>.html` costs a file read. The digest covers the text, the
 * kind of rendering and the renderer's `version` (its code and package versions), so a change to any of them
 * renders again. The renderer is synchronous (it runs inside templates), so is this.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { textKey } from "../cache/digest.ts";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomicSync } from "../cache/write-file.ts";

export const MARKDOWN_CACHE = ".cache/flowbook/markdown";

/** The HTML `render` makes of `text`: read from `dir` when rendered before, else rendered and kept there. */
export function keptHtml(
	dir: string | undefined,
	version: string,
	kind: string,
	text: string,
	render: () => string,
): string {
	if (!dir) return render();
	const name = `${textKey(version, kind, text)}.html`;
	const file = join(dir, name);
	noteUsed(dir, name);
	try {
		return readFileSync(file, "utf8");
	} catch {
		// Not rendered yet.
	}
	const html = render();
	try {
		writeFileAtomicSync(file, html);
	} catch {
		// A cache that cannot be written costs the next build a rendering, never this one its text.
	}
	return html;
}
