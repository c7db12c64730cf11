/**
 * The render page as files: an HTML page that loads Mermaid with `<script src>`, written once per content. Chromium
 * reads a 5.5 MB script from a file faster than it takes it through the DevTools protocol (`addScriptTag`): two
 * pages were ready in 1.6-2.4 s instead of 2.8-2.9 s, with less Chromium CPU (docs/benchmarks.md).
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomic } from "../cache/write-file.ts";

/** Beside the diagram cache; content-addressed, so never stale. Relative to the working folder, like that cache. */
export const DEFAULT_PAGE_FILES_DIR = ".cache/flowbook/render-page";

export interface PageFiles {
	/** The page to navigate to. */
	url: string;
	/** Every URL the page may load (the page and its scripts); the page's route aborts everything else. */
	allowed: ReadonlySet<string>;
}

function digest(text: string): string {
	return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/** Writes `text` as `<hash><ext>` unless that file is already there; a name is only ever given to whole files. */
async function writeNamed(dir: string, text: string, ext: string): Promise<string> {
	const name = `${digest(text)}${ext}`;
	const file = join(dir, name);
	noteUsed(dir, name);
	const there = await stat(file).then(
		(s) => s.size === Buffer.byteLength(text),
		() => false,
	);
	if (!there) await writeFileAtomic(file, text);
	return file;
}

/**
 * Writes the scripts (in order) and a page with `headCss` that loads them; undefined when the folder cannot be
 * written (read-only temporary folder), so the caller loads the scripts the slower way.
 */
export async function writePageFiles(
	dir: string,
	headCss: string,
	scripts: readonly string[],
): Promise<PageFiles | undefined> {
	try {
		// A page URL is absolute, and a script's URL is written into the page.
		const base = resolve(dir);
		const urls = [];
		for (const script of scripts) urls.push(pathToFileURL(await writeNamed(base, script, ".js")).href);
		const css = headCss.replace(/<\/style/gi, "<\\/style");
		const tags = urls.map((url) => `<script src="${url}"></script>`).join("");
		const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>${tags}</head><body></body></html>`;
		const url = pathToFileURL(await writeNamed(base, html, ".html")).href;
		return { url, allowed: new Set([url, ...urls]) };
	} catch {
		return undefined;
	}
}
