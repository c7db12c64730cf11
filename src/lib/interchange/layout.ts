/**
 * A simple layered layout for exported diagrams (BPMN DI, draw.io): one column per distance from the
 * start, one horizontal band per lane, boxes stacked inside a band when they share a column. Good
 * enough that a file opens readable in bpmn.io, Camunda Modeler, Signavio or draw.io.
 */
import { buildProcessGraph, distancesFrom } from "../graph/model.ts";
import type { Flowchart, StepType } from "../schema/flowchart.ts";

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LaidOutLane {
	/** Role id, or undefined for the band of steps nobody is responsible for. */
	role: string | undefined;
	box: Box;
	/** Step numbers drawn in this lane. */
	steps: number[];
}

export interface Layout {
	pool: Box;
	lanes: LaidOutLane[];
	/** Per step number. */
	boxes: Box[];
	/** Lane number per step. */
	laneOf: number[];
}

/** Room left of the lanes for the pool's and lanes' vertical titles. */
export const POOL_TITLE = 30;
export const LANE_TITLE = 30;
const COLUMN = 170;
const ROW = 110;
const PAD = 30;

export const shapeSize: Record<StepType, { width: number; height: number }> = {
	start: { width: 36, height: 36 },
	end: { width: 36, height: 36 },
	decision: { width: 50, height: 50 },
	stage: { width: 110, height: 80 },
};

/** Column of each step: arrows from the start; unreachable steps go one column past the last. */
export function columnsOf(fc: Flowchart): number[] {
	const g = buildProcessGraph(fc);
	const dist = distancesFrom(g, g.starts.length > 0 ? g.starts : [0]);
	const finite = dist.filter(Number.isFinite);
	const last = finite.length > 0 ? Math.max(...finite) : 0;
	return dist.map((d) => (Number.isFinite(d) ? d : last + 1));
}

/**
 * Lane of each step: its responsible role; a step without one joins the lane of the step before it
 * (else after it), so starts and ends sit next to their neighbours rather than in an empty band.
 */
export function laneRoles(fc: Flowchart): (string | undefined)[] {
	const g = buildProcessGraph(fc);
	const own = fc.steps.map((s) => s.responsible);
	return own.map((role, v) => {
		if (role !== undefined) return role;
		const before = (g.inEdges[v] ?? []).map((e) => own[g.edges[e]?.from ?? -1]).find((r) => r !== undefined);
		const after = (g.outEdges[v] ?? []).map((e) => own[g.edges[e]?.to ?? -1]).find((r) => r !== undefined);
		return before ?? after;
	});
}

export function layoutFlowchart(fc: Flowchart): Layout {
	const columns = columnsOf(fc);
	const roles = laneRoles(fc);
	const order = [...new Set(roles)];
	const boxes: Box[] = [];
	const laneOf = roles.map((r) => order.indexOf(r));
	const left = POOL_TITLE + LANE_TITLE + PAD;
	const width = left + (Math.max(0, ...columns) + 1) * COLUMN;
	let top = 0;
	const lanes = order.map((role, lane) => {
		const steps = laneOf.flatMap((l, v) => (l === lane ? [v] : []));
		const used = new Map<number, number>();
		for (const v of steps) {
			const col = columns[v] ?? 0;
			const row = used.get(col) ?? 0;
			used.set(col, row + 1);
			boxes[v] = centred(fc.steps[v]?.type ?? "stage", left + col * COLUMN + 55, top + PAD + row * ROW + 40);
		}
		const rows = Math.max(1, ...used.values());
		const box = { x: POOL_TITLE, y: top, width: width - POOL_TITLE, height: rows * ROW + PAD };
		top += box.height;
		return { role, box, steps };
	});
	return { pool: { x: 0, y: 0, width, height: top }, lanes, boxes, laneOf };
}

function centred(type: StepType, cx: number, cy: number): Box {
	const { width, height } = shapeSize[type];
	return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** An arrow's bends: right then across for forward arrows; under the boxes for arrows going back. */
export function waypoints(from: Box, to: Box): { x: number; y: number }[] {
	const fy = from.y + from.height / 2;
	const ty = to.y + to.height / 2;
	if (to.x > from.x + from.width) {
		const sx = from.x + from.width;
		const mx = (sx + to.x) / 2;
		const path = [
			{ x: sx, y: fy },
			{ x: mx, y: fy },
			{ x: mx, y: ty },
			{ x: to.x, y: ty },
		];
		return fy === ty ? [path[0] as { x: number; y: number }, path[3] as { x: number; y: number }] : path;
	}
	const fx = from.x + from.width / 2;
	const tx = to.x + to.width / 2;
	if (fx === tx) return verticalWaypoints(from, to, fx);
	const below = Math.max(from.y + from.height, to.y + to.height) + 15;
	return [
		{ x: fx, y: from.y + from.height },
		{ x: fx, y: below },
		{ x: tx, y: below },
		{ x: tx, y: to.y + to.height },
	];
}

/** Two boxes in one column: straight down or up between their facing sides. */
function verticalWaypoints(from: Box, to: Box, x: number): { x: number; y: number }[] {
	return to.y > from.y
		? [
				{ x, y: from.y + from.height },
				{ x, y: to.y },
			]
		: [
				{ x, y: from.y },
				{ x, y: to.y + to.height },
			];
}
