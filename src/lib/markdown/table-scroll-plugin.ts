/**
 * Tables in Markdown/MDX pages scroll inside their own box on narrow screens instead of pushing the whole page
 * sideways. The box is a keyboard-focusable region (so it can be scrolled without a mouse), named after the table's
 * caption or the heading above it. A Sätteri hast plugin (see diagram-plugin.ts for the pipeline).
 */

/** The few shapes of Sätteri's hast plugin API used here. */
interface HastElement {
	type: "element";
	tagName: string;
	properties?: Record<string, unknown>;
	children?: { type: string; tagName?: string }[];
}
interface Context {
	parent(node: HastElement): HastElement | { type: string } | undefined;
	textContent(node: unknown): string;
	wrapNode(node: HastElement, wrapper: HastElement): void;
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

function inScrollBox(node: HastElement, ctx: Context): boolean {
	const parent = ctx.parent(node);
	const classes = parent && "properties" in parent ? parent.properties?.className : undefined;
	return Array.isArray(classes) && classes.includes("table-scroll");
}

/** One instance per page: tables are named after the last heading seen above them, in document order. */
export function tableScrollPlugin(fallbackLabel = "Table") {
	return () => {
		let heading: string | undefined;
		return {
			name: "flowbook-table-scroll",
			element: {
				filter: [...HEADINGS, "table"],
				visit(node: HastElement, ctx: Context) {
					if (node.tagName !== "table") {
						heading = ctx.textContent(node).trim() || heading;
						return;
					}
					if (inScrollBox(node, ctx)) return;
					const caption = node.children?.find((c) => c.tagName === "caption");
					const label = (caption && ctx.textContent(caption).trim()) || heading || fallbackLabel;
					ctx.wrapNode(node, {
						type: "element",
						tagName: "div",
						properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: label },
						children: [],
					});
				},
			},
		};
	};
}
