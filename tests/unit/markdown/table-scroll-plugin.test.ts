import { type HastPluginEntry, markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { tableScrollPlugin } from "../../../src/lib/markdown/table-scroll-plugin.ts";

const options = { hastPlugins: [tableScrollPlugin() as unknown as HastPluginEntry] };
const table = "| a | b |\n| - | - |\n| 1 | 2 |\n";

describe("tableScrollPlugin (Sätteri)", () => {
	it("wraps a table in a focusable region named after the heading above it", async () => {
		const { html } = await markdownToHtml(`## Stages & owners\n\n${table}`, options);
		expect(html).toMatch(
			/<div class="table-scroll" role="region" tabindex="0" aria-label="Stages &amp; owners"><table>/,
		);
	});

	it("names each table after its own nearest heading, and leaves other content alone", async () => {
		const { html } = await markdownToHtml(`# Page\n\n${table}\n### Later\n\ntext\n\n${table}\n${table}`, options);
		expect([...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1])).toEqual(["Page", "Later", "Later"]);
		expect(html).toContain("<p>text</p>");
	});

	it("names a table with no heading above it generically, and wraps tables in MDX pages too", async () => {
		const { html } = await markdownToHtml(table, options);
		expect(html).toContain('aria-label="Table"');
		const { code } = await mdxToJs(`## Owners\n\n${table}`, options);
		expect(code).toMatch(/className: "table-scroll",\s*role: "region",\s*tabIndex: "0",\s*"aria-label": "Owners"/);
	});
});
