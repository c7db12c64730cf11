import { minify, minifyBlock, syntax } from "csso";
import {
	_collections,
	builtinPlugins,
	type CustomPlugin,
	optimize,
	type PluginConfig,
	type XastChild,
	type XastElement,
	type XastParent,
	type XastRoot,
} from "svgo";
import { stringMemo } from "../memo.ts";
import { clearLaneTitles } from "./lane-titles.ts";
import { simplifyRoughShapes } from "./rough-shapes.ts";

export { POSTPROCESS_VERSION, prefixIds } from "./svg-ids.ts";

/**
 * CSS custom properties the site defines (light and dark) to colour diagrams. Each falls back to Mermaid's
 * `base` theme colour, so an SVG without site CSS still looks as Mermaid drew it.
 *
 *   --fb-diagram-text     label text, error text
 *   --fb-node-bg          node fill
 *   --fb-node-border      node outline
 *   --fb-edge             arrows, arrowheads
 *   --fb-edge-label-bg    background behind edge labels
 *   --fb-cluster-bg       swimlane (subgraph) fill
 *   --fb-cluster-border   swimlane outline
 *   --fb-cluster-text     swimlane title
 */
export const DIAGRAM_CSS_VARIABLES = [
	"--fb-diagram-text",
	"--fb-node-bg",
	"--fb-node-border",
	"--fb-edge",
	"--fb-edge-label-bg",
	"--fb-cluster-bg",
	"--fb-cluster-border",
	"--fb-cluster-text",
] as const;

export type DiagramCssVariable = (typeof DIAGRAM_CSS_VARIABLES)[number];

const COLOUR = /#[0-9a-fA-F]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)|\bblack\b|\bwhite\b/g;
const COLOUR_PROPS = new Set(["fill", "stroke", "color", "background", "background-color", "border", "stop-color"]);

function isBackground(prop: string): boolean {
	return prop === "fill" || prop === "background" || prop === "background-color";
}

/** Which variable a colour in `selector { prop: ... }` stands for. */
function roleOf(selector: string, prop: string): DiagramCssVariable {
	const textish = prop === "color" || /\b(text|span|p)\b/.test(selector) || /Text\b|-text\b|katex/.test(selector);
	if (/cluster-label|\.cluster (text|span)/.test(selector)) return "--fb-cluster-text";
	if (/\.cluster|collapsed|mermaidTooltip|error-icon/.test(selector))
		return isBackground(prop) ? "--fb-cluster-bg" : "--fb-cluster-border";
	if (/edgeLabel|labelBkg|icon-shape|image-shape/.test(selector) && prop !== "color") return "--fb-edge-label-bg";
	if (/marker|arrowhead|flowchart-link|edgePath|anchor|neo-line/.test(selector)) return "--fb-edge";
	if (textish) return "--fb-diagram-text";
	if (/\.node/.test(selector)) return isBackground(prop) ? "--fb-node-bg" : "--fb-node-border";
	return "--fb-diagram-text";
}

/** Rewrites hard-coded colours in Mermaid's stylesheet to `var(--fb-..., <original>)`. */
export function themeCss(css: string): string {
	return css.replace(/([^{}]*)\{([^{}]*)\}/g, (rule, selector: string, body: string) => {
		const decls = body.split(";").map((decl) => {
			const colon = decl.indexOf(":");
			if (colon < 0) return decl;
			const prop = decl.slice(0, colon).trim().toLowerCase();
			const value = decl.slice(colon + 1);
			if (!COLOUR_PROPS.has(prop) || value.includes("var(")) return decl;
			const role = roleOf(selector, prop);
			return `${decl.slice(0, colon + 1)}${value.replace(COLOUR, (c) => `var(${role}, ${c})`)}`;
		});
		return rule === "" ? rule : `${selector}{${decls.join(";")}}`;
	});
}

function textOf(node: XastElement): string {
	return node.children.map((c) => (c.type === "text" || c.type === "cdata" ? c.value : "")).join("");
}

function textChild(value: string): XastChild {
	return { type: "text", value };
}

function titleElement(text: string): XastElement {
	return { type: "element", name: "title", attributes: {}, children: [textChild(text)] };
}

/** Mermaid bookkeeping that a static page never reads (edge point lists alone are a third of the bytes). */
const DROPPED_DATA_ATTRIBUTES = ["data-points", "data-et", "data-edge", "data-id", "data-look", "data-node"];

/** Geometry attributes whose numbers are rounded (path data: see minifyPaths): Mermaid writes 16 decimals, 0.01 px is invisible. */
const ROUNDED_ATTRIBUTES = new Set(["points", "transform"]);
const DECIMAL = /-?\d*\.\d+(?:[eE][-+]?\d+)?/g;

/** Rounds every decimal number in a geometry attribute to 2 places (`1591.7333333` → `1591.73`, `-0.001` → `0`). */
export function roundNumbers(value: string): string {
	return value.replace(DECIMAL, (n) => {
		const r = Math.round(Number(n) * 100) / 100;
		return Object.is(r, -0) ? "0" : String(r);
	});
}

/** `display: table-cell; white-space: nowrap;` → `display:table-cell;white-space:nowrap`; empty → undefined. */
export function tidyStyle(style: string): string | undefined {
	// Quotes or parentheses may hide a `;` inside a value: leave such styles as they are.
	if (/["'()\\]/.test(style)) return style.trim() === "" ? undefined : style;
	const decls = style
		.split(";")
		.map((d) => d.trim().replace(/^([\w-]+)\s*:\s*/, "$1:"))
		.filter((d) => d !== "");
	return decls.length === 0 ? undefined : decls.join(";");
}

/** Elements that run code or load something from outside the SVG; printing and offline reading need none. */
const EMBEDDED = new Set(["script", "img", "image", "iframe", "object", "embed", "audio", "video", "link"]);

export interface PostprocessOptions {
	/** Accessible name when the diagram has no `accTitle`. */
	title?: string;
}

const URL_REF = /url\(\s*['"]?#([^)'"\s]+)/g;

/** Ids referenced through `url(#id)` anywhere: attributes (marker-end, fill, …) and stylesheets. */
function urlReferences(root: XastRoot): Set<string> {
	const refs = new Set<string>();
	const scan = (text: string) => {
		if (text.includes("url(")) for (const m of text.matchAll(URL_REF)) refs.add(m[1] as string);
	};
	const walk = (children: XastChild[]) => {
		for (const child of children) {
			if (child.type === "text" || child.type === "cdata") scan(child.value);
			if (child.type !== "element") continue;
			for (const value of Object.values(child.attributes)) scan(value);
			walk(child.children);
		}
	};
	walk(root.children);
	return refs;
}

function pathElements(children: XastChild[], out: XastElement[] = []): XastElement[] {
	for (const child of children) {
		if (child.type !== "element") continue;
		if (child.name === "path" && child.attributes.d !== undefined) out.push(child);
		pathElements(child.children, out);
	}
	return out;
}

const MARKER_ATTRIBUTES = ["marker-start", "marker-mid", "marker-end"] as const;

/** SVGO's own convertPathData plugin, called directly on a stub document of paths (see minifyPaths). */
const convertPathData = builtinPlugins.find((p) => p.name === "convertPathData") as {
	fn: (
		root: XastRoot,
		params: object,
		info: object,
	) => { element?: { enter?: (n: XastElement, p: XastParent) => void } };
};
const PATH_PARAMS = { floatPrecision: 2, applyTransforms: false };

/** A path carrying what Mermaid's stylesheet would give it, for convertPathData to make the same choices. */
function pathStub(path: XastElement): XastElement {
	const attrs = path.attributes;
	const stub: Record<string, string> = {
		stroke: "#000",
		"stroke-linecap": (attrs.class ?? "").includes("animation") ? "round" : "butt",
	};
	for (const m of MARKER_ATTRIBUTES) if (attrs[m] !== undefined) stub[m] = "url(#m)";
	// As when the stubs were SVG text (parsed by a second SVGO pass): characters that could not stand in it go.
	stub.d = (attrs.d as string).replace(/[<&"]/g, "");
	return { type: "element", name: "path", attributes: stub, children: [] };
}

/**
 * SVGO's convertPathData, run on the diagram's paths alone. In the full document it computes every path's style
 * against Mermaid's stylesheet (~40 ms a diagram); alone, each path carries what the stylesheet would give it:
 * a stroke, butt caps (round for Mermaid's animated edges) and its markers, so the plugin makes the same choices.
 * The stubs are handed to the plugin as nodes: a second `optimize` over them as text cost a parse and a
 * serialisation (~16% of post-processing) for the same result. (Mermaid's rough.js stadiums are redrawn before
 * this, in rough-shapes.ts.)
 */
function minifyPaths(root: XastRoot): void {
	const paths = pathElements(root.children);
	if (paths.length === 0) return;
	// Rounded first, so the paths are short even if the conversion below is skipped.
	for (const path of paths) path.attributes.d = roundNumbers(path.attributes.d as string);
	const stubs = paths.map(pathStub);
	const svg: XastElement = { type: "element", name: "svg", attributes: {}, children: stubs };
	const stubRoot: XastRoot = { type: "root", children: [svg] };
	const visitor = convertPathData.fn(stubRoot, PATH_PARAMS, {});
	for (const stub of stubs) visitor.element?.enter?.(stub, svg);
	paths.forEach((path, i) => {
		path.attributes.d = stubs[i]?.attributes.d as string;
	});
}

function rootSvgId(root: XastRoot): string {
	const svg = root.children.find((c): c is XastElement => c.type === "element" && c.name === "svg");
	return svg?.attributes.id ?? "";
}

/**
 * themeCss, once per distinct stylesheet. Only for the ids our renderer gives (`fbm<n>`): themeCss reads selectors
 * and colours, and such an id can be neither a word it looks for nor a hex colour, so the result does not depend on it.
 */
function themeSheet(css: string, rootId: string): string {
	if (!/^fbm\d+$/.test(rootId)) return themeCss(css);
	return withRootId(css, rootId, (scoped) => remember(`theme\0${scoped}`, () => themeCss(scoped)));
}

function flowbookPlugin(options: PostprocessOptions): CustomPlugin {
	return {
		name: "flowbook-diagram",
		fn: (root) => {
			const referenced = urlReferences(root);
			const rootId = rootSvgId(root);
			// Before the route points (`data-points`) are dropped below.
			clearLaneTitles(root);
			minifyPaths(root);
			return {
				element: {
					enter(node, parent) {
						// DOMPurify keeps `<img src=x>` from raw HTML labels: an external fetch, and nothing a flowchart needs.
						// Mermaid defines a dozen arrowhead markers per diagram whatever its edges use (~3 KB).
						const unusedMarker = node.name === "marker" && !referenced.has(node.attributes.id ?? "");
						if (EMBEDDED.has(node.name) || unusedMarker) {
							parent.children = parent.children.filter((c) => c !== node);
							return;
						}
						const attrs = node.attributes;
						for (const name of DROPPED_DATA_ATTRIBUTES) delete attrs[name];
						for (const name of ROUNDED_ATTRIBUTES) {
							const value = attrs[name];
							if (value !== undefined) attrs[name] = roundNumbers(value);
						}
						if (attrs.style !== undefined && node.name !== "svg") {
							const style = tidyStyle(attrs.style);
							if (style === undefined) delete attrs.style;
							else attrs.style = style;
						}
						// Mermaid repeats classes (`edge-thickness-normal edge-pattern-solid` twice on every edge).
						// (A class list without whitespace is one class, already as it would come out.)
						if (attrs.class !== undefined && /\s/.test(attrs.class))
							attrs.class = [...new Set(attrs.class.split(/\s+/).filter(Boolean))].join(" ");
						if (node.name === "style") {
							for (const child of node.children) {
								if (child.type === "text" || child.type === "cdata") child.value = themeSheet(child.value, rootId);
							}
						}
						// Mermaid's `click X href "url" "tooltip"` leaves a `title` attribute, which SVG ignores.
						const tooltip = node.attributes.title;
						if (tooltip !== undefined && node.name !== "svg") {
							delete node.attributes.title;
							node.children.unshift(titleElement(tooltip));
						}
						// Links must stay in the tab order (`removeXlink` later turns xlink:href into SVG 2 href).
						if (node.name === "a" && node.attributes.tabindex === "-1") delete node.attributes.tabindex;
						if (node.name === "svg" && parent.type === "root") finishRoot(node, options);
					},
				},
			};
		},
	};
}

function finishRoot(svg: XastElement, options: PostprocessOptions): void {
	const attrs = svg.attributes;
	// Keep Mermaid's graphics-document role: role="img" would hide the click links from assistive tech.
	attrs.role = "graphics-document document";
	attrs["aria-roledescription"] = "flowchart";
	attrs.width = "100%";
	delete attrs.height;
	const maxWidth = /max-width:\s*([\d.]+)px/.exec(attrs.style ?? "")?.[1];
	attrs.style = maxWidth ? `max-width:min(100%, ${Math.ceil(Number(maxWidth))}px)` : "max-width:100%";
	const hasTitle = svg.children.some((c) => c.type === "element" && c.name === "title" && textOf(c) !== "");
	if (!hasTitle && options.title) {
		svg.children.unshift(titleElement(options.title));
		attrs["aria-label"] = options.title;
	}
}

/**
 * A lean list, chosen by measuring each preset-default plugin on Mermaid output (docs/benchmarks.md): the preset
 * took 600-1000 ms per diagram, nearly all in plugins that compute styles against Mermaid's ~100-rule stylesheet
 * (removeHiddenElems alone ~1 s, removeUnknownsAndDefaults ~185 ms, collapseGroups ~80 ms, convertPathData ~40 ms,
 * mergePaths ~30 ms) for under 4 KB together; rounding path numbers in our own plugin gets most of convertPathData's
 * bytes. What is kept costs a few ms and saves bytes.
 */
const SVGO_PLUGINS: PluginConfig[] = [
	"removeComments",
	"removeMetadata",
	// ~5 KB off Mermaid's stylesheet. It runs after our plugin, so the themed var(--fb-…) colours are what it minifies.
	minifyStylesOnce(),
	"cleanupNumericValues",
	"convertTransform",
	"moveGroupAttrsToElems",
	"removeEmptyAttrs",
	// The <g> that held the dropped markers.
	removeEmptyContainersFast(),
	// SVG 2 `href`, followed and focusable without the xlink namespace.
	"removeXlink",
];

const removeEmptyContainers = builtinPlugins.find((p) => p.name === "removeEmptyContainers") as {
	fn: CustomPlugin["fn"];
};

/**
 * SVGO's removeEmptyContainers, shown only the rules of the stylesheet that can give a <g> a filter. The plugin
 * reads the stylesheet for one thing, whether an empty <g> has a filter (then it stays), and parsed all of
 * Mermaid's ~100 rules to learn it (~10% of post-processing). Other rules cannot change that answer; the few that
 * can are found once per distinct stylesheet (memo, filterRules) and shown to the plugin in its place while it sets
 * up, so everything it removes is what it removed before.
 */
function removeEmptyContainersFast(): CustomPlugin {
	return {
		name: "flowbook-remove-empty-containers",
		fn: (root, params, info) => {
			// Removal starts at an empty container (a parent empties only when its children go): without one, nothing
			// would be removed, and the stylesheet need not be read at all.
			if (!hasEmptyContainer(root.children)) return null;
			const rootId = rootSvgId(root);
			const texts = styleTexts(root.children);
			const saved = texts.map((t) => t.value);
			for (const t of texts)
				t.value = withRootId(t.value, rootId, (css) => remember(`filter\0${css}`, () => filterRules(css)));
			try {
				return removeEmptyContainers.fn(root, params, info);
			} finally {
				texts.forEach((t, i) => {
					t.value = saved[i] as string;
				});
			}
		},
	};
}

/** SVGO's container elements (should a future SVGO not list them, every element counts: the plugin then always runs). */
const CONTAINERS: { has(name: string): boolean } = _collections.elemsGroups.container ?? { has: () => true };

/** Whether an element SVGO counts as a container (the root <svg> aside) has no children. */
function hasEmptyContainer(children: XastChild[]): boolean {
	return children.some(
		(c) =>
			c.type === "element" &&
			((c.children.length === 0 && c.name !== "svg" && CONTAINERS.has(c.name)) || hasEmptyContainer(c.children)),
	);
}

/** The text of every <style> element. */
function styleTexts(children: XastChild[], out: { value: string }[] = []): { value: string }[] {
	for (const child of children) {
		if (child.type !== "element") continue;
		if (child.name === "style")
			for (const t of child.children) if (t.type === "text" || t.type === "cdata") out.push(t);
		styleTexts(child.children, out);
	}
	return out;
}

/** At-rules SVGO's stylesheet reader skips (style.js parseStylesheet). */
const KEYFRAMES = new Set(["keyframes", "-webkit-keyframes", "-o-keyframes", "-moz-keyframes"]);

type CssNode = ReturnType<typeof syntax.parse>;

/** Whether a selector's subject (its last compound) may be a <g>: no type selector there, or `g`, `*`, a namespace. */
function mayMatchG(selector: CssNode): boolean {
	if (selector.type !== "Selector") return true;
	let subject: CssNode[] = [];
	for (const part of selector.children) subject = part.type === "Combinator" ? [] : [...subject, part];
	return subject.every((part) => {
		if (part.type !== "TypeSelector") return true;
		const name = part.name.toLowerCase();
		return name === "g" || name === "*" || name.includes("|");
	});
}

function mayGiveGFilter(rule: CssNode): boolean {
	if (rule.type !== "Rule") return true;
	const declares = rule.block.children.some((d) => d.type === "Declaration" && d.property.toLowerCase() === "filter");
	const selectors = rule.prelude.type === "SelectorList" ? rule.prelude.children.toArray() : [rule.prelude];
	return declares && selectors.some(mayMatchG);
}

/**
 * What of a stylesheet can give a <g> a filter (`filter` is not inherited): the top-level rules that declare one
 * for a selector that may match a <g> (`.node rect` cannot), and every at-rule but keyframes (SVGO reads the rules in
 * @media and the like as conditional ones).
 */
export function filterRules(css: string): string {
	const ast = syntax.parse(css, { parseValue: false, parseAtrulePrelude: false });
	if (ast.type !== "StyleSheet") return css;
	ast.children = ast.children.filter((node) =>
		node.type === "Rule" ? mayGiveGFilter(node) : !(node.type === "Atrule" && KEYFRAMES.has(node.name)),
	);
	return syntax.generate(ast);
}

/** `compute` on the stylesheet with the diagram's id stood in by ROOT_ID, so one result serves every diagram. */
function withRootId(css: string, rootId: string, compute: (css: string) => string): string {
	const scoped = rootId !== "" && !css.includes(ROOT_ID);
	const out = compute(scoped ? css.replaceAll(`#${rootId}`, `#${ROOT_ID}`) : css);
	return scoped ? out.replaceAll(`#${ROOT_ID}`, `#${rootId}`) : out;
}

/** Minified stylesheets and style attributes, by input (bounded: a build has a handful of distinct ones). */
const remember = stringMemo<string>(500);
/** Stands in for the diagram's own id in a memo key: Mermaid scopes every rule with `#<svg id>`. */
const ROOT_ID = "fb-root-id";

/**
 * SVGO's minifyStyles (csso with the tags and classes the diagram uses, so unused rules go: 4.1 → 1.4 KB), done
 * once per distinct input. It was nine tenths of post-processing (~100 ms a diagram under load), for a stylesheet
 * that differs between diagrams only in the id it is scoped to. Id usage is left out: Mermaid's only id selector
 * is the diagram's own, which is always there.
 */
function minifyStylesOnce(): CustomPlugin {
	return {
		name: "flowbook-minify-styles",
		fn: () => {
			const tags = new Set<string>();
			const classes = new Set<string>();
			const sheets: { node: XastElement; parent: XastElement | XastRoot }[] = [];
			let rootId = "";
			return {
				element: {
					enter(node, parent) {
						tags.add(node.name);
						for (const c of node.attributes.class?.split(/\s+/) ?? []) if (c) classes.add(c);
						if (node.name === "svg" && parent.type === "root") rootId = node.attributes.id ?? "";
						if (node.name === "style" && node.children.length > 0) sheets.push({ node, parent });
						else if (node.attributes.style !== undefined) {
							const style = node.attributes.style;
							node.attributes.style = remember(`attr\0${style}`, () => minifyBlock(style).css);
						}
					},
				},
				root: {
					exit() {
						const usage = { tags: [...tags].sort(), classes: [...classes].sort() };
						for (const { node, parent } of sheets) minifySheet(node, parent, rootId, usage);
					},
				},
			};
		},
	};
}

function minifySheet(
	node: XastElement,
	parent: XastElement | XastRoot,
	rootId: string,
	usage: { tags: string[]; classes: string[] },
): void {
	const text = node.children[0];
	if (text?.type !== "text" && text?.type !== "cdata") return;
	const used = `${usage.tags.join(" ")}\0${usage.classes.join(" ")}`;
	const value = withRootId(text.value, rootId, (css) =>
		remember(`sheet\0${css}\0${used}`, () => minify(css, { usage }).css),
	);
	if (value === "") {
		parent.children = parent.children.filter((c) => c !== node);
		return;
	}
	// As SVGO does: a stylesheet with `<` or `>` (child combinators) must stay CDATA in XML.
	node.children = [/[<>]/.test(text.value) ? { type: "cdata", value } : { type: "text", value }];
}

/** Accessibility, theming and size fixes for one Mermaid SVG; pure. Ids are left to `prefixIds` (svg-ids.ts). */
export function postprocessSvg(svg: string, options: PostprocessOptions = {}): string {
	// Before SVGO parses it: the stadiums' rough outlines are most of a diagram's raw bytes.
	return optimize(simplifyRoughShapes(svg), { multipass: false, plugins: [flowbookPlugin(options), ...SVGO_PLUGINS] })
		.data;
}
