/**
 * Tables in Markdown/MDX pages scroll inside their own box on narrow screens instead of pushing the
 * whole page sideways. The box is a keyboard-focusable region (so it can be scrolled without a mouse),
 * named after the table's caption or the heading above it.
 *
 *   markdown: { processor: unified({ rehypePlugins: [rehypeTableScroll] }) }
 */
import { type HastNode, textOf } from "./rehype-mermaid.ts";

const isHeading = (node: HastNode) => node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "");

/** Wraps every `<table>` not already in a `.table-scroll`; `fallbackLabel` names tables with no caption or heading. */
export function wrapTables(tree: HastNode, fallbackLabel = "Table"): void {
	let heading: string | undefined;
	const visit = (node: HastNode, inScroll: boolean): void => {
		const children = node.children ?? [];
		for (let i = 0; i < children.length; i++) {
			const child = children[i] as HastNode;
			if (isHeading(child)) heading = textOf(child).trim() || heading;
			if (child.type !== "element") continue;
			const classes = child.properties?.className;
			const scroll = inScroll || (Array.isArray(classes) && classes.includes("table-scroll"));
			if (child.tagName === "table" && !scroll) {
				const caption = child.children?.find((c) => c.tagName === "caption");
				const label = (caption && textOf(caption).trim()) || heading || fallbackLabel;
				children[i] = {
					type: "element",
					tagName: "div",
					properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: label },
					children: [child],
				};
				continue;
			}
			visit(child, scroll);
		}
	};
	visit(tree, false);
}

export function rehypeTableScroll() {
	return (tree: HastNode): void => wrapTables(tree);
}
