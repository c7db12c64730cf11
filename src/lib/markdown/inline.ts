/**
 * Author-written Markdown (step descriptions, tasks, summaries) to safe HTML.
 * Raw HTML in the source is dropped, not escaped: remark-rehype leaves it out and rehype-sanitize
 * removes anything else that is not plain formatting, including `javascript:` URLs.
 */
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** The few hast shapes this module touches. */
interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

const externalHref = /^(https?:)?\/\//i;

/** Links that lost their URL to sanitising become plain text; external links get `rel="noopener"`. */
function fixLinks(node: HastNode): void {
	if (node.children === undefined) return;
	const children: HastNode[] = [];
	for (const child of node.children) {
		fixLinks(child);
		if (child.type === "element" && child.tagName === "a") {
			const href = child.properties?.href;
			if (typeof href !== "string" || href === "") {
				children.push(...(child.children ?? []));
				continue;
			}
			if (externalHref.test(href)) child.properties = { ...child.properties, rel: ["noopener"] };
		}
		children.push(child);
	}
	node.children = children;
}

/** A root holding one paragraph (and whitespace) is replaced by the paragraph's content. */
function unwrapSingleParagraph(root: HastNode): void {
	const blocks = (root.children ?? []).filter((c) => !(c.type === "text" && (c.value ?? "").trim() === ""));
	const only = blocks[0];
	if (blocks.length === 1 && only?.type === "element" && only.tagName === "p") root.children = only.children ?? [];
}

function makeProcessor(inline: boolean) {
	return unified()
		.use(remarkParse)
		.use(remarkRehype)
		.use(rehypeSanitize)
		.use(() => (tree) => {
			const root = tree as unknown as HastNode;
			fixLinks(root);
			if (inline) unwrapSingleParagraph(root);
		})
		.use(rehypeStringify)
		.freeze();
}

// Built once: these run for every step of every flowchart.
let inlineProcessor: ReturnType<typeof makeProcessor> | undefined;
let blockProcessor: ReturnType<typeof makeProcessor> | undefined;

/** Inline Markdown (emphasis, strong, code, links) to HTML with no `<p>` around a single paragraph. */
export function renderInlineMarkdown(text: string): string {
	inlineProcessor ??= makeProcessor(true);
	return String(inlineProcessor.processSync(text)).trim();
}

/** Markdown with paragraphs and lists, e.g. a multi-paragraph description, to HTML. */
export function renderBlockMarkdown(text: string): string {
	blockProcessor ??= makeProcessor(false);
	return String(blockProcessor.processSync(text)).trim();
}
