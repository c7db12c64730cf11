import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "@mdx-js/mdx";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { rehypeMermaid, remarkMermaid } from "../../../src/lib/markdown/rehype-mermaid.ts";
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

async function run(markdown: string, renderer: () => MermaidRenderer = () => fake, page = "content/pages/x.md") {
	const cacheDir = mkdtempSync(join(tmpdir(), "fb-rehype-"));
	const file = await unified()
		.use(remarkParse)
		.use(remarkMermaid)
		.use(remarkRehype)
		.use(rehypeMermaid, { cacheDir, renderer, log: () => {} })
		.use(rehypeStringify)
		.process({ path: join(process.cwd(), page), value: markdown });
	return String(file);
}

describe("rehypeMermaid", () => {
	it("replaces a mermaid fence with a figure holding the inline SVG", async () => {
		const html = await run("# Hi\n\n```mermaid\nflowchart LR\nA --> B\n```\n");
		expect(html).toMatch(/<figure class="diagram"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="fbd[0-9a-f]{6}-0"/);
		expect(html).toContain("<title");
	});

	it("hands an MDX page the finished SVG as one string (set:html), not as JSX elements to compile and run", async () => {
		const cacheDir = mkdtempSync(join(tmpdir(), "fb-rehype-"));
		const code = String(
			await compile(
				{ path: join(process.cwd(), "content/pages/x.mdx"), value: "# Hi\n\n```mermaid\nflowchart LR\nA --> B\n```\n" },
				{ remarkPlugins: [remarkMermaid], rehypePlugins: [[rehypeMermaid, { cacheDir, renderer: () => fake }]] },
			),
		);
		expect(code).toMatch(/"set:html": "<svg xmlns=\\"http:\/\/www.w3.org\/2000\/svg\\" id=\\"fbd[0-9a-f]{6}-0\\"/);
		expect(code).toContain('className: "diagram"');
		expect(code).not.toMatch(/_jsx\(_components\.svg|"svg"/);
	});

	it("fails with the page path, the line in the page and Mermaid's message", async () => {
		await expect(
			run("# Hi\n\ntext\n\n```mermaid\nflowchart LR\nA -->>\n```\n", () => fake, "content/pages/x.mdx"),
		).rejects.toThrowErrorMatchingInlineSnapshot(`
			[MermaidFenceError: content/pages/x.mdx:7:1 error: mermaid: Parse error on line 2: (diagram starting at line 5)
			  hint: ...A -->>
			  ------^
			  Expecting 'NODE_STRING']
		`);
	});

	it("emits <pre class=mermaid> with the escaped source when no browser exists", async () => {
		resetNoBrowserWarning();
		const none = (): MermaidRenderer => ({
			render: async () => {
				throw new NoBrowserError(["CHROME_PATH"], ["none"]);
			},
			close: async () => {},
		});
		const html = await run('```mermaid\nflowchart LR\nA["<b>"] --> B\n```\n', none);
		expect(html).toMatchInlineSnapshot(`
			"<pre class="mermaid">flowchart LR
			A["&#x3C;b>"] --> B</pre>"
		`);
	});

	it("also handles pre > code.language-mermaid without the remark plugin", async () => {
		const cacheDir = mkdtempSync(join(tmpdir(), "fb-rehype-"));
		const file = await unified()
			.use(remarkParse)
			.use(remarkRehype)
			.use(rehypeMermaid, { cacheDir, renderer: () => fake })
			.use(rehypeStringify)
			.process("```mermaid\nflowchart LR\nA --> B\n```\n");
		expect(String(file)).toContain('<figure class="diagram"><svg');
	});
});
