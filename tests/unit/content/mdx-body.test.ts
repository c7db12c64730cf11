import { describe, expect, it } from "vitest";
import { checkMdxBody } from "../../../src/lib/content/mdx-body.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";

/** Every case as its own page, the problems of all of them as `validate` prints them. */
function report(cases: Record<string, string>): string {
	const lines = Object.entries(cases).flatMap(([name, body]) =>
		checkMdxBody(`content/pages/${name}.mdx`, body).problems.map(formatDiagnostic),
	);
	return `\n${lines.join("\n")}\n`;
}

describe("checkMdxBody (the build's MDX compiler, Sätteri)", () => {
	it("locates what MDX 3 cannot parse at the character to escape, with the parser's reason and a hint", () => {
		expect(
			report({
				comment: "# Notes\n\n<!-- internal: check with legal -->\n",
				br: "First line<br>\nsecond line\n",
				brace: "Budget { to be confirmed\n\nNext paragraph.\n",
				less: "Discount when seats <10 and term is annual.\n",
				autolink: "Ask in <https://chat.example.com>.\n",
				indented: "Example:\n\n    <Pricing {\n",
				mismatch: "<b>Only for managers</i>\n",
			}),
		).toMatchInlineSnapshot(`
			"
			content/pages/comment.mdx:3:1 error: MDX: Unexpected character \`!\` (U+0021) before name, expected a character that can start a name, such as a letter, \`$\`, or \`_\` (note: to create a comment in MDX, use \`{/* text */}\`)
			  hint: MDX has no \`<!-- -->\` comments: write \`{/* your note */}\` instead.
			content/pages/br.mdx:1:11 error: MDX: Expected a closing tag for \`<br>\` (1:11) before the end of \`paragraph\`
			  hint: Close every tag in the same paragraph or block (\`<br />\` for an empty one, \`</b>\` after the text), or write \`\\<\` to show the character as text.
			content/pages/brace.mdx:1:8 error: MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/less.mdx:1:21 error: MDX: Unexpected character \`1\` after \`<\`, expected a valid JSX tag
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/autolink.mdx:1:8 error: MDX: Unexpected character after \`<\` in \`<https://chat.example.com>\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`)
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/indented.mdx:3:5 error: MDX: Unexpected character after \`<\` in \`<Pricing {\`, expected a valid JSX tag (note: to create a link in MDX, use \`[text](url)\`)
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/mismatch.mdx:1:21 error: MDX: Unexpected closing tag \`</i>\`, expected corresponding closing tag for \`<b>\` (1:1)
			  hint: Close every tag in the same paragraph or block (\`<br />\` for an empty one, \`</b>\` after the text), or write \`\\<\` to show the character as text.
			"
		`);
	});

	it("reports every expression, component and import/export line that compiles but cannot render on these pages", () => {
		const body = [
			"import { Chart } from './chart.js'", // 1
			"", // 2
			"- Deals over {budget} need approval", // 3
			"- <Enterprise /> customers only", // 4
			"", // 5
			'See <a href={pricingUrl} title="Pricing">pricing</a> and <span {...props}>this</span>.', // 6
			"", // 7
			"{/* a comment renders nothing */}", // 8
		].join("\n");
		// `@mdx-js/mdx` accepted the attribute expressions, and the page then failed the build (`pricingUrl is not defined`).
		expect(report({ code: body })).toMatchInlineSnapshot(`
			"
			content/pages/code.mdx:1:1 error: MDX: \`import\`/\`export\` lines are code, which playbook pages do not run
			  hint: Remove the line, or indent it or put it in a code block if it is meant as text.
			content/pages/code.mdx:3:14 error: MDX: \`{budget}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/code.mdx:4:3 error: MDX: \`<Enterprise>\` is read as a component, and none by that name exists on these pages
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/code.mdx:6:5 error: MDX: \`{pricingUrl}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/code.mdx:6:58 error: MDX: \`{...props}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			"
		`);
	});

	it("reports what only the build's compile rejects, once and located: a broken import line, an empty attribute value", () => {
		expect(
			report({
				esm: "import Pricing from\n\n# Pricing\n",
				empty: "Text.\n\n<a title={}>link</a>\n",
			}),
		).toMatchInlineSnapshot(`
			"
			content/pages/esm.mdx:1:1 error: MDX: \`import\`/\`export\` lines are code, which playbook pages do not run
			  hint: Remove the line, or indent it or put it in a code block if it is meant as text.
			content/pages/empty.mdx:3:1 error: MDX: \`{}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			"
		`);
	});

	it("counts columns as editors do after non-ASCII text", () => {
		const [problem] = checkMdxBody("p.mdx", "Diskon 😀 untuk kursi <10\n").problems;
		expect(problem).toMatchObject({ line: 1, column: 23, code: "mdx-syntax" });
	});

	it("finds ```mermaid fences with their lines, inside JSX too, and as Markdown when the page does not parse", () => {
		const fence = ["```mermaid", "flowchart LR", "  a --> b", "```"];
		const inJsx = checkMdxBody("a.mdx", ["<div>", "", ...fence, "", "</div>", "", "```js", "x", "```"].join("\n"));
		expect(inJsx).toEqual({ problems: [], fences: [{ line: 3, source: "flowchart LR\n  a --> b" }] });
		const broken = checkMdxBody("b.mdx", ["<!-- draft -->", "", ...fence].join("\n"));
		expect(broken.problems.map((p) => p.code)).toEqual(["mdx-syntax"]);
		expect(broken.fences).toEqual([{ line: 3, source: "flowchart LR\n  a --> b" }]);
	});

	it("accepts a page with HTML, escaped characters, links and comments", () => {
		const body = [
			"# Pricing",
			"",
			"Seats \\<10 pay list price; see [the price list](https://example.com/prices).",
			"",
			"<details><summary>Why?</summary>Because <b>margin</b>.<br /></details>",
			"",
			"| Seats | Discount |",
			"| --- | --- |",
			"| 10 | 5% |",
			"",
			"{/* reviewed by sales ops */}",
		].join("\n");
		expect(checkMdxBody("ok.mdx", body)).toEqual({ problems: [], fences: [] });
	});
});
