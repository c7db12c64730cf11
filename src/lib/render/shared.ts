import { processShared } from "../process-shared.ts";
import { createMermaidRenderer, type MermaidRenderer, type RendererOptions } from "./renderer.ts";

/** Idle time after which the shared browser closes, so `astro build` and scripts can exit. */
export const SHARED_IDLE_MS = 15_000;

interface SharedState {
	renderer?: MermaidRenderer;
	idleTimer?: ReturnType<typeof setTimeout>;
}
/** Both copies of this module in a build (integration and pages) must see the same browser. */
const state = processShared<SharedState>("sharedRenderer", () => ({}));

function armIdleTimer(): void {
	if (state.idleTimer) clearTimeout(state.idleTimer);
	state.idleTimer = setTimeout(() => void closeSharedRenderer(), SHARED_IDLE_MS);
	// Never keep the process alive just to close the browser later.
	state.idleTimer.unref();
}

/**
 * One renderer (one Chromium) per process, shared by every page of a build. Options apply on first use only.
 * Closes itself after SHARED_IDLE_MS without renders; call `closeSharedRenderer()` from `astro:build:done`.
 */
export function getSharedRenderer(options: RendererOptions = {}): MermaidRenderer {
	if (!state.renderer) {
		const inner = createMermaidRenderer(options);
		const self: MermaidRenderer = {
			async render(jobs) {
				if (state.idleTimer) clearTimeout(state.idleTimer);
				try {
					return await inner.render(jobs);
				} finally {
					if (state.renderer === self) armIdleTimer();
				}
			},
			close: () => inner.close(),
		};
		state.renderer = self;
	}
	return state.renderer;
}

export async function closeSharedRenderer(): Promise<void> {
	if (state.idleTimer) clearTimeout(state.idleTimer);
	state.idleTimer = undefined;
	const current = state.renderer;
	state.renderer = undefined;
	await current?.close();
}
