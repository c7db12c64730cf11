import { describe, expect, it } from "vitest";
import { overlaps } from "../../../src/lib/render/lane-titles.ts";
import { postprocessSvg } from "../../../src/lib/render/postprocess.ts";

const points = (route: { x: number; y: number }[]) => Buffer.from(JSON.stringify(route)).toString("base64");
const fo = (width: number, height: number, text: string) =>
	`<foreignObject width="${width}" height="${height}"><div xmlns="http://www.w3.org/1999/xhtml"><span><p>${text}</p></span></div></foreignObject>`;

/**
 * The geometry of the B2B diagram under ELK (Mermaid 12.3): the "Yes: BANT confirmed" arrow runs straight down from
 * the decision (y 380-430) into the "Account executive" lane (top at 460), where Mermaid centred the lane title; its
 * label, moved down by Mermaid, covers the title's top half.
 */
function lanesSvg(options: { laneWidth?: number; crossing?: number } = {}): string {
	const laneWidth = options.laneWidth ?? 375;
	const x = options.crossing ?? 188;
	const route = [
		{ x, y: 430 },
		{ x, y: 500 },
	];
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 1000"><g class="root">
<g class="clusters"><g class="cluster" id="r_ae"><rect x="8" y="460" width="${laneWidth}" height="494"/><g class="cluster-label" transform="translate(121.9, 460)">${fo(147, 24, "Account executive")}</g></g></g>
<g class="edgePaths"><path d="M${x},430L${x},500" class="flowchart-link" data-id="L_q_demo_0" data-points="${points(route)}"/></g>
<g class="edgeLabels"><g class="edgeLabel" transform="translate(${x}, 462)"><g class="label" data-id="L_q_demo_0" transform="translate(-82.9, -12)">${fo(165.8, 24, "Yes: BANT confirmed")}</g></g></g>
<g class="nodes"><g class="node" transform="translate(${x}, 520)"><rect x="-60" y="-20" width="120" height="40"/><g class="label" transform="translate(-50, -12)">${fo(100, 24, "Demo")}</g></g></g>
</g></svg>`;
}

/** Where an element's foreignObject lands: the sum of the translations on the way (SVGO moves some onto children). */
function offsetOf(svg: string, className: string): { x: number; y: number } {
	const start = svg.indexOf(`class="${className}"`);
	const part = svg.slice(start, svg.indexOf("<foreignObject", start));
	const at = { x: 0, y: 0 };
	for (const m of part.matchAll(/translate\((-?[\d.]+)[ ,]+(-?[\d.]+)\)/g)) {
		at.x += Number(m[1]);
		at.y += Number(m[2]);
	}
	return at;
}

function boxes(svg: string) {
	const title = offsetOf(svg, "cluster-label");
	const label = offsetOf(svg, "edgeLabel");
	return {
		title: { ...title, width: 147, height: 24 },
		label: { ...label, width: 165.8, height: 24 },
		labelCentre: { x: Math.round((label.x + 82.9) * 100) / 100, y: label.y + 12 },
	};
}

describe("lane titles stay readable", () => {
	it("moves an arrow label that covers a lane title along its own arrow, off the title", () => {
		expect(overlaps(boxes(lanesSvg()).label, boxes(lanesSvg()).title)).toBe(true);
		const out = boxes(postprocessSvg(lanesSvg()));
		expect(overlaps(out.label, out.title)).toBe(false);
		// Still on its arrow (x 188, between y 430 and 500), just above the lane.
		expect(out.labelCentre.x).toBe(188);
		expect(out.labelCentre.y).toBeGreaterThanOrEqual(430);
		expect(out.label.y + out.label.height).toBeLessThanOrEqual(460);
	});

	it("slides a title an arrow crosses to a free end of the lane's top strip", () => {
		const out = boxes(postprocessSvg(lanesSvg()));
		// The arrow enters at x 188, inside the centred title (121.9-268.9); the left end (16-163) is free.
		expect(out.title).toMatchObject({ x: 16, y: 460 });
	});

	it("leaves a title alone when no arrow crosses it, and when no end of a narrow lane is free", () => {
		expect(boxes(postprocessSvg(lanesSvg({ crossing: 340 }))).title.x).toBe(121.9);
		expect(boxes(postprocessSvg(lanesSvg({ laneWidth: 150 }))).title.x).toBe(121.9);
	});
});
