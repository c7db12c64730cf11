/**
 * Author-written Markdown (step descriptions, tasks, summaries) to safe HTML.
 * Raw HTML in the source is shown as the text the author typed (`<Enterprise>` stays visible);
 * images from other hosts become links, so a reader's browser never fetches another host;
 * rehype-sanitize removes anything else that is not plain formatting, including `javascript:` URLs.
 */
import { join } from "node:path";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { packageVersionSync, textKey } from "../cache/digest.ts";
import { stringMemo } from "../memo.ts";
import { sharedProject } from "../project.ts";
import { keptHtml, MARKDOWN_CACHE } from "./html-cache.ts";

/** The few hast shapes this module touches. */
interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

const externalHref = /^(https?:)?\/\//i;

/** The few mdast shapes this module touches. */
interface MdastNode {
	type: string;
	value?: string;
	url?: string;
	alt?: string | null;
	title?: string | null;
	children?: MdastNode[];
}

/** True for a URL that would make the reader's browser contact another host. */
export function isExternalUrl(url: string): boolean {
	return externalHref.test(url.trim()) || /^[a-z][a-z0-9+.-]*:/i.test(url.trim());
}

/**
 * Raw HTML becomes text (authors type `<Enterprise>` meaning the words, and a tag would be dropped
 * silently); an external image becomes a link to it with its alt text.
 */
function literalHtmlAndImages(node: MdastNode): void {
	for (const [i, child] of (node.children ?? []).entries()) {
		if (child.type === "html") node.children?.splice(i, 1, { type: "text", value: child.value ?? "" });
		else if (child.type === "image" && isExternalUrl(child.url ?? "")) {
			const text = child.alt || child.url || "";
			node.children?.splice(i, 1, {
				type: "link",
				url: child.url ?? "",
				title: child.title ?? null,
				children: [{ type: "text", value: text }],
			});
		} else literalHtmlAndImages(child);
	}
}

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
		.use(() => (tree) => literalHtmlAndImages(tree as unknown as MdastNode))
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

/**
 * The same text is rendered many times in a build (a step's description on its flowchart page, in the CRM files of
 * every language, in search records), so results are kept by text. Pure functions of the text: safe to share.
 */
const rendered = { inline: stringMemo<string>(5000), block: stringMemo<string>(5000) };

/** Packages whose versions can change the HTML: the pipeline's and the parser's and serialiser's underneath. */
const RENDER_PACKAGES = [
	"unified",
	"remark-parse",
	"remark-rehype",
	"rehype-sanitize",
	"rehype-stringify",
	"micromark",
	"mdast-util-from-markdown",
	"mdast-util-to-hast",
	"hast-util-sanitize",
	"hast-util-to-html",
];

let version: string | undefined;

/** What makes the HTML besides the text: this module's pipeline code and the packages' versions. */
function rendererVersion(): string {
	version ??= textKey(
		...RENDER_PACKAGES.map((name) => `${name}@${packageVersionSync(name, import.meta.url) ?? "?"}`),
		...[makeProcessor, literalHtmlAndImages, fixLinks, unwrapSingleParagraph].map(String),
	);
	return version;
}

/** Undefined: the shared project's `.cache/flowbook/markdown` in a build or dev server; null: keep nothing. */
let keptDir: string | null | undefined;

/** Where rendered texts are kept between builds: `dir`, nowhere (null), or the project's cache (undefined). */
export function keepRenderedMarkdownIn(dir: string | null | undefined): void {
	keptDir = dir;
}

function keptIn(): string | undefined {
	if (keptDir !== undefined) return keptDir ?? undefined;
	const project = sharedProject();
	return project ? join(project.rootDir, MARKDOWN_CACHE) : undefined;
}

/** Inline Markdown (emphasis, strong, code, links) to HTML with no `<p>` around a single paragraph. */
export function renderInlineMarkdown(text: string): string {
	return rendered.inline(text, () =>
		keptHtml(keptIn(), rendererVersion(), "inline", text, () => {
			inlineProcessor ??= makeProcessor(true);
			return String(inlineProcessor.processSync(text)).trim();
		}),
	);
}

/** Markdown with paragraphs and lists, e.g. a multi-paragraph description, to HTML. */
export function renderBlockMarkdown(text: string): string {
	return rendered.block(text, () =>
		keptHtml(keptIn(), rendererVersion(), "block", text, () => {
			blockProcessor ??= makeProcessor(false);
			return String(blockProcessor.processSync(text)).trim();
		}),
	);
}
