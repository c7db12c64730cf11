/**
 * Zoom, pan, fit and full screen for the build's inline SVG diagrams, in a few KB and no library. Zooming sets the
 * SVG's width (the browser scrolls a wider picture natively, links keep working at any size); dragging with a
 * mouse scrolls the area, touch scrolls it natively, two fingers or Ctrl+wheel (a touchpad pinch) zoom.
 */

const STEP = 1.25;
const MAX_SCALE = 3;

interface Viewer {
	figure: HTMLElement;
	area: HTMLElement;
	svg: SVGSVGElement;
	width: number;
	height: number;
	/** Current scale against natural size; undefined while the picture is fitted by CSS. */
	scale?: number;
}

function fittedScale(v: Viewer): number {
	const box = v.area.getBoundingClientRect();
	if (!v.figure.classList.contains("is-full")) return box.width / v.width;
	return Math.min(box.width / v.width, box.height / v.height);
}

function currentScale(v: Viewer): number {
	return v.scale ?? v.svg.getBoundingClientRect().width / v.width;
}

/** Sets the scale, keeping the point under (x, y) (client px; default the area's centre) where it was. */
function setScale(v: Viewer, scale: number | undefined, x?: number, y?: number): void {
	const box = v.area.getBoundingClientRect();
	const px = (x ?? box.left + box.width / 2) - box.left;
	const py = (y ?? box.top + box.height / 2) - box.top;
	const before = currentScale(v);
	const fx = (v.area.scrollLeft + px) / before;
	const fy = (v.area.scrollTop + py) / before;
	if (scale === undefined) {
		// Back to the build's CSS fit (see Diagram.astro).
		v.scale = undefined;
		v.svg.style.width = v.svg.dataset.fitWidth ?? "";
		v.area.classList.remove("is-zoomed");
		return;
	}
	const next = Math.min(MAX_SCALE, Math.max(Math.min(fittedScale(v), 0.25), scale));
	v.scale = next;
	v.svg.style.setProperty("width", `${Math.round(v.width * next)}px`);
	v.area.classList.add("is-zoomed");
	v.area.scrollLeft = fx * next - px;
	v.area.scrollTop = fy * next - py;
}

function fitView(v: Viewer): void {
	setScale(v, undefined);
	if (v.figure.classList.contains("is-full")) setScale(v, fittedScale(v));
}

function zoom(v: Viewer, factor: number, x?: number, y?: number): void {
	setScale(v, currentScale(v) * factor, x, y);
}

function toggleFull(v: Viewer, open: boolean): void {
	const button = v.figure.querySelector<HTMLButtonElement>('[data-zoom="full"]');
	v.figure.classList.toggle("is-full", open);
	document.documentElement.style.overflow = open ? "hidden" : "";
	if (button) {
		button.setAttribute("aria-pressed", String(open));
		button.textContent = (open ? button.dataset.close : button.dataset.open) ?? "";
	}
	fitView(v);
	if (open) v.area.focus();
	else button?.focus();
}

function onKey(v: Viewer, event: KeyboardEvent): void {
	if (event.ctrlKey || event.metaKey || event.altKey) return;
	const full = v.figure.classList.contains("is-full");
	if (event.key === "Escape" && full) toggleFull(v, false);
	else if (event.key === "+" || event.key === "=") zoom(v, STEP);
	else if (event.key === "-" || event.key === "_") zoom(v, 1 / STEP);
	else if (event.key === "0") fitView(v);
	else return;
	event.preventDefault();
}

/** Mouse drag scrolls; a drag never counts as a click on a step's link. */
function enablePan(v: Viewer): void {
	let start: { x: number; y: number; left: number; top: number } | undefined;
	let moved = false;
	v.area.addEventListener("pointerdown", (e) => {
		if (e.pointerType !== "mouse" || e.button !== 0) return;
		start = { x: e.clientX, y: e.clientY, left: v.area.scrollLeft, top: v.area.scrollTop };
		moved = false;
	});
	v.area.addEventListener("pointermove", (e) => {
		if (!start) return;
		const dx = e.clientX - start.x;
		const dy = e.clientY - start.y;
		if (!moved && Math.hypot(dx, dy) < 5) return;
		moved = true;
		v.area.classList.add("is-dragging");
		v.area.scrollLeft = start.left - dx;
		v.area.scrollTop = start.top - dy;
	});
	const end = () => {
		start = undefined;
		v.area.classList.remove("is-dragging");
	};
	v.area.addEventListener("pointerup", end);
	v.area.addEventListener("pointerleave", end);
	v.area.addEventListener(
		"click",
		(e) => {
			if (moved) e.preventDefault();
			moved = false;
		},
		true,
	);
}

/** Two fingers zoom around their midpoint; one finger scrolls natively. */
function enablePinch(v: Viewer): void {
	let last: number | undefined;
	const distance = (t: TouchList) =>
		Math.hypot((t[0] as Touch).clientX - (t[1] as Touch).clientX, (t[0] as Touch).clientY - (t[1] as Touch).clientY);
	v.area.addEventListener(
		"touchmove",
		(e) => {
			if (e.touches.length !== 2) return;
			e.preventDefault();
			const d = distance(e.touches);
			const a = e.touches[0] as Touch;
			const b = e.touches[1] as Touch;
			if (last !== undefined) zoom(v, d / last, (a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2);
			last = d;
		},
		{ passive: false },
	);
	v.area.addEventListener("touchend", () => {
		last = undefined;
	});
	v.area.addEventListener(
		"wheel",
		(e) => {
			if (!e.ctrlKey) return;
			e.preventDefault();
			zoom(v, Math.exp(-e.deltaY / 200), e.clientX, e.clientY);
		},
		{ passive: false },
	);
}

function enhance(figure: HTMLElement): void {
	const area = figure.querySelector<HTMLElement>("[data-diagram-area]");
	const svg = area?.querySelector<SVGSVGElement>("svg");
	const tools = figure.querySelector<HTMLElement>("[data-diagram-tools]");
	const width = Number(figure.dataset.width);
	const height = Number(figure.dataset.height);
	if (!area || !svg || !tools || !(width > 0) || !(height > 0) || figure.dataset.enhanced) return;
	figure.dataset.enhanced = "true";
	svg.dataset.fitWidth = svg.style.width;
	const v: Viewer = { figure, area, svg, width, height };
	tools.hidden = false;
	tools.addEventListener("click", (e) => {
		const action = (e.target as Element).closest<HTMLElement>("[data-zoom]")?.dataset.zoom;
		if (action === "in") zoom(v, STEP);
		else if (action === "out") zoom(v, 1 / STEP);
		else if (action === "fit") fitView(v);
		else if (action === "full") toggleFull(v, !figure.classList.contains("is-full"));
	});
	figure.addEventListener("keydown", (e) => onKey(v, e));
	// A step link followed from full screen lands on its section in the page.
	area.addEventListener("click", (e) => {
		if (figure.classList.contains("is-full") && (e.target as Element).closest("a") && !e.defaultPrevented) {
			toggleFull(v, false);
		}
	});
	enablePan(v);
	enablePinch(v);
}

export function enhanceDiagrams(root: ParentNode = document): void {
	for (const figure of root.querySelectorAll<HTMLElement>("figure.diagram[data-width]")) enhance(figure);
}
