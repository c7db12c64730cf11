import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postprocessSvg } from "../../../src/lib/render/postprocess.ts";
import { simplifyRoughPath, simplifyRoughShapes } from "../../../src/lib/render/rough-shapes.ts";

// Real Mermaid 12 output: `s_a(["New lead"])` is a stadium, drawn by rough.js as a fill path and an outline path.
const raw = readFileSync(new URL("../../fixtures/render/sales.mermaid.svg", import.meta.url), "utf8");
const stadiumPaths = [
	...raw.matchAll(/<g class="basic label-container outer-path"><path d="([^"]*)"[^>]*\/><path d="([^"]*)"/g),
][0];
const [fill, outline] = [stadiumPaths?.[1] as string, stadiumPaths?.[2] as string];

const numbers = (d: string) => (d.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
/** Bounding box of every number pair (good enough for M/C/L paths). */
function box(d: string): number[] {
	const n = numbers(d);
	const xs = n.filter((_, i) => i % 2 === 0);
	const ys = n.filter((_, i) => i % 2 === 1);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** An absolute polyline through `pts`, written the way rough.js writes its paths (long, many decimals). */
const polyline = (pts: [number, number][]) =>
	`M${pts[0]?.[0]} ${pts[0]?.[1]} ${pts
		.slice(1)
		.map(([x, y]) => `L${x.toFixed(12)} ${y.toFixed(12)}`)
		.join(" ")}`;

/** Points around a rounded rectangle of width w, height h, corner radius r, centred on 0. */
function roundedRectPoints(w: number, h: number, r: number, perCorner = 40): [number, number][] {
	const [x0, y0, x1, y1] = [-w / 2, -h / 2, w / 2, h / 2];
	const corners: [number, number, number][] = [
		[x1 - r, y0 + r, -Math.PI / 2],
		[x1 - r, y1 - r, 0],
		[x0 + r, y1 - r, Math.PI / 2],
		[x0 + r, y0 + r, Math.PI],
	];
	const pts: [number, number][] = [[x0 + r, y0]];
	for (const [cx, cy, start] of corners) {
		for (let i = 0; i <= perCorner; i++) {
			const a = start + (i / perCorner) * (Math.PI / 2);
			pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
		}
	}
	return pts;
}

describe("rough.js stadiums redrawn", () => {
	it("finds the fixture's stadium, thousands of characters per path", () => {
		expect(fill.length).toBeGreaterThan(5000);
		expect(outline.length).toBeGreaterThan(20000);
	});

	it("redraws the fill and the outline as the same stadium, in the same place", () => {
		const [a, b] = [simplifyRoughPath(fill), simplifyRoughPath(outline)];
		expect(a).toBeDefined();
		expect(a).toBe(b);
		expect((a as string).length).toBeLessThan(200);
		// Two half circles of radius h/2 through the rough outline's extremes.
		const [x0, y0, x1, y1] = box(fill).map((v) => Math.round(v * 100) / 100) as [number, number, number, number];
		const r = (y1 - y0) / 2;
		const n = (v: number) => String(Math.round(v * 100) / 100);
		expect(a).toBe(
			`M${n(x0 + r)} ${n(y0)}H${n(x1 - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x1)} ${n(y0 + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x1 - r)} ${n(y1)}` +
				`H${n(x0 + r)}A${n(r)} ${n(r)} 0 0 1 ${n(x0)} ${n(y1 - r)}A${n(r)} ${n(r)} 0 0 1 ${n(x0 + r)} ${n(y0)}Z`,
		);
	});

	it("redraws a rounded rectangle with its own corner radius", () => {
		const d = polyline(roundedRectPoints(200, 80, 8));
		expect(simplifyRoughPath(d)).toBe(
			"M-92 -40H92A8 8 0 0 1 100 -32V32A8 8 0 0 1 92 40H-92A8 8 0 0 1 -100 32V-32A8 8 0 0 1 -92 -40Z",
		);
	});

	it("leaves alone what is not one rounded rectangle", () => {
		const bumped = roundedRectPoints(200, 80, 8);
		bumped[50] = [(bumped[50]?.[0] as number) + 2, bumped[50]?.[1] as number];
		const wave = Array.from({ length: 200 }, (_, i): [number, number] => [i * 3, 20 * Math.sin(i / 5)]);
		const relative = `m0 0 ${"l1.234567 0.5 ".repeat(100)}`;
		expect(simplifyRoughPath(polyline(bumped))).toBeUndefined();
		expect(simplifyRoughPath(polyline(wave))).toBeUndefined();
		expect(simplifyRoughPath(relative)).toBeUndefined();
		// Short paths (edges, arrowheads) are not even read.
		expect(simplifyRoughPath(polyline(roundedRectPoints(200, 80, 8, 2)))).toBeUndefined();
	});

	it("replaces only the stadium's paths in a whole SVG", () => {
		const out = simplifyRoughShapes(raw);
		expect(out.length).toBeLessThan(raw.length / 2);
		expect(out.replace(/\sd="[^"]*"/g, "")).toBe(raw.replace(/\sd="[^"]*"/g, ""));
		const changed = [...raw.matchAll(/\sd="([^"]*)"/g)].filter((m) => !out.includes(m[0]));
		expect(changed.map((m) => m[1])).toEqual([fill, outline]);
	});

	it("leaves post-processing a small stadium and a smaller diagram", () => {
		const out = postprocessSvg(raw);
		const longest = Math.max(...[...out.matchAll(/\sd="([^"]*)"/g)].map((m) => (m[1] as string).length));
		expect(longest).toBeLessThan(600);
		expect(out).toContain(
			'<path d="M-52.59-18H52.59a18 18 0 0 1 18 18 18 18 0 0 1-18 18H-52.59a18 18 0 0 1-18-18 18 18 0 0 1 18-18Z"',
		);
	});
});
