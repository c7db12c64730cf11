/**
 * Keeps swimlane titles readable in Mermaid's SVG: no arrow label over a lane title, and no arrow through it where
 * the title can move aside. Under ELK an arrow entering a lane from above crosses the lane's top edge, where Mermaid
 * centres the title, and Mermaid moves every arrow label down by half of `subGraphTitleMargin` (a dagre-era
 * correction ELK does not need), so a label placed in the gap above a lane lands on its title (the B2B "Yes: BANT
 * confirmed" arrow over "Account executive"). Works on the parsed SVG before postprocessing drops the route points.
 */
import type { XastChild, XastElement, XastRoot } from "svgo";

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

interface Point {
	x: number;
	y: number;
}

/** Space kept between a moved label or title and what it makes way for, in Mermaid px. */
const GAP = 2;
/** A title moved aside keeps this distance from the lane's side. */
const TITLE_INSET = 8;
/** Step, in Mermaid px, between the positions tried along an arrow. */
const STEP = 2;

const TRANSLATE = /translate\(\s*(-?[\d.]+(?:e[-+]?\d+)?)[\s,]+(-?[\d.]+(?:e[-+]?\d+)?)\s*\)/i;

function translateOf(node: XastElement): Point {
	const m = TRANSLATE.exec(node.attributes.transform ?? "");
	return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: 0, y: 0 };
}

function setTranslate(node: XastElement, p: Point): void {
	node.attributes.transform = `translate(${p.x}, ${p.y})`;
}

function elements(children: XastChild[]): XastElement[] {
	return children.filter((c): c is XastElement => c.type === "element");
}

function hasClass(node: XastElement, name: string): boolean {
	return (node.attributes.class ?? "").split(/\s+/).includes(name);
}

function findAll(children: XastChild[], test: (node: XastElement) => boolean, out: XastElement[] = []): XastElement[] {
	for (const node of elements(children)) {
		if (test(node)) out.push(node);
		findAll(node.children, test, out);
	}
	return out;
}

function child(node: XastElement, test: (node: XastElement) => boolean): XastElement | undefined {
	return elements(node.children).find(test);
}

/** The drawn size of an HTML label: its foreignObject's width and height. */
function labelSize(node: XastElement): { width: number; height: number } | undefined {
	const fo = findAll(node.children, (n) => n.name === "foreignObject")[0];
	const width = Number(fo?.attributes.width);
	const height = Number(fo?.attributes.height);
	return width > 0 && height > 0 ? { width, height } : undefined;
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
	return (
		a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
	);
}

/** Points every `step` px along a route, both ends included. */
function along(route: Point[], step: number): Point[] {
	const points: Point[] = [];
	for (let i = 1; i < route.length; i++) {
		const a = route[i - 1] as Point;
		const b = route[i] as Point;
		const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
		for (let s = 0; s <= steps; s++)
			points.push({ x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps });
	}
	return points;
}

function routeHits(route: Point[], box: Box): boolean {
	return along(route, 1).some((p) => p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height);
}

/** Places along a route, nearest to `from` first. */
function placesAlong(route: Point[], from: Point): Point[] {
	const distance = (p: Point) => Math.hypot(p.x - from.x, p.y - from.y);
	return along(route, STEP).sort((p, q) => distance(p) - distance(q));
}

/** Mermaid's `data-points`: base64 JSON of the route an arrow was laid out along. */
function decodeRoute(value: string | undefined): Point[] {
	if (!value) return [];
	try {
		const points = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as unknown;
		if (!Array.isArray(points)) return [];
		return points.filter((p): p is Point => Number.isFinite(p?.x) && Number.isFinite(p?.y));
	} catch {
		return [];
	}
}

interface Title {
	node: XastElement;
	box: Box;
	lane: Box;
}

interface EdgeLabel {
	node: XastElement;
	centre: Point;
	/** The label's box relative to its centre. */
	offset: Point;
	size: { width: number; height: number };
	route: Point[];
}

function labelBox(label: EdgeLabel, centre = label.centre): Box {
	return { x: centre.x + label.offset.x, y: centre.y + label.offset.y, ...label.size };
}

function laneTitles(root: XastRoot): Title[] {
	const titles: Title[] = [];
	for (const cluster of findAll(root.children, (n) => n.name === "g" && hasClass(n, "cluster"))) {
		const rect = child(cluster, (n) => n.name === "rect");
		const title = child(cluster, (n) => hasClass(n, "cluster-label"));
		const size = title && labelSize(title);
		if (!rect || !title || !size) continue;
		const lane = ["x", "y", "width", "height"].map((k) => Number(rect.attributes[k]));
		if (lane.some((v) => !Number.isFinite(v))) continue;
		const [x, y, width, height] = lane as [number, number, number, number];
		titles.push({ node: title, box: { ...translateOf(title), ...size }, lane: { x, y, width, height } });
	}
	return titles;
}

function edgeLabels(root: XastRoot): EdgeLabel[] {
	const routes = new Map<string, Point[]>();
	for (const path of findAll(root.children, (n) => n.name === "path" && n.attributes["data-points"] !== undefined)) {
		const id = path.attributes["data-id"];
		if (id) routes.set(id, decodeRoute(path.attributes["data-points"]));
	}
	const labels: EdgeLabel[] = [];
	for (const node of findAll(root.children, (n) => n.name === "g" && hasClass(n, "edgeLabel"))) {
		const inner = child(node, (n) => hasClass(n, "label"));
		const size = inner && labelSize(inner);
		if (!inner || !size) continue;
		const route = routes.get(inner.attributes["data-id"] ?? "") ?? [];
		labels.push({ node, centre: translateOf(node), offset: translateOf(inner), size, route });
	}
	return labels;
}

/** Text boxes of the steps, which a moved label must not cover either. */
function stepBoxes(root: XastRoot): Box[] {
	const boxes: Box[] = [];
	for (const node of findAll(root.children, (n) => n.name === "g" && hasClass(n, "node"))) {
		const inner = child(node, (n) => hasClass(n, "label"));
		const size = inner && labelSize(inner);
		if (!inner || !size) continue;
		const at = translateOf(node);
		const offset = translateOf(inner);
		boxes.push({ x: at.x + offset.x, y: at.y + offset.y, ...size });
	}
	return boxes;
}

/** Moves a label that covers a lane title to the nearest place along its own arrow where it covers nothing. */
function clearLabel(label: EdgeLabel, titles: Title[], others: Box[]): void {
	const blocked = (box: Box) =>
		titles.some((t) => overlaps(box, t.box, GAP)) || others.some((other) => overlaps(box, other, GAP));
	if (!titles.some((t) => overlaps(labelBox(label), t.box))) return;
	const free = placesAlong(label.route, label.centre).find((p) => !blocked(labelBox(label, p)));
	if (!free) return;
	label.centre = free;
	setTranslate(label.node, free);
}

/** Slides a title that an arrow crosses to the left or right end of its lane's top strip, if that end is free. */
function clearTitle(title: Title, routes: Point[][], labels: Box[]): void {
	const free = (box: Box) => !routes.some((r) => routeHits(r, box)) && !labels.some((l) => overlaps(box, l, GAP));
	if (free(title.box)) return;
	const left = title.lane.x + TITLE_INSET;
	const right = title.lane.x + title.lane.width - TITLE_INSET - title.box.width;
	if (right < left) return;
	const spot = [left, right].map((x) => ({ ...title.box, x })).find(free);
	if (!spot) return;
	title.box = spot;
	setTranslate(title.node, { x: spot.x, y: spot.y });
}

/** Moves arrow labels off lane titles, then titles off arrows. Mutates `root`. */
export function clearLaneTitles(root: XastRoot): void {
	const titles = laneTitles(root);
	if (titles.length === 0) return;
	const labels = edgeLabels(root);
	const steps = stepBoxes(root);
	for (const label of labels) {
		const others = labels.filter((l) => l !== label).map((l) => labelBox(l));
		clearLabel(label, titles, [...steps, ...others]);
	}
	const boxes = labels.map((l) => labelBox(l));
	// Read once: the routes do not move (only labels and titles do), and decoding them per title was most of the work.
	const routes = allRoutes(root);
	for (const title of titles) clearTitle(title, routes, boxes);
}

function allRoutes(root: XastRoot): Point[][] {
	return findAll(root.children, (n) => n.name === "path" && n.attributes["data-points"] !== undefined)
		.map((path) => decodeRoute(path.attributes["data-points"]))
		.filter((r) => r.length > 1);
}
