import { escapeHTML } from "astro/runtime/server/escape.js";
import { addAttribute } from "astro/runtime/server/render/util.js";
import { describe, expect, it } from "vitest";
import { attribute, escapeText, markCurrent, navHtml } from "../../../src/lib/site/nav-html.ts";

const tricky = [`Tom & Jerry's "deal" <Enterprise>`, "a&amp;b", "plain", "", "'\"<>&"];

describe("sidebar HTML escaping", () => {
	it("escapes text and attribute values exactly as Astro's templates do", () => {
		for (const s of tricky) {
			expect(escapeText(s)).toBe(String(escapeHTML(s)));
			expect(attribute("href", s)).toBe(String(addAttribute(s, "href")));
		}
	});
});

describe("navHtml", () => {
	const html = navHtml([
		{ links: [{ href: "/sales/", text: "Home" }] },
		{
			heading: "Guides & tips",
			links: [
				{ href: "/sales/pages/a/", text: "A <b>" },
				{ href: "/sales/pages/b/?x=1&y=2", text: "B", lang: "en" },
			],
		},
	]);

	it("writes each group as an optional heading and a list, escaping content", () => {
		expect(html).toBe(
			'<ul><li><a href="/sales/">Home</a></li></ul><h2>Guides &amp; tips</h2><ul>' +
				'<li><a href="/sales/pages/a/">A &lt;b&gt;</a></li>' +
				'<li><a href="/sales/pages/b/?x=1&amp;y=2" lang="en">B</a></li></ul>',
		);
	});

	it("marks only the page's own link as current, before its other attributes", () => {
		expect(markCurrent(html, "/sales/pages/b/?x=1&y=2")).toContain(
			'<a href="/sales/pages/b/?x=1&amp;y=2" aria-current="page" lang="en">B</a>',
		);
		const home = markCurrent(html, "/sales/");
		expect(home).toContain('<a href="/sales/" aria-current="page">Home</a>');
		expect(home.match(/aria-current/g)).toHaveLength(1);
		// A prefix of another link's address is not that link.
		expect(markCurrent(html, "/sales/pages/")).toBe(html);
	});
});
