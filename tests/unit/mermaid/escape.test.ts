import { describe, expect, it } from "vitest";
import {
	escapeHref,
	escapeLabel,
	escapeLine,
	escapeMermaidId,
	escapeMermaidLaneId,
	escapeTooltip,
} from "../../../src/lib/mermaid/escape.ts";

/**
 * What Mermaid (htmlLabels) does with an escaped label: `#x;` → `&x;`, then the browser decodes the HTML.
 * Enough of a model to check the contract without a DOM; the real rendering was checked in Chromium.
 */
function rendered(escaped: string): string {
	return escaped
		.replace(/#(\w+);/g, (_m, name: string) => (/^\d+$/.test(name) ? `&#${name};` : `&${name};`))
		.replace(/<span><\/span>/g, "")
		.replace(/<br>/g, "\n")
		.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, "<")
		.replace(/&gt;/g, ">")
		.replace(/&amp;/g, "&");
}

const nasty = [
	'Say "hi"',
	"[x] (y) {z} | w",
	"#1; #quot; #lt;",
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"a & b &amp; c",
	"`code`",
	"🚀 launch",
	"Kualifikasi prospek (BANT) — ya/tidak?",
	"%%{init: {'theme':'dark'}}%%",
	"direction TB",
	"ﬂ°lt¶ß",
];

describe("escapeLabel", () => {
	it.each(nasty)("round-trips %s", (text) => {
		expect(rendered(escapeLabel(text))).toBe(text);
	});

	it("leaves no character that could end the string or open markup", () => {
		for (const text of nasty) {
			const escaped = escapeLabel(text).replace(/<span><\/span>|<br>|#\w+;/g, "");
			expect(escaped).not.toMatch(/["<>&[\](){}|`;%#]/);
			expect(escaped).not.toMatch(/direction/i);
		}
	});

	it("keeps ordinary text readable", () => {
		expect(escapeLabel("Kualifikasi prospek (BANT) — ya/tidak? 🚀")).toBe(
			"Kualifikasi prospek #40;BANT#41; — ya/tidak? 🚀",
		);
	});

	it("turns line breaks into <br>", () => {
		expect(escapeLabel("one\ntwo\r\nthree")).toBe("one<br>two<br>three");
	});

	it("breaks sequences Mermaid would interpret after decoding", () => {
		expect(escapeLabel("a\\nb $$x$$ fa:fa-car")).toBe(
			"a\\<span></span>nb $<span></span>$x$<span></span>$ fa#58;<span></span>fa-car",
		);
	});
});

describe("escapeLine and escapeTooltip", () => {
	it("are single-line", () => {
		expect(escapeLine("one\n two\r\nthree  ")).toBe("one two three");
		expect(escapeTooltip("a\nb")).toBe("a b");
	});

	it.each(nasty)("round-trip %s", (text) => {
		expect(rendered(escapeLine(text))).toBe(text);
	});

	it("defuses values DOMPurify would drop from a title attribute", () => {
		expect(escapeTooltip("A --> B ]> </script")).toBe("A --\u2060#gt; B #93;\u2060#gt; #lt;\u2060/script");
	});
});

describe("escapeHref", () => {
	it("keeps ordinary URLs and percent-encodes what would break the quoted string", () => {
		expect(escapeHref("#step-qualify")).toBe("#step-qualify");
		expect(escapeHref("/b2b/#step-a")).toBe("/b2b/#step-a");
		expect(escapeHref('x" onclick="y;<')).toBe("x%22%20onclick=%22y%3B%3C");
	});
});

describe("escapeMermaidId", () => {
	it("prefixes so keywords are never ids", () => {
		for (const keyword of ["end", "graph", "subgraph", "click", "style", "class", "classDef", "default", "flowchart"]) {
			expect(escapeMermaidId(keyword)).toBe(`s_${keyword}`);
		}
	});

	it("is injective and uses a safe alphabet", () => {
		const ids = ["a-b", "a_b", "a__b", "a-_b", "a_-b", "a--b", "a_hb", "a_h", "a-h", "é x"];
		const mapped = ids.map(escapeMermaidId);
		expect(new Set(mapped).size).toBe(ids.length);
		for (const id of mapped) expect(id).toMatch(/^s_[A-Za-z0-9_]+$/);
		expect(escapeMermaidId("new-lead")).toBe("s_new_hlead");
		expect(escapeMermaidId("follow_up")).toBe("s_follow__up");
	});

	it("keeps lanes apart from steps", () => {
		expect(escapeMermaidLaneId("ae")).toBe("r_ae");
		expect(escapeMermaidLaneId("ae")).not.toBe(escapeMermaidId("ae"));
	});
});
