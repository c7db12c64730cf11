/**
 * One MDX page body checked by the build's own compiler: Sätteri's `mdxToJs` (mdxjs-rs, in Rust) with the build's
 * features, so a body `validate` accepts is one the build compiles, and the reverse (decision 0007). A plugin on its
 * Markdown tree collects the ```mermaid fences and what compiles but cannot render on these pages: `{expressions}`
 * (in attributes too: `<a href={url}>` passed the former `@mdx-js/mdx` check and failed the build with "url is not
 * defined"), `<Components>` and `import`/`export` lines.
 */
import { type MdastPluginDefinition, type MdxJsxFlowElement, type MdxJsxTextElement, mdxToJs } from "satteri";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { markdownFeatures } from "../markdown/features.ts";
import { type MermaidFence, mermaidFences } from "../markdown/fences.ts";

/** What one body holds: its problems and its ```mermaid fences (also the shape of a page-body cache entry). */
export interface CheckedBody {
	problems: Diagnostic[];
	fences?: MermaidFence[];
}

const literalHint =
	"MDX reads `<` as the start of a tag and `{` as the start of code: write `\\<` or `\\{` to show the character as text.";
const commentHint = "MDX has no `<!-- -->` comments: write `{/* your note */}` instead.";
const closeHint =
	"Close every tag in the same paragraph or block (`<br />` for an empty one, `</b>` after the text), or write `\\<` to show the character as text.";

interface Located {
	position?: { start: { line: number; column: number } } | undefined;
}

const at = (node: Located) =>
	node.position ? { line: node.position.start.line, column: node.position.start.column } : {};

/** `{/* a comment *\/}` is MDX's comment syntax and renders nothing. */
const isComment = (code: string) => /^\/\*[\s\S]*\*\/$/.test(code);

export function checkMdxBody(file: string, body: string): CheckedBody {
	const found: Found = { problems: [], fences: [], parsed: false };
	try {
		mdxToJs(body, { features: markdownFeatures, mdastPlugins: [collector(file, found)] });
	} catch (thrown) {
		// Once the tree is built, the compiler fails only on code the plugin has already reported at its place (a broken
		// `import` line, an attribute's `{}`, which comes without a position): say it once.
		if (!found.parsed || found.problems.length === 0) found.problems.push(compileProblem(file, body, thrown));
		// The page will not build, but its diagrams can still be checked: find them as Markdown.
		if (!found.parsed) return { problems: found.problems, fences: mermaidFences(body) };
	}
	return { problems: found.problems, fences: found.fences };
}

interface Found {
	problems: Diagnostic[];
	fences: MermaidFence[];
	/** The tree was built and the plugin ran (a later failure is in turning code into JavaScript). */
	parsed: boolean;
}

/** An mdast plugin that adds to `found` the fences and every node that compiles but cannot render on these pages. */
function collector(file: string, found: Found): MdastPluginDefinition {
	const error = (node: Located, code: string, message: string, hint = literalHint) =>
		found.problems.push({ severity: "error", file, ...at(node), code, message, hint });
	const expression = (node: Located, value: string) => {
		const code = value.trim();
		if (!isComment(code))
			error(node, "mdx-expression", `MDX: \`{${code}}\` is read as code, and these pages define no values to show`);
	};
	const element = (node: Readonly<MdxJsxFlowElement | MdxJsxTextElement>) => {
		if (/^[A-Z]/.test(node.name ?? "")) {
			error(
				node,
				"mdx-component",
				`MDX: \`<${node.name}>\` is read as a component, and none by that name exists on these pages`,
			);
		}
		// `<a href={url}>` and `<a {...props}>` are code too; an empty `{}` there fails the compile without a position.
		for (const attribute of node.attributes) {
			if (attribute.type === "mdxJsxExpressionAttribute") expression(node, attribute.value);
			else if (typeof attribute.value === "object" && attribute.value) expression(node, attribute.value.value);
		}
	};
	return {
		name: "flowbook-check",
		options: { position: true },
		before() {
			found.parsed = true;
		},
		code(node) {
			if (node.lang?.toLowerCase() === "mermaid")
				found.fences.push({ line: node.position?.start.line ?? 1, source: node.value });
		},
		mdxFlowExpression: (node) => expression(node, node.value),
		mdxTextExpression: (node) => expression(node, node.value),
		mdxJsxFlowElement: element,
		mdxJsxTextElement: element,
		mdxjsEsm(node) {
			error(
				node,
				"mdx-esm",
				"MDX: `import`/`export` lines are code, which playbook pages do not run",
				"Remove the line, or indent it or put it in a code block if it is meant as text.",
			);
		},
	};
}

/** Sätteri's error (`"3:7: Could not parse … (mdx-jsx:unexpected-character)"`) as a diagnostic at that place. */
function compileProblem(file: string, body: string, thrown: unknown): Diagnostic {
	const text = (thrown instanceof Error ? thrown.message : String(thrown)).replace(/\s+/g, " ").trim();
	const match = /^(?:(\d+):(\d+): )?(.*?)(?: \([\w-]+:[\w-]+\))?$/.exec(text);
	const line = Number(match?.[1] ?? 0);
	const column = Number(match?.[2] ?? 0);
	const reason = namedCharacter(match?.[3] ?? text, body.split("\n")[line - 1]?.slice(column - 1));
	return {
		severity: "error",
		file,
		...(line > 0 ? { line, column } : {}),
		code: "mdx-syntax",
		message: `MDX: ${reason}`,
		hint: /closing tag/.test(reason) ? closeHint : reason.includes("comment in MDX") ? commentHint : literalHint,
	};
}

/**
 * mdxjs-rs says "Unexpected character after `<`" for any `<` that does not start a tag, without showing it. Name the
 * character when it is the culprit (`<10`, `<=`), else quote the would-be tag (`<https://…>`, `<div` never closed).
 */
function namedCharacter(reason: string, from: string | undefined): string {
	const generic = "Unexpected character after `<`";
	if (!from?.startsWith("<") || !reason.startsWith(generic)) return reason;
	const next = from[1];
	if (next !== undefined && !/[\p{L}$_]/u.test(next)) {
		// The note about links is for `<https://…>`, not for a `<` in a comparison.
		return reason
			.replace(generic, `Unexpected character \`${next}\` after \`<\``)
			.replace(/ \(note: to create a link.*\)$/, "");
	}
	const tag = /^<[^>]{0,40}>?/.exec(from)?.[0] ?? "<";
	return reason.replace(generic, `${generic} in \`${tag.trimEnd()}\``);
}
