/**
 * Playbook pages' frontmatter, checked with positions before Astro sees it
 * (Astro's own message has no line number), and listed for cross-references.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadYamlSource } from "../load/load-yaml-file.ts";
import { readTextFile } from "../load/read-text.ts";
import { type PageFrontmatter, PageFrontmatterSchema } from "../schema/page.ts";

export interface PageInfo {
	/** `overview`, or `id/overview` for a translation. */
	id: string;
	file: string;
	frontmatter: PageFrontmatter;
}

async function walk(dir: string, prefix = ""): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), rel)));
		else if (/\.mdx?$/.test(entry.name)) out.push(rel);
	}
	return out.sort();
}

/** Frontmatter text and the line it starts on, or undefined when the file has none. */
export function frontmatterOf(source: string): { text: string; firstLine: number } | undefined {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	return match?.[1] === undefined ? undefined : { text: match[1], firstLine: 2 };
}

export async function loadPages(
	rootDir: string,
	dir = "content/pages",
): Promise<{ pages: PageInfo[]; diagnostics: Diagnostic[] }> {
	let files: string[];
	try {
		files = await walk(join(rootDir, dir));
	} catch {
		return { pages: [], diagnostics: [] };
	}
	const pages: PageInfo[] = [];
	const diagnostics: Diagnostic[] = [];
	for (const rel of files) {
		const file = `${dir}/${rel}`;
		const read = await readTextFile(join(rootDir, file), file);
		if (read.diagnostic) {
			diagnostics.push(read.diagnostic);
			continue;
		}
		const fm = frontmatterOf(read.text);
		if (!fm) {
			diagnostics.push({
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "no-frontmatter",
				message: "the page has no frontmatter",
				hint: "Start the file with a block between two `---` lines holding at least `title: …`.",
			});
			continue;
		}
		const result = loadYamlSource(PageFrontmatterSchema, file, fm.text);
		for (const d of result.diagnostics) {
			diagnostics.push(d.line === undefined ? d : { ...d, line: d.line + fm.firstLine - 1 });
		}
		if (result.data) pages.push({ id: rel.replace(/\.mdx?$/, ""), file, frontmatter: result.data });
	}
	return { pages, diagnostics };
}
