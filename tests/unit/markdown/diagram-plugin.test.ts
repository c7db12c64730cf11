import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type MdastPluginEntry, markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { diagramPlugin, linesBefore } from "../../../src/lib/markdown/diagram-plugin.ts";
import { resetNoBrowserWarning } from "../../../src/lib/render/cache.ts";
import { type MermaidRenderer, NoBrowserError } from "../../../src/lib/render/renderer.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="m1" viewBox="0 0 10 10"><title id="m1-t">T</title></svg>';

const fake: MermaidRenderer = {
	render: async (jobs) =>
		jobs.map((j) =>
			j.source.includes("-->>")
				? {
						id: j.id,
						error: { message: "Parse error on line 2:\n...A -->>\n------^\nExpecting 'NODE_STRING'", line: 2 },
					}
				: { id: j.id, svg: SVG },
		),
	close: async () => {},
};

const page = (name: string) => pathToFileURL(join(process.cwd(), "content/pages", name));
const plugins = (renderer: () => MermaidRenderer = () => fake) => ({
	// Typed loosely in src (Sätteri's types are not a runtime dependency there); the pipeline checks the shape.
	mdastPlugins: [
		diagramPlugin({
			cacheDir: mkdtempSync(join(tmpdir(), "fb-diagram-")),
			renderer,
			log: () => {},
		}) as unknown as MdastPluginEntry,
	],
});

describe("diagramPlugin (Sätteri)", () => {
	it("hands an MDX page the finished SVG as one string (set:html), not as JSX elements to compile and run", async () => {
		const { code } = await mdxToJs("# Hi\n\n```mermaid\nflowchart LR\nA --> B\n```\n", {
			...plugins(),
			fileURL: page("x.mdx"),
		});
		expect(code).toMatch(/"set:html": "<svg xmlns=\\"http:\/\/www.w3.org\/2000\/svg\\" id=\\"fbd[0-9a-f]{6}-0\\"/);
		expect(code).toContain('className: "diagram"');
		expect(code).not.toMatch(/_components\.svg|"svg"|"title"/);
	});

	it("puts the SVG into a Markdown page as HTML, each fence with its own id prefix", async () => {
		const { html } = await markdownToHtml(
			"```mermaid\nflowchart LR\nA --> B\n```\n\n```mermaid\nflowchart LR\nC --> D\n```\n",
			{
				...plugins(),
				fileURL: page("x.md"),
			},
		);
		const ids = [...html.matchAll(/<figure class="diagram"><svg [^>]*id="(fbd[0-9a-f]{6}-\d)"/g)].map((m) => m[1]);
		expect(ids).toHaveLength(2);
		expect(new Set(ids).size).toBe(2);
		expect(html).toContain("<title");
	});

	it("fails with the page path, the line in the page and Mermaid's message", async () => {
		await expect(
			mdxToJs("# Hi\n\ntext\n\n```mermaid\nflowchart LR\nA -->>\n```\n", { ...plugins(), fileURL: page("x.mdx") }),
		).rejects.toThrow(
			/content\/pages\/x\.mdx:7:1 error: mermaid: Parse error on line 2: \(diagram starting at line 5\)\n {2}hint: \.\.\.A -->>/,
		);
	});

	it("names the file's line when handed a Markdown page's body without its frontmatter, as Astro's content sync does", async () => {
		const dir = mkdtempSync(join(tmpdir(), "fb-page-"));
		const file = join(dir, "other.md");
		const text = "---\ntitle: Another guide\n---\n\nSome text.\n\n```mermaid\nflowchart LR\nA -->>\n```\n";
		writeFileSync(file, text);
		// What the content sync renders: the frontmatter blanked, then the whole trimmed (Astro's markdown entry type).
		const body = text.slice(text.indexOf("Some text.")).trim();
		await expect(markdownToHtml(body, { ...plugins(), fileURL: pathToFileURL(file) })).rejects.toThrow(
			/other\.md:9:1 error: mermaid: Parse error on line 2: \(diagram starting at line 7\)/,
		);
		// The whole file (MDX, Vite's Markdown pages): its own lines.
		await expect(markdownToHtml(text, { ...plugins(), fileURL: pathToFileURL(file) })).rejects.toThrow(
			/other\.md:9:1 /,
		);
	});

	it("counts the lines before a body only when the file ends with it", () => {
		expect(linesBefore("---\na: 1\n---\n\nbody\n", "body")).toBe(4);
		expect(linesBefore("---\r\na: 1\r\n---\r\n\r\nbody\r\n", "body")).toBe(4);
		expect(linesBefore("body\n", "body\n")).toBe(0);
		expect(linesBefore("changed since\n", "body")).toBe(0);
		expect(linesBefore("text\n", "")).toBe(0);
	});

	it("leaves the escaped source for the reader's browser when no browser exists", async () => {
		resetNoBrowserWarning();
		const none = (): MermaidRenderer => ({
			render: async () => {
				throw new NoBrowserError(["CHROME_PATH"], ["none"]);
			},
			close: async () => {},
		});
		const { html } = await markdownToHtml('```mermaid\nflowchart LR\nA["<b>"] --> B\n```\n', {
			...plugins(none),
			fileURL: page("x.md"),
		});
		expect(html).toContain('<pre class="mermaid">flowchart LR\nA["&lt;b&gt;"] --&gt; B</pre>');
	});

	it("leaves other code blocks alone", async () => {
		const { html } = await markdownToHtml("```js\nlet a = 1;\n```\n", { ...plugins(), fileURL: page("x.md") });
		expect(html).toContain('<code class="language-js">');
	});
});
