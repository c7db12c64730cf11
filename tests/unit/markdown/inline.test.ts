import { describe, expect, it } from "vitest";
import { renderBlockMarkdown, renderInlineMarkdown } from "../../../src/lib/markdown/inline.ts";

describe("renderInlineMarkdown", () => {
	it("renders emphasis, strong, code and links without a paragraph", () => {
		expect(renderInlineMarkdown("Call *within* **24h**, log it in `CRM` ([guide](/guide/))")).toBe(
			'Call <em>within</em> <strong>24h</strong>, log it in <code>CRM</code> (<a href="/guide/">guide</a>)',
		);
	});

	it("marks external links noopener", () => {
		expect(renderInlineMarkdown("[docs](https://example.com/a)")).toBe(
			'<a href="https://example.com/a" rel="noopener">docs</a>',
		);
	});

	it("drops javascript: links but keeps their text", () => {
		expect(renderInlineMarkdown("[click](javascript:alert(1)) and [x](JavaScript:void(0))")).toBe("click and x");
	});

	it("shows raw HTML as the text the author typed, escaped", () => {
		expect(renderInlineMarkdown("Only for <Enterprise> deals")).toMatchInlineSnapshot(
			`"Only for &#x3C;Enterprise> deals"`,
		);
		expect(renderInlineMarkdown("a <img src=x onerror=alert(1)> b")).toMatchInlineSnapshot(
			`"a &#x3C;img src=x onerror=alert(1)> b"`,
		);
		expect(renderInlineMarkdown("say <script>alert(1)</script> hi")).toMatchInlineSnapshot(
			`"say &#x3C;script>alert(1)&#x3C;/script> hi"`,
		);
		expect(renderInlineMarkdown('<a href="javascript:x" onclick="y">z</a>')).toMatchInlineSnapshot(
			`"&#x3C;a href="javascript:x" onclick="y">z&#x3C;/a>"`,
		);
	});

	it("turns images from other hosts into links, so the reader's browser fetches nothing", () => {
		expect(renderInlineMarkdown("see ![chart](https://tracker.example/p.png)")).toMatchInlineSnapshot(
			`"see <a href="https://tracker.example/p.png" rel="noopener">chart</a>"`,
		);
		expect(renderInlineMarkdown("![](//tracker.example/p.png)")).toMatchInlineSnapshot(
			`"<a href="//tracker.example/p.png" rel="noopener">//tracker.example/p.png</a>"`,
		);
		expect(renderInlineMarkdown("![logo](data:image/png;base64,AAAA)")).not.toContain("<img");
	});

	it("escapes special characters", () => {
		expect(renderInlineMarkdown("Budget < 10k & BANT")).toBe("Budget &#x3C; 10k &#x26; BANT");
	});

	it("keeps several paragraphs as paragraphs", () => {
		expect(renderInlineMarkdown("one\n\ntwo")).toBe("<p>one</p>\n<p>two</p>");
	});

	it("returns an empty string for empty input", () => {
		expect(renderInlineMarkdown("")).toBe("");
	});

	it("gives the same result when called again (cached processor)", () => {
		expect(renderInlineMarkdown("*a*")).toBe(renderInlineMarkdown("*a*"));
	});
});

describe("renderBlockMarkdown", () => {
	it("keeps paragraphs and lists", () => {
		expect(renderBlockMarkdown("Intro *text*\n\n- one\n- two")).toBe(
			"<p>Intro <em>text</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
		);
	});

	it("keeps a single paragraph wrapped", () => {
		expect(renderBlockMarkdown("only")).toBe("<p>only</p>");
	});

	it("shows raw HTML as text", () => {
		expect(renderBlockMarkdown("p <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>")).toMatchInlineSnapshot(`
			"<p>p &#x3C;img src=x onerror=alert(1)></p>
			&#x3C;script>alert(1)&#x3C;/script>"
		`);
	});
	it("keeps results by text, inline and block apart, past the memo's limit", () => {
		const texts = Array.from({ length: 5003 }, (_, i) => `Step *${i}*`);
		const first = texts.map(renderInlineMarkdown);
		expect(first[4]).toBe("Step <em>4</em>");
		expect(texts.map(renderInlineMarkdown)).toEqual(first);
		expect(renderBlockMarkdown("Step *4*")).toBe("<p>Step <em>4</em></p>");
		expect(renderInlineMarkdown("Step *4*")).toBe("Step <em>4</em>");
	});
});
