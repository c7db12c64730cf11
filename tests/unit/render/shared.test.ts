import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MermaidRenderer, RenderJob, RenderResult } from "../../../src/lib/render/renderer.ts";
import {
	closeSharedRenderer,
	getSharedRenderer,
	holdSharedRenderer,
	SHARED_IDLE_MS,
	setSharedRendererIdle,
} from "../../../src/lib/render/shared.ts";

/** A renderer whose batches finish only when the test says so; counts closes and renders after close. */
function slowRenderer() {
	const pending: { jobs: readonly RenderJob[]; finish: () => void }[] = [];
	const log = { created: 0, closed: 0, renderedWhileClosed: 0 };
	let open = true;
	const create = (): MermaidRenderer => {
		log.created++;
		open = true;
		return {
			render(jobs) {
				return new Promise<RenderResult[]>((resolve) => {
					pending.push({
						jobs,
						finish: () => {
							if (!open) log.renderedWhileClosed++;
							resolve(jobs.map((job) => ({ id: job.id, svg: `<svg>${job.id}</svg>` })));
						},
					});
				});
			},
			async close() {
				open = false;
				log.closed++;
			},
		};
	};
	return { create, pending, log };
}

describe("the shared renderer", () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(async () => {
		vi.useRealTimers();
		await closeSharedRenderer();
	});

	it("never closes the browser while a slow batch is still rendering", async () => {
		const fake = slowRenderer();
		const renderer = getSharedRenderer({}, fake.create);
		const fast = renderer.render([{ id: "a", source: "flowchart LR\na-->b" }]);
		const slow = renderer.render([{ id: "big", source: "flowchart LR\nc-->d" }]);
		fake.pending[0]?.finish();
		await fast;
		// Well past the idle time after the fast batch finished: the slow one keeps the browser open.
		await vi.advanceTimersByTimeAsync(SHARED_IDLE_MS * 3);
		expect(fake.log.closed).toBe(0);
		fake.pending[1]?.finish();
		expect(await slow).toEqual([{ id: "big", svg: "<svg>big</svg>" }]);
		expect(fake.log.renderedWhileClosed).toBe(0);
		// Idle once nothing is in flight: closes after the idle time, once.
		await vi.advanceTimersByTimeAsync(SHARED_IDLE_MS - 1);
		expect(fake.log.closed).toBe(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(fake.log.closed).toBe(1);
	});

	it("an explicit close waits for the renders in flight", async () => {
		const fake = slowRenderer();
		const rendering = getSharedRenderer({}, fake.create).render([{ id: "x", source: "flowchart LR\nx" }]);
		let closed = false;
		const closing = closeSharedRenderer().then(() => {
			closed = true;
		});
		await vi.advanceTimersByTimeAsync(SHARED_IDLE_MS * 2);
		expect(closed).toBe(false);
		fake.pending[0]?.finish();
		await rendering;
		await closing;
		expect(fake.log).toEqual({ created: 1, closed: 1, renderedWhileClosed: 0 });
	});

	it("a lease keeps the browser warm between renders; releasing it lets it close when idle", async () => {
		const fake = slowRenderer();
		const release = holdSharedRenderer();
		const first = getSharedRenderer({}, fake.create).render([{ id: "x", source: "flowchart LR\nx" }]);
		fake.pending[0]?.finish();
		await first;
		await vi.advanceTimersByTimeAsync(SHARED_IDLE_MS * 4);
		expect(fake.log.closed).toBe(0);
		release();
		release();
		await vi.advanceTimersByTimeAsync(SHARED_IDLE_MS);
		expect(fake.log.closed).toBe(1);
	});

	it("creates one renderer for concurrent first uses, and a caller holding a closed one gets the new one", async () => {
		const fake = slowRenderer();
		const a = getSharedRenderer({}, fake.create);
		const b = getSharedRenderer({}, fake.create);
		expect(a).toBe(b);
		expect(fake.log.created).toBe(1);
		await closeSharedRenderer();
		const later = a.render([{ id: "y", source: "flowchart LR\ny" }]);
		expect(fake.log.created).toBe(2);
		fake.pending[0]?.finish();
		expect(await later).toHaveLength(1);
	});

	it("in a build, closes a browser a page had to start soon after its render, not after the dev idle time", async () => {
		const fake = slowRenderer();
		setSharedRendererIdle(2_000);
		try {
			const render = getSharedRenderer({}, fake.create).render([{ id: "z", source: "flowchart LR\nz" }]);
			fake.pending[0]?.finish();
			await render;
			await vi.advanceTimersByTimeAsync(1_999);
			expect(fake.log.closed).toBe(0);
			await vi.advanceTimersByTimeAsync(1);
			expect(fake.log.closed).toBe(1);
		} finally {
			setSharedRendererIdle(SHARED_IDLE_MS);
		}
	});
});
