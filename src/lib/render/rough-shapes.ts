/**
 * Mermaid draws a stadium node (`id(["label"])`, our start and end steps) with rough.js even in the classic look:
 * its outline becomes hundreds of tiny Bézier segments, the stroke drawn twice, 11 KB for the fill and 31 KB for
 * the outline of every stadium. That is nine tenths of a guide diagram's raw SVG and most of what post-processing
 * parses; even minified the two paths stay ~6 KB. Geometrically the shape is exact (roughness 0), so it is
 * redrawn here as the same stadium with two arcs, before SVGO reads the document.
 *
 * A path is only replaced when every point of it (end and control points) lies on one rounded rectangle, within
 * a fraction of a pixel: anything else (edges, other shapes, a future Mermaid's different outline) is left alone.
 */

/** Shorter paths are not worth checking: edges are a few hundred characters, a rough stadium outline thousands. */
const MIN_LENGTH = 1000;
/** How far a point may sit from the outline, in px: the segments are chords of the arc, well within this. */
const TOLERANCE = 0.5;
/** Absolute commands only (rough.js writes M, C, L); a relative path would need tracking the pen to read. */
const ABSOLUTE_PATH = /^[\sMCL\d.,eE+-]+$/;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
const LONG_PATH_D = /(<path\b[^>]*?\sd=")([^"]*)(")/g;

interface Box {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
	/** Corner radius: the half height for a stadium. */
	r: number;
}

function points(d: string): [number, number][] | undefined {
	const numbers = d.match(NUMBER)?.map(Number) ?? [];
	if (numbers.length < 8 || numbers.length % 2 !== 0) return undefined;
	const out: [number, number][] = [];
	for (let i = 0; i < numbers.length; i += 2) out.push([numbers[i] as number, numbers[i + 1] as number]);
	return out;
}

/** Points this close to the top are on its straight edge (rough.js writes those at exactly the same y). */
const ON_EDGE = 0.001;

/** The rounded rectangle through `pts`: the bounding box, with the radius where the top edge starts to curve. */
function roundedBox(pts: [number, number][]): Box | undefined {
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const top = pts.filter(([, y]) => y - minY <= ON_EDGE).map(([x]) => x);
	if (top.length === 0) return undefined;
	const half = Math.min(maxY - minY, maxX - minX) / 2;
	const r = Math.min(Math.min(...top) - minX, half);
	if (r <= TOLERANCE) return undefined;
	// Within the tolerance of a stadium it is one: the arcs' samples stop a hair short of the half height.
	return { minX, minY, maxX, maxY, r: half - r <= TOLERANCE ? half : r };
}

/** Distance from (x, y) to the outline of `box` (0 on it). */
function offOutline([x, y]: [number, number], box: Box): number {
	const { minX, minY, maxX, maxY, r } = box;
	// The nearest corner circle's centre, or the point itself projected onto a straight edge.
	const cx = Math.min(Math.max(x, minX + r), maxX - r);
	const cy = Math.min(Math.max(y, minY + r), maxY - r);
	if (cx === x || cy === y) {
		// Beside a straight edge: the distance to the nearest side.
		return Math.min(Math.abs(x - minX), Math.abs(x - maxX), Math.abs(y - minY), Math.abs(y - maxY));
	}
	return Math.abs(Math.hypot(x - cx, y - cy) - r);
}

const n = (v: number) => {
	const r = Math.round(v * 100) / 100;
	return Object.is(r, -0) ? "0" : String(r);
};

/** The same rounded rectangle in two to eight segments. */
export function roundedRectPath({ minX, minY, maxX, maxY, r }: Box): string {
	const arc = (x: number, y: number) => `A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y)}`;
	const straight = (from: number, to: number, cmd: "H" | "V", value: number) =>
		Math.abs(to - from) > 0.005 ? `${cmd}${n(value)}` : "";
	return [
		`M${n(minX + r)} ${n(minY)}`,
		straight(minX + r, maxX - r, "H", maxX - r),
		arc(maxX, minY + r),
		straight(minY + r, maxY - r, "V", maxY - r),
		arc(maxX - r, maxY),
		straight(maxX - r, minX + r, "H", minX + r),
		arc(minX, maxY - r),
		straight(maxY - r, minY + r, "V", minY + r),
		arc(minX + r, minY),
		"Z",
	].join("");
}

/** `d` redrawn as a clean rounded rectangle when it is one; otherwise undefined. */
export function simplifyRoughPath(d: string): string | undefined {
	if (d.length < MIN_LENGTH || !ABSOLUTE_PATH.test(d) || !d.trimStart().startsWith("M")) return undefined;
	const pts = points(d);
	const box = pts && roundedBox(pts);
	if (!pts || !box) return undefined;
	return pts.every((p) => offOutline(p, box) <= TOLERANCE) ? roundedRectPath(box) : undefined;
}

/** Every rough.js rounded outline in a Mermaid SVG, redrawn; the rest of the text unchanged. */
export function simplifyRoughShapes(svg: string): string {
	return svg.replace(LONG_PATH_D, (whole, open: string, d: string, close: string) => {
		const simple = simplifyRoughPath(d);
		return simple === undefined ? whole : `${open}${simple}${close}`;
	});
}
