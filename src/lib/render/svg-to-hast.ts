import { type CustomPlugin, optimize, type XastChild, type XastElement, type XastRoot } from "svgo";

/** The few hast shapes this module produces (kept local: `hast` is not a direct dependency). */
export interface HastText {
	type: "text";
	value: string;
}
export interface HastElement {
	type: "element";
	tagName: string;
	properties: Record<string, string | number | boolean | (string | number)[] | null | undefined>;
	children: (HastElement | HastText)[];
}

function convert(node: XastChild): HastElement | HastText | undefined {
	if (node.type === "text" || node.type === "cdata") return { type: "text", value: node.value };
	if (node.type !== "element") return undefined;
	return toElement(node);
}

function toElement(node: XastElement): HastElement {
	// Attribute names are valid hast property keys: hast-util-to-html and -to-estree map them through
	// property-information, which resolves `viewBox`, `class`, `aria-*` and `stroke-width` alike.
	const children: (HastElement | HastText)[] = [];
	for (const child of node.children) {
		const converted = convert(child);
		if (converted) children.push(converted);
	}
	return { type: "element", tagName: node.name, properties: { ...node.attributes }, children };
}

/**
 * Parses a (postprocessed, well-formed) SVG string into a hast element. Element nodes, not a `raw` node, because
 * MDX's compiler rejects `raw`. SVGO's parser does the XML work with no extra dependency.
 */
export function svgToHast(svg: string): HastElement {
	let root: XastRoot | undefined;
	const capture: CustomPlugin = {
		name: "flowbook-capture",
		fn: (tree) => {
			root = tree;
			return null;
		},
	};
	optimize(svg, { plugins: [capture] });
	const element = root?.children.find((c): c is XastElement => c.type === "element" && c.name === "svg");
	if (!element) throw new Error("svgToHast: input has no <svg> root");
	return toElement(element);
}
