/**
 * MDX bodies and ```mermaid fences of the playbook pages, checked without a browser or a render,
 * so `npm run validate` catches what would otherwise stop the build with a stack trace: a stray
 * `<` or `{`, an `{expression}` or `<Component>` that does not exist on these pages, a diagram
 * that does not parse. MDX is compiled by the build's own compiler (mdx-body.ts).
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { MermaidFence } from "../markdown/fences.ts";
import { type CheckCache, openCheckCache } from "./check-cache.ts";
import type { CheckedBody } from "./mdx-body.ts";
import { frontmatterOf } from "./pages.ts";

export interface PageBodyOptions {
	/**
	 * Parse ```mermaid fences with Mermaid in Node (default true). The build turns it off: it renders every fence
	 * in a browser right after, which reports the same errors, and falls back to `parseFences` without one.
	 */
	fences?: boolean;
	/** Where results are kept between runs, project-relative (`PAGE_BODY_CACHE`); default: not kept. */
	cacheFile?: string;
}

export const PAGE_BODY_CACHE = ".cache/flowbook/checks/page-bodies.json";
/** Bump when a check here changes what it reports, so cached results of the old checks are not reused. */
const CHECKS_VERSION = "2";

/** A ```mermaid fence of a page, with the file and the line it opens on. */
export type PageFence = MermaidFence & { file: string };

export interface PageBodies {
	diagnostics: Diagnostic[];
	/** Every ```mermaid fence of the pages, for the build to render. */
	fences: PageFence[];
}

/** Every problem in the bodies of `files` (project-relative `.md`/`.mdx` pages), and their diagram fences. */
export async function checkPageBodies(
	rootDir: string,
	files: readonly string[],
	options: PageBodyOptions = {},
): Promise<PageBodies> {
	const version = [CHECKS_VERSION, packageVersion("satteri"), packageVersion("mermaid")].join(" ");
	const cacheFile = options.cacheFile ? join(rootDir, options.cacheFile) : undefined;
	const cache = await openCheckCache<CheckedBody>(cacheFile, version);
	const diagnostics: Diagnostic[] = [];
	const fences: PageFence[] = [];
	for (const file of files) {
		const body = blankFrontmatter(await readFile(join(rootDir, file), "utf8"));
		const input = `body\0${file}\0${body}`;
		let found = cache.get(input);
		if (!found) {
			found = await checkBody(file, body);
			cache.set(input, found);
		}
		diagnostics.push(...found.problems);
		for (const fence of found.fences ?? []) fences.push({ file, ...fence });
	}
	if (fences.length > 0 && options.fences !== false) diagnostics.push(...(await parseFences(fences, cache)));
	await cache.save().catch(() => {});
	return { diagnostics, fences };
}

/** One body: MDX problems and fences from the build's compiler; a Markdown page has no MDX to check. */
async function checkBody(file: string, body: string): Promise<CheckedBody> {
	// Loaded only when some page is not in the cache, so validating flowcharts alone stays fast.
	if (!file.endsWith(".mdx"))
		return { problems: [], fences: (await import("../markdown/fences.ts")).mermaidFences(body) };
	return (await import("./mdx-body.ts")).checkMdxBody(file, body);
}

/** The installed version of `name`, from the package.json above its entry point ("" if it cannot be found). */
function packageVersion(name: string): string {
	try {
		let dir = dirname(fileURLToPath(import.meta.resolve(name)));
		for (let i = 0; i < 6; i++, dir = dirname(dir)) {
			try {
				const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
				if (pkg.name === name) return pkg.version ?? "";
			} catch {}
		}
	} catch {}
	return "";
}

/** The frontmatter replaced by empty lines, so positions in the body stay those of the file. */
function blankFrontmatter(text: string): string {
	const fm = frontmatterOf(text);
	if (!fm) return text;
	const end = text.indexOf(fm.text) + fm.text.length;
	const close = text.indexOf("---", end) + 3;
	return text.slice(0, close).replace(/[^\n]/g, "") + text.slice(close);
}

interface MermaidApi {
	parse(text: string): Promise<unknown>;
}

type FenceCache = Pick<CheckCache<CheckedBody>, "get" | "set">;

const fenceInput = (fence: PageFence) => `fence\0${fence.file}\0${fence.line}\0${fence.source}`;

/**
 * Mermaid's own parser runs in Node for its grammar-based diagrams; one that needs a DOM to
 * parse (rare) is left to the build, which renders every fence in a browser anyway.
 */
export async function parseFences(fences: readonly PageFence[], cache?: FenceCache): Promise<Diagnostic[]> {
	const out: Diagnostic[] = [];
	const unknown: PageFence[] = [];
	for (const fence of fences) {
		const found = cache?.get(fenceInput(fence));
		if (found) out.push(...found.problems);
		else unknown.push(fence);
	}
	if (unknown.length === 0) return out;
	let mermaid: MermaidApi;
	try {
		mermaid = ((await import("mermaid")) as unknown as { default: MermaidApi }).default;
	} catch {
		return out;
	}
	for (const fence of unknown) {
		const found = await parseFence(mermaid, fence);
		// `undefined`: Mermaid needs a DOM for this one; not cached, so the next run tries again.
		if (found === undefined) continue;
		cache?.set(fenceInput(fence), { problems: found });
		out.push(...found);
	}
	return out;
}

async function parseFence(mermaid: MermaidApi, fence: PageFence): Promise<Diagnostic[] | undefined> {
	try {
		await mermaid.parse(fence.source);
		return [];
	} catch (error) {
		const e = error as { message?: string; hash?: { loc?: { first_line?: number } } };
		const message = e.message ?? String(error);
		if (/is not defined|document|window|DOMPurify/i.test(message) && !e.hash) return undefined;
		const line = e.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
		// Loaded only when needed.
		const { fenceDiagnostic } = await import("../markdown/fence-diagnostic.ts");
		return [fenceDiagnostic(fence.file, { line: fence.line }, { message, line })];
	}
}
