import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { wrapTables } from "../../../src/lib/markdown/rehype-table-scroll.ts";

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
const text = (value: string): Node => ({ type: "text", value });
const el = (tagName: string, children: Node[] = [], properties: Record<string, unknown> = {}): Node => ({
	type: "element",
	tagName,
	properties,
	children,
});
const table = (...children: Node[]) => el("table", [...children, el("tbody", [el("tr", [el("td", [text("1")])])])]);

function html(children: Node[]): string {
	const tree = { type: "root", children };
	wrapTables(tree);
	// biome-ignore lint/suspicious/noExplicitAny: a hand-built hast tree
	const root = tree as any;
	return unified().use(rehypeStringify).stringify(root);
}

describe("wrapTables", () => {
	it("wraps a table in a focusable region named after the heading above it", () => {
		const out = html([el("h2", [text("Stages & owners")]), table()]);
		expect(out).toBe(
			'<h2>Stages &#x26; owners</h2><div class="table-scroll" role="region" tabindex="0" aria-label="Stages &#x26; owners"><table><tbody><tr><td>1</td></tr></tbody></table></div>',
		);
	});

	it("prefers the caption, names each table after its own nearest heading, and leaves other content alone", () => {
		const out = html([
			el("h1", [text("Page")]),
			table(el("caption", [text("Who does what")])),
			el("section", [el("h3", [text("Later")]), el("p", [text("text")]), table()]),
			table(),
		]);
		expect([...out.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1])).toEqual(["Who does what", "Later", "Later"]);
		expect(out).toContain("<p>text</p>");
	});

	it("does not wrap a table that already scrolls in its own box", () => {
		const inner = table();
		const tree = { type: "root", children: [el("div", [inner], { className: ["table-scroll"] })] };
		wrapTables(tree);
		expect(tree.children[0]?.children?.[0]).toBe(inner);
	});
});
