import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
	DIAGRAM_CSS_VARIABLES,
	filterRules,
	POSTPROCESS_VERSION,
	postprocessSvg,
	prefixIds,
	roundNumbers,
	themeCss,
	tidyStyle,
} from "../../../src/lib/render/postprocess.ts";

// Real Mermaid 12 output for tests/fixtures/render/sales.mmd (render id `fbm1`).
const raw = readFileSync(new URL("../../fixtures/render/sales.mermaid.svg", import.meta.url), "utf8");
const out = postprocessSvg(raw);

function ids(svg: string): string[] {
	return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
}

describe("postprocessSvg", () => {
	it("minifies each diagram's stylesheet for that diagram, also when an equal one was minified before", () => {
		// The same drawing under another render id: its stylesheet comes from the memo, scoped to its own id.
		const again = postprocessSvg(raw.replaceAll("fbm1", "fbm77"));
		expect(again).toBe(out.replaceAll("fbm1", "fbm77"));
		const css = /<style>([\s\S]*)<\/style>/.exec(again)?.[1] ?? "";
		expect(css).toMatch(/^(?:@keyframes[^{]*\{(?:[^{}]*\{[^}]*\})*\}|#fbm77[^{]*\{[^}]*\})+$/);
		expect(again).not.toMatch(/fbm1\b|fb-root-id/);
		// Rules for classes the diagram does not use are gone (csso usage): Mermaid's error icon, thick edges.
		expect(raw).toContain(".error-icon");
		expect(css).not.toMatch(/\.error-icon|\.edge-thickness-thick/);
	});

	it("shrinks the SVG", () => {
		expect(out.length).toBeLessThan(raw.length * 0.4);
	});

	it("keeps the accessible name and description and a graphics-document role", () => {
		const root = /<svg[^>]*>/.exec(out)?.[0] ?? "";
		expect(root).toContain('role="graphics-document document"');
		expect(root).toContain('aria-roledescription="flowchart"');
		expect(root).toMatch(/aria-labelledby="chart-title-fbm1"/);
		expect(out).toContain('<title id="chart-title-fbm1">Sales</title>');
		expect(out).toContain('<desc id="chart-desc-fbm1">Three steps</desc>');
	});

	it("is responsive: full width up to its natural size, no fixed height", () => {
		const root = /<svg[^>]*>/.exec(out)?.[0] ?? "";
		expect(root).toContain('width="100%"');
		expect(root).not.toMatch(/\sheight=/);
		expect(root).toMatch(/style="max-width:min\(100%,\d+px\)"/);
	});

	it("turns the click tooltip into a <title> and keeps the link focusable", () => {
		expect(out).not.toMatch(/\stitle="/);
		expect(out).toMatch(/<a [^>]*href="#step-b"[^>]*><g [^>]*><title>Prospecting tooltip<\/title>/);
		expect(out).not.toContain("tabindex");
		expect(out).not.toContain("xlink:");
	});

	it("keeps the label text literal and adds no script, image or external reference", () => {
		expect(out).toContain("Prospecting &quot;A&quot; &lt;script&gt;");
		expect(out).toContain("Yes | maybe");
		expect(out).not.toMatch(/<script|<image|<img|https?:\/\/(?!www\.w3\.org)/);
	});

	it("drops Mermaid's bookkeeping attributes", () => {
		expect(out).not.toMatch(/\sdata-(points|look|et|edge|id)="/);
	});

	it("themes every colour of the stylesheet through custom properties", () => {
		const css = /<style>([\s\S]*)<\/style>/.exec(out)?.[1] ?? "";
		const bare = css.replace(/var\(--fb-[a-z-]+, [^()]*(\([^()]*\))?\)/g, "");
		expect(bare).not.toMatch(/(fill|stroke|color|background(-color)?):\s*(#|rgb|hsl)/);
		for (const name of ["--fb-node-bg", "--fb-node-border", "--fb-edge", "--fb-cluster-bg", "--fb-diagram-text"]) {
			expect(css).toContain(`var(${name},`);
		}
	});
});

describe("themeCss", () => {
	it("maps selectors to roles and keeps the original colour as fallback", () => {
		expect(themeCss("#a .node rect{fill:#fff4dd;stroke:hsl(40, 60%, 83%);stroke-width:1px;}")).toMatchInlineSnapshot(
			`"#a .node rect{fill:var(--fb-node-bg, #fff4dd);stroke:var(--fb-node-border, hsl(40, 60%, 83%));stroke-width:1px;}"`,
		);
		expect(themeCss("#a .cluster rect{fill:#eee}#a .flowchart-link{stroke:#0b0b0b;fill:none}")).toMatchInlineSnapshot(
			`"#a .cluster rect{fill:var(--fb-cluster-bg, #eee)}#a .flowchart-link{stroke:var(--fb-edge, #0b0b0b);fill:none}"`,
		);
	});

	it("exports the variable names the site defines", () => {
		expect(DIAGRAM_CSS_VARIABLES).toContain("--fb-edge-label-bg");
	});
});

describe("prefixIds", () => {
	const a = prefixIds(out, "fbA");
	const b = prefixIds(out, "fbB");

	it("renames every id and gives two diagrams disjoint ids", () => {
		const aIds = ids(a);
		expect(aIds.length).toBeGreaterThan(5);
		expect(aIds.every((id) => id === "fbA" || id.startsWith("fbA-"))).toBe(true);
		expect(new Set(aIds).size).toBe(aIds.length);
		const bIds = new Set(ids(b));
		expect(aIds.some((id) => bIds.has(id))).toBe(false);
	});

	it("rewrites every reference to an id and nothing else", () => {
		const defined = new Set(ids(a));
		const refs = [
			...[...a.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]),
			...[...a.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)].map((m) => m[1]),
		];
		expect(refs.length).toBeGreaterThan(2);
		for (const ref of refs) expect(defined.has(ref as string)).toBe(true);
		const css = /<style>([\s\S]*)<\/style>/.exec(a)?.[1] ?? "";
		expect(css).toContain("#fbA ");
		expect(css).not.toContain("fbm1");
		expect(a).not.toContain("fbm1");
		// A page anchor is not an id of the SVG and must survive.
		expect(a).toContain('href="#step-b"');
	});

	it("leaves references to page anchors alone", () => {
		const svg = '<svg id="x"><style>#x .a{fill:red}#other{}</style><a href="#step-prospecting"/><use href="#x"/></svg>';
		expect(prefixIds(svg, "p")).toMatchInlineSnapshot(
			`"<svg id="p"><style>#p .a{fill:red}#other{}</style><a href="#step-prospecting"/><use href="#p"/></svg>"`,
		);
	});
});

describe("lean post-processing", () => {
	it("rounds geometry to 2 decimals and never writes -0", () => {
		expect(roundNumbers("M180,1591.7333333333333L192.92893218813452,-0.001")).toBe("M180,1591.73L192.93,0");
		expect(roundNumbers("translate(497.7265625, 47.5)")).toBe("translate(497.73, 47.5)");
	});

	it("tidies style attributes and leaves ones with quotes or parentheses alone", () => {
		expect(tidyStyle("display: table-cell; white-space: nowrap;")).toBe("display:table-cell;white-space:nowrap");
		expect(tidyStyle(";")).toBeUndefined();
		expect(tidyStyle('font-family: "A;B"; x: 1')).toBe('font-family: "A;B"; x: 1');
	});

	it("keeps only the arrowhead markers the edges use", () => {
		const markers = [...out.matchAll(/<marker [^>]*id="([^"]+)"/g)].map((m) => m[1]);
		expect(markers).toEqual(["fbm1_flowchart-v2-pointEnd"]);
		expect(out).toContain('marker-end="url(#fbm1_flowchart-v2-pointEnd)"');
	});

	it("drops Mermaid's repeated classes", () => {
		expect(out).not.toMatch(/class="[^"]*\b(edge-pattern-solid)\b[^"]*\b\1\b/);
		expect(out).toContain('class="edge-thickness-normal edge-pattern-solid flowchart-link"');
	});

	it("minifies the hand-drawn-style shape paths", () => {
		const longest = Math.max(...[...out.matchAll(/\sd="([^"]*)"/g)].map((m) => (m[1] as string).length));
		const rawLongest = Math.max(...[...raw.matchAll(/\sd="([^"]*)"/g)].map((m) => (m[1] as string).length));
		expect(longest).toBeLessThan(rawLongest * 0.6);
		expect(out).not.toMatch(/\sd="[^"]*\d\.\d{3}/);
	});
});

describe("postprocessSvg output stays the same bytes (cached diagrams are reused across versions)", () => {
	it("gives the recorded output for the fixture (bump POSTPROCESS_VERSION and re-record when it must change)", () => {
		// Recorded with the post-processing of POSTPROCESS_VERSION 5, before the speed work that must not change it.
		const recorded = readFileSync(new URL("../../fixtures/render/sales.postprocessed.svg", import.meta.url), "utf8");
		expect(out).toBe(recorded);
		expect(POSTPROCESS_VERSION).toBe("5");
	});
});

describe("empty containers", () => {
	const svg = (css: string) =>
		`<svg xmlns="http://www.w3.org/2000/svg" id="fbm3"><style>${css}</style><g class="shadowed"/><g class="plain"/><rect class="shadowed plain" width="1" height="1"/></svg>`;

	it("drops an empty <g> and keeps one the stylesheet gives a filter, as SVGO's removeEmptyContainers does", () => {
		const out = postprocessSvg(svg("#fbm3 .plain{fill:red}#fbm3 .shadowed{filter:drop-shadow(1px 1px 1px #000)}"));
		expect(out).toContain('<g class="shadowed"/>');
		expect(out).not.toContain('<g class="plain"/>');
	});

	it("keeps an empty <g> that a type selector gives a filter", () => {
		const out = postprocessSvg(svg("#fbm3 rect{filter:blur(1px)}#fbm3 g.plain{filter:blur(1px)}"));
		expect(out).toContain('<g class="plain"/>');
		expect(out).not.toContain('<g class="shadowed"/>');
	});

	it("reads the filter rules of each stylesheet, not a remembered one", () => {
		postprocessSvg(svg("#fbm3 .shadowed{filter:drop-shadow(1px 1px 1px #000)}"));
		const out = postprocessSvg(svg("#fbm3 .plain{filter:blur(1px)}"));
		expect(out).toContain('<g class="plain"/>');
		expect(out).not.toContain('<g class="shadowed"/>');
	});
});

describe("filterRules", () => {
	it("keeps the rules that may give a <g> a filter, and at-rules other than keyframes", () => {
		const css =
			"@keyframes dash{to{stroke-dashoffset:0}}#a .x{fill:red}#a .y,#a .z{stroke:red;filter:none}@media print{.w{filter:none}}";
		expect(filterRules(css)).toBe("#a .y,#a .z{stroke:red;filter:none}@media print{.w{filter:none}}");
	});

	it("drops filter rules whose subject is another element, keeps g, * and any rule with one such selector", () => {
		const css =
			"#a rect,.b polygon{filter:none}.c>g{filter:none}*{filter:none}.d path,.e{filter:none}g rect{filter:none}";
		expect(filterRules(css)).toBe(".c>g{filter:none}*{filter:none}.d path,.e{filter:none}");
	});
});
