import { processShared } from "../process-shared.ts";
import { createMermaidRenderer, type MermaidRenderer, type RendererOptions } from "./renderer.ts";

/** Idle time after which the shared browser closes, so `astro build` and scripts can exit. */
export const SHARED_IDLE_MS = 15_000;

export type RendererFactory = (options: RendererOptions) => MermaidRenderer;

interface SharedState {
	renderer?: MermaidRenderer;
	idleTimer?: ReturnType<typeof setTimeout>;
	/** Renders in flight: no close, idle or explicit, happens while this is above zero. */
	rendering: number;
	/** Held leases: no idle close while this is above zero. */
	leases: number;
	/** Resolved when `rendering` drops to zero (a pending close waits here). */
	drained: (() => void)[];
	/** Idle time before closing; SHARED_IDLE_MS unless set (a build sets it shorter). */
	idleMs?: number;
}
/** Both copies of this module in a build (integration and pages) must see the same browser. */
const state = processShared<SharedState>("sharedRendererV2", () => ({ rendering: 0, leases: 0, drained: [] }));

function clearIdleTimer(): void {
	if (state.idleTimer) clearTimeout(state.idleTimer);
	state.idleTimer = undefined;
}

function armIdleTimer(): void {
	clearIdleTimer();
	state.idleTimer = setTimeout(() => {
		state.idleTimer = undefined;
		if (state.rendering === 0 && state.leases === 0) void closeSharedRenderer();
	}, state.idleMs ?? SHARED_IDLE_MS);
	// Never keep the process alive just to close the browser later.
	state.idleTimer.unref?.();
}

function enter(counter: "rendering" | "leases"): void {
	state[counter]++;
	clearIdleTimer();
}

function leave(counter: "rendering" | "leases"): void {
	state[counter]--;
	if (state.rendering === 0) for (const resolve of state.drained.splice(0)) resolve();
	if (state.rendering === 0 && state.leases === 0 && state.renderer) armIdleTimer();
}

/**
 * One renderer (one Chromium) per process, shared by every page of a build. Options apply on first use only.
 * Closes itself SHARED_IDLE_MS after the last render finished and no lease is held, never while a render is in
 * flight (a slow batch once lost its browser to a faster one's idle timer); call `closeSharedRenderer()` from
 * `astro:build:done`. `create` is for tests.
 */
export function getSharedRenderer(
	options: RendererOptions = {},
	create: RendererFactory = createMermaidRenderer,
): MermaidRenderer {
	if (!state.renderer) {
		const inner = create(options);
		const self: MermaidRenderer = {
			async render(jobs, renderOptions) {
				// A caller holding a renderer that was closed since gets the current one, never an orphaned browser.
				if (state.renderer !== self) return getSharedRenderer(options, create).render(jobs, renderOptions);
				enter("rendering");
				try {
					return await inner.render(jobs, renderOptions);
				} finally {
					leave("rendering");
				}
			},
			// No idle timer runs before the first render, so a prepared browser stays open until it is used or closed.
			prepare: () => (state.renderer === self ? inner.prepare?.() : getSharedRenderer(options, create).prepare?.()),
			timeline: () => inner.timeline?.() ?? {},
			close: () => inner.close(),
		};
		state.renderer = self;
	}
	return state.renderer;
}

/**
 * How long the shared browser stays open after its last render from now on. A build's pages find their diagrams in
 * the cache, so a browser one of them had to start should not sit idle through the rest of page generation.
 */
export function setSharedRendererIdle(ms: number): void {
	state.idleMs = ms;
	if (state.idleTimer) armIdleTimer();
}

/**
 * Keeps the shared browser (once started) open until the returned function is called: for the dev server, which
 * keeps one Chromium warm. (A build closes it after the content check's fences, before bundling.)
 * Does not start a browser by itself.
 */
export function holdSharedRenderer(): () => void {
	enter("leases");
	let held = true;
	return () => {
		if (!held) return;
		held = false;
		leave("leases");
	};
}

/** Closes the shared browser once the renders in flight have finished. */
export async function closeSharedRenderer(): Promise<void> {
	clearIdleTimer();
	if (state.rendering > 0 && state.renderer) {
		await new Promise<void>((resolve) => state.drained.push(resolve));
		clearIdleTimer();
	}
	const current = state.renderer;
	state.renderer = undefined;
	await current?.close();
}
