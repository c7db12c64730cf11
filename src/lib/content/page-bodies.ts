/**
 * MDX bodies and ```mermaid fences of the playbook pages, checked without a browser or a render,
 * so `npm run validate` catches what would otherwise stop the build with a stack trace: a stray
 * `<` or `{`, an `{expression}` or `<Component>` that does not exist on these pages, a diagram
 * that does not parse.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { mermaidFences } from "../markdown/fences.ts";
import { frontmatterOf } from "./pages.ts";

interface MdxNode {
	type: string;
	name?: string | null;
	value?: string;
	position?: { start: { line: number; column: number } };
	children?: MdxNode[];
}

const literalHint =
	"MDX reads `<` as the start of a tag and `{` as the start of code: write `\\<` or `\\{` to show the character as text.";

type MdxProcessor = { parse(text: string): unknown };
let processor: MdxProcessor | undefined;

/** Every problem in the bodies of `files` (project-relative `.md`/`.mdx` pages). */
export async function checkPageBodies(rootDir: string, files: readonly string[]): Promise<Diagnostic[]> {
	const texts = await Promise.all(
		files.map(async (file) => ({ file, text: await readFile(join(rootDir, file), "utf8") })),
	);
	const out: Diagnostic[] = [];
	const fences: { file: string; line: number; source: string }[] = [];
	// Loaded only for projects with MDX pages, so validating flowcharts alone stays fast.
	if (texts.some((t) => t.file.endsWith(".mdx"))) processor ??= (await import("@mdx-js/mdx")).createProcessor();
	for (const { file, text } of texts) {
		const body = blankFrontmatter(text);
		if (file.endsWith(".mdx")) out.push(...checkMdx(file, body));
		for (const fence of mermaidFences(body)) fences.push({ file, ...fence });
	}
	if (fences.length > 0) out.push(...(await checkFences(fences)));
	return out;
}

/** The frontmatter replaced by empty lines, so positions in the body stay those of the file. */
function blankFrontmatter(text: string): string {
	const fm = frontmatterOf(text);
	if (!fm) return text;
	const end = text.indexOf(fm.text) + fm.text.length;
	const close = text.indexOf("---", end) + 3;
	return text.slice(0, close).replace(/[^\n]/g, "") + text.slice(close);
}

function checkMdx(file: string, body: string): Diagnostic[] {
	if (!processor) return [];
	let tree: MdxNode;
	try {
		tree = processor.parse(body) as MdxNode;
	} catch (error) {
		const e = error as { line?: number; column?: number; reason?: string; message?: string };
		return [
			{
				severity: "error",
				file,
				...(e.line ? { line: e.line, column: e.column ?? 1 } : {}),
				code: "mdx-syntax",
				message: `MDX: ${(e.reason ?? e.message ?? String(error)).replace(/\s+/g, " ")}`,
				hint: literalHint,
			},
		];
	}
	const out: Diagnostic[] = [];
	const at = (node: MdxNode) =>
		node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
	const visit = (node: MdxNode) => {
		if (node.type === "mdxTextExpression" || node.type === "mdxFlowExpression") {
			const code = (node.value ?? "").trim();
			// `{/* a comment */}` is MDX's comment syntax and renders nothing.
			if (!/^\/\*[\s\S]*\*\/$/.test(code)) {
				out.push({
					severity: "error",
					file,
					...at(node),
					code: "mdx-expression",
					message: `MDX: \`{${code}}\` is read as code, and these pages define no values to show`,
					hint: literalHint,
				});
			}
		} else if (
			(node.type === "mdxJsxTextElement" || node.type === "mdxJsxFlowElement") &&
			/^[A-Z]/.test(node.name ?? "")
		) {
			out.push({
				severity: "error",
				file,
				...at(node),
				code: "mdx-component",
				message: `MDX: \`<${node.name}>\` is read as a component, and none by that name exists on these pages`,
				hint: literalHint,
			});
		} else if (node.type === "mdxjsEsm") {
			out.push({
				severity: "error",
				file,
				...at(node),
				code: "mdx-esm",
				message: "MDX: `import`/`export` lines are code, which playbook pages do not run",
				hint: "Remove the line, or indent it or put it in a code block if it is meant as text.",
			});
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree);
	return out;
}

interface MermaidApi {
	parse(text: string): Promise<unknown>;
}

/**
 * Mermaid's own parser runs in Node for its grammar-based diagrams; one that needs a DOM to
 * parse (rare) is left to the build, which renders every fence in a browser anyway.
 */
async function checkFences(fences: { file: string; line: number; source: string }[]): Promise<Diagnostic[]> {
	let mermaid: MermaidApi;
	try {
		mermaid = ((await import("mermaid")) as unknown as { default: MermaidApi }).default;
	} catch {
		return [];
	}
	const failures: { fence: (typeof fences)[number]; message: string; line: number }[] = [];
	for (const fence of fences) {
		try {
			await mermaid.parse(fence.source);
		} catch (error) {
			const e = error as { message?: string; hash?: { loc?: { first_line?: number } } };
			const message = e.message ?? String(error);
			if (/is not defined|document|window|DOMPurify/i.test(message) && !e.hash) continue;
			const line = e.hash?.loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
			failures.push({ fence, message, line });
		}
	}
	if (failures.length === 0) return [];
	// Loaded only when needed: it brings the browser renderer's modules with it.
	const { fenceDiagnostic } = await import("../markdown/rehype-mermaid.ts");
	return failures.map(({ fence, message, line }) =>
		fenceDiagnostic(fence.file, { line: fence.line }, { message, line }),
	);
}
