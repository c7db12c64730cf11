import { type CustomPlugin, optimize, type PluginConfig, type XastChild, type XastElement } from "svgo";

/** Bump when the output of `postprocessSvg` changes, so cached diagrams are rebuilt. */
export const POSTPROCESS_VERSION = "2";

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

/** Elements that run code or load something from outside the SVG; printing and offline reading need none. */
const EMBEDDED = new Set(["script", "img", "image", "iframe", "object", "embed", "audio", "video", "link"]);

export interface PostprocessOptions {
	/** Accessible name when the diagram has no `accTitle`. */
	title?: string;
}

function flowbookPlugin(options: PostprocessOptions): CustomPlugin {
	return {
		name: "flowbook-diagram",
		fn: () => ({
			element: {
				enter(node, parent) {
					// DOMPurify keeps `<img src=x>` from raw HTML labels: an external fetch, and nothing a flowchart needs.
					if (EMBEDDED.has(node.name)) {
						parent.children = parent.children.filter((c) => c !== node);
						return;
					}
					for (const name of DROPPED_DATA_ATTRIBUTES) delete node.attributes[name];
					if (node.name === "style") {
						for (const child of node.children) {
							if (child.type === "text" || child.type === "cdata") child.value = themeCss(child.value);
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
		}),
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

const SVGO_PLUGINS: PluginConfig[] = [
	{
		name: "preset-default",
		params: {
			overrides: {
				// Ids are rewritten by prefixIds; SVGO renaming them would break aria-labelledby and page CSS.
				cleanupIds: false,
				// Inlining would move the themed rules out of <style>, where the site's variables apply.
				inlineStyles: false,
				// Titles and descriptions are the diagram's accessible name and description.
				removeDesc: false,
				// Mermaid's class names are what the site's CSS and the <style> block select on.
				convertShapeToPath: false,
				// Its SVG 1.1 tables drop SVG 2 `href` and `role`.
				removeUnknownsAndDefaults: { keepRoleAttr: true, keepAriaAttrs: true },
			},
		},
	},
	// After the preset: SVG 2 `href`, followed and focusable without the xlink namespace.
	"removeXlink",
];

/** Accessibility, theming and size fixes for one Mermaid SVG; pure. Ids are left to `prefixIds`. */
export function postprocessSvg(svg: string, options: PostprocessOptions = {}): string {
	return optimize(svg, { multipass: false, plugins: [flowbookPlugin(options), ...SVGO_PLUGINS] }).data;
}

const ID_ATTR = /\sid="([^"]+)"/g;

/**
 * Renames every id in the SVG to `<prefix>` (root) or `<prefix>-<n>`, with all references: url(#…), href="#…",
 * aria-labelledby/-describedby and `#id` selectors in <style>. References to ids the SVG does not define
 * (page anchors such as `#step-prospecting`) are left alone.
 */
export function prefixIds(svg: string, prefix: string): string {
	const map = new Map<string, string>();
	for (const match of svg.matchAll(ID_ATTR)) {
		const id = match[1] as string;
		if (!map.has(id)) map.set(id, map.size === 0 ? prefix : `${prefix}-${map.size.toString(36)}`);
	}
	if (map.size === 0) return svg;
	const rename = (id: string) => map.get(id) ?? id;
	const idList = (list: string) => list.split(/\s+/).map(rename).join(" ");
	// url(#…) inside <style> is left to the url() pass below, so nothing is renamed twice.
	const renameStyle = (css: string) =>
		css.replace(/(url\(\s*['"]?)?#(-?[_a-zA-Z][\w-]*)/g, (whole, url: string | undefined, id: string) =>
			url === undefined && map.has(id) ? `#${rename(id)}` : whole,
		);
	return svg
		.replace(
			/(<style[^>]*>)([\s\S]*?)(<\/style>)/g,
			(_, open: string, css: string, close: string) => `${open}${renameStyle(css)}${close}`,
		)
		.replace(ID_ATTR, (_, id: string) => ` id="${rename(id)}"`)
		.replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (_, q: string, id: string) => `url(${q}#${rename(id)}${q})`)
		.replace(/(\s(?:xlink:)?href)="#([^"]*)"/g, (_, attr: string, id: string) => `${attr}="#${rename(id)}"`)
		.replace(
			/(\saria-(?:labelledby|describedby))="([^"]*)"/g,
			(_, attr: string, ids: string) => `${attr}="${idList(ids)}"`,
		);
}
