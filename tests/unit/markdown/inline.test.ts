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

	it("drops raw HTML", () => {
		expect(renderInlineMarkdown("a <img src=x onerror=alert(1)> b")).toBe("a  b");
		expect(renderInlineMarkdown("say <script>alert(1)</script> hi")).toBe("say alert(1) hi");
		expect(renderInlineMarkdown("<script>alert(1)</script>")).toBe("");
		expect(renderInlineMarkdown('<a href="javascript:x" onclick="y">z</a>')).toBe("z");
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

	it("drops raw HTML", () => {
		expect(renderBlockMarkdown("p <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>")).toBe("<p>p </p>");
	});
});
