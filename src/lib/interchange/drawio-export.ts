/**
 * Flowchart → `.drawio.svg`: an SVG picture of the laid-out process that also carries the draw.io
 * file in its `content` attribute, so the same file shows in any browser or wiki and opens editable
 * in draw.io. Roles are swimlanes inside one pool; conditions label the arrows.
 */
import { buildProcessGraph } from "../graph/model.ts";
import { type Flowchart, type LoadedFlowchart, roleName, type StepType } from "../schema/flowchart.ts";
import { type Box, type Layout, layoutFlowchart, waypoints } from "./layout.ts";

const styles: Record<StepType, string> = {
	start: "ellipse;whiteSpace=wrap;",
	end: "ellipse;whiteSpace=wrap;strokeWidth=2;",
	decision: "rhombus;whiteSpace=wrap;",
	stage: "rounded=1;whiteSpace=wrap;",
};
// No `html=1`: values stay plain text, so labels with `<` or `&` show as written.
const laneStyle = "swimlane;horizontal=0;startSize=30;";

/** XML text and attribute escaping: every string from content goes through here (line breaks too, which attributes would lose). */
export function xmlEscape(text: string): string {
	return text.replace(/[&<>"'\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attrs = (values: Record<string, string | number | undefined>) =>
	Object.entries(values)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
		.join("");

function cell(values: Record<string, string | number | undefined>, box?: Box, edge = false): string {
	const geometry = box
		? `<mxGeometry${attrs({ x: box.x, y: box.y, width: box.width, height: box.height })} as="geometry"/>`
		: `<mxGeometry relative="1" as="geometry"/>`;
	return `<mxCell${attrs({ ...values, ...(edge ? { edge: 1 } : { vertex: 1 }) })}>${geometry}</mxCell>`;
}

/** The draw.io model: pool, lanes (children of the pool), steps (children of their lane), arrows. */
export function drawioModel(fc: LoadedFlowchart, layout: Layout = layoutFlowchart(fc.data)): string {
	const data = fc.data;
	const laneId = (l: number) => `lane-${l}`;
	const cells = [
		'<mxCell id="0"/>',
		'<mxCell id="1" parent="0"/>',
		cell({ id: "pool", value: data.title, style: laneStyle, parent: "1" }, layout.pool),
		...layout.lanes.map((lane, l) =>
			cell(
				{ id: laneId(l), value: laneName(data, lane.role), style: laneStyle, parent: "pool" },
				relative(lane.box, layout.pool),
			),
		),
		...data.steps.map((step, v) => {
			const lane = layout.lanes[layout.laneOf[v] ?? 0] as Layout["lanes"][number];
			const box = relative(layout.boxes[v] as Box, lane.box);
			return cell(
				{ id: `step-${step.id}`, value: step.label, style: styles[step.type], parent: laneId(layout.laneOf[v] ?? 0) },
				box,
			);
		}),
		...buildProcessGraph(data).edges.map((e, i) =>
			cell(
				{
					id: `arrow-${i + 1}`,
					value: e.when,
					style: "edgeStyle=orthogonalEdgeStyle;rounded=0;",
					parent: "1",
					source: `step-${data.steps[e.from]?.id}`,
					target: `step-${data.steps[e.to]?.id}`,
				},
				undefined,
				true,
			),
		),
	];
	return `<mxGraphModel><root>${cells.join("")}</root></mxGraphModel>`;
}

function laneName(data: Flowchart, role: string | undefined): string {
	return role === undefined ? "Unassigned" : roleName(data.roles[role], role);
}

/** draw.io places a child relative to its container. */
function relative(box: Box, parent: Box): Box {
	return { ...box, x: box.x - parent.x, y: box.y - parent.y };
}

export function exportDrawioSvg(fc: LoadedFlowchart): Promise<string> {
	const layout = layoutFlowchart(fc.data);
	const mxfile = `<mxfile host="Flowbook"><diagram id="${xmlEscape(fc.id)}" name="${xmlEscape(fc.data.title)}">${drawioModel(fc, layout)}</diagram></mxfile>`;
	const { width, height } = layout.pool;
	const head = `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width + 2}" height="${height + 2}" viewBox="-1 -1 ${width + 2} ${height + 2}" content="${xmlEscape(mxfile)}">`;
	const body = [...lanesSvg(fc.data, layout), ...edgesSvg(fc.data, layout), ...stepsSvg(fc.data, layout)].join("");
	return Promise.resolve(
		`<?xml version="1.0" encoding="UTF-8"?>\n${head}<title>${xmlEscape(fc.data.title)}</title>${arrowHead}${body}</svg>\n`,
	);
}

const text = (x: number, y: number, label: string, extra = "") =>
	`<text x="${x}" y="${y}"${extra.includes("text-anchor") ? "" : ' text-anchor="middle"'} dominant-baseline="middle" font-family="sans-serif"${extra.includes("font-size") ? "" : ' font-size="11"'}${extra}>${xmlEscape(label)}</text>`;

const arrowHead =
	'<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0 0L10 5L0 10Z"/></marker></defs>';

function lanesSvg(data: Flowchart, layout: Layout): string[] {
	const pool = layout.pool;
	return [
		`<rect x="${pool.x}" y="${pool.y}" width="${pool.width}" height="${pool.height}" fill="#fff" stroke="#000"/>`,
		...layout.lanes.map(({ box, role }) => {
			const cy = box.y + box.height / 2;
			return `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#000"/>${text(box.x + 15, cy, laneName(data, role), ` transform="rotate(-90 ${box.x + 15} ${cy})"`)}`;
		}),
	];
}

function stepsSvg(data: Flowchart, layout: Layout): string[] {
	return data.steps.map((step, v) => {
		const b = layout.boxes[v] as Box;
		const cx = b.x + b.width / 2;
		const cy = b.y + b.height / 2;
		const shape =
			step.type === "decision"
				? `<path d="M${cx} ${b.y}L${b.x + b.width} ${cy}L${cx} ${b.y + b.height}L${b.x} ${cy}Z" fill="#fff" stroke="#000"/>`
				: step.type === "stage"
					? `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="8" fill="#fff" stroke="#000"/>`
					: `<ellipse cx="${cx}" cy="${cy}" rx="${b.width / 2}" ry="${b.height / 2}" fill="#fff" stroke="#000" stroke-width="${step.type === "end" ? 2 : 1}"/>`;
		const labelY = step.type === "stage" ? cy : b.y + b.height + 10;
		return shape + text(cx, labelY, step.label);
	});
}

function edgesSvg(data: Flowchart, layout: Layout): string[] {
	return buildProcessGraph(data).edges.map((e) => {
		const points = waypoints(layout.boxes[e.from] as Box, layout.boxes[e.to] as Box);
		const line = `<polyline points="${points.map((p) => `${p.x},${p.y}`).join(" ")}" fill="none" stroke="#000" marker-end="url(#arrow)"/>`;
		// The condition sits on the arrow's last run into its target, so branches of one decision never overlap.
		const at = points[points.length - 2] as { x: number; y: number };
		return e.when ? line + text(at.x + 4, at.y - 8, e.when, ' text-anchor="start" font-size="10"') : line;
	});
}
