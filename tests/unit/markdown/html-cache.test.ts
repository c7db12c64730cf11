import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keptHtml } from "../../../src/lib/markdown/html-cache.ts";

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fb-markdown-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("keptHtml", () => {
	it("renders a text once per folder, kind and renderer version, and every time without a folder", () => {
		let renders = 0;
		const render = () => `<em>${++renders}</em>`;
		expect(keptHtml(dir, "v1", "inline", "*a*", render)).toBe("<em>1</em>");
		expect(keptHtml(dir, "v1", "inline", "*a*", render)).toBe("<em>1</em>");
		expect(keptHtml(dir, "v1", "block", "*a*", render)).toBe("<em>2</em>");
		expect(keptHtml(dir, "v2", "inline", "*a*", render)).toBe("<em>3</em>");
		expect(keptHtml(dir, "v1", "inline", "*b*", render)).toBe("<em>4</em>");
		expect(keptHtml(undefined, "v1", "inline", "*a*", render)).toBe("<em>5</em>");
		expect(readdirSync(dir).filter((f) => f.endsWith(".html"))).toHaveLength(4);
		expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
	});

	it("still gives the HTML when the folder cannot be written", () => {
		const file = join(dir, "not-a-folder");
		writeFileSync(file, "");
		expect(keptHtml(file, "v1", "inline", "*a*", () => "<em>a</em>")).toBe("<em>a</em>");
	});
});

describe("Markdown kept between builds", () => {
	afterEach(() => vi.resetModules());

	it("gives what rendering gives, and a later build (a fresh module) reads it back instead of rendering", async () => {
		const text = "Send the **proposal** and [log it](https://crm.example.com) <Enterprise>";
		const block = "First paragraph.\n\n- one\n- two";
		const plain = await import("../../../src/lib/markdown/inline.ts");
		plain.keepRenderedMarkdownIn(null);
		const expected = [plain.renderInlineMarkdown(text), plain.renderBlockMarkdown(block)];
		vi.resetModules();
		const first = await import("../../../src/lib/markdown/inline.ts");
		first.keepRenderedMarkdownIn(dir);
		expect([first.renderInlineMarkdown(text), first.renderBlockMarkdown(block)]).toEqual(expected);
		const files = readdirSync(dir);
		expect(files).toHaveLength(2);
		// Proof the next build reads the kept HTML rather than rendering again: a marked file comes back.
		for (const file of files) writeFileSync(join(dir, file), `<b data-kept="1">${file}</b>`);
		vi.resetModules();
		const next = await import("../../../src/lib/markdown/inline.ts");
		next.keepRenderedMarkdownIn(dir);
		expect(next.renderInlineMarkdown(text)).toContain('data-kept="1"');
		expect(next.renderBlockMarkdown(block)).toContain('data-kept="1"');
		// Another text is rendered, not taken from a kept one.
		expect(next.renderInlineMarkdown("*new*")).toBe("<em>new</em>");
	});
});
