import { createMermaidRenderer, type MermaidRenderer, type RendererOptions } from "./renderer.ts";

/** Idle time after which the shared browser closes, so `astro build` and scripts can exit. */
export const SHARED_IDLE_MS = 15_000;

let shared: MermaidRenderer | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function armIdleTimer(): void {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = setTimeout(() => void closeSharedRenderer(), SHARED_IDLE_MS);
	// Never keep the process alive just to close the browser later.
	idleTimer.unref();
}

/**
 * One renderer (one Chromium) per process, shared by every page of a build. Options apply on first use only.
 * Closes itself after SHARED_IDLE_MS without renders; call `closeSharedRenderer()` from `astro:build:done`.
 */
export function getSharedRenderer(options: RendererOptions = {}): MermaidRenderer {
	if (!shared) {
		const inner = createMermaidRenderer(options);
		const self: MermaidRenderer = {
			async render(jobs) {
				if (idleTimer) clearTimeout(idleTimer);
				try {
					return await inner.render(jobs);
				} finally {
					if (shared === self) armIdleTimer();
				}
			},
			close: () => inner.close(),
		};
		shared = self;
	}
	return shared;
}

export async function closeSharedRenderer(): Promise<void> {
	if (idleTimer) clearTimeout(idleTimer);
	idleTimer = undefined;
	const current = shared;
	shared = undefined;
	await current?.close();
}
