/**
 * The renderer's page pool without Chromium: a fake browser counts launches and pages and records the order in which
 * batches reach the pages, so starting early (`prepare`) and the waiting order can be checked exactly.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BrowserSearch } from "../../../src/lib/render/find-browser.ts";
import { createMermaidRenderer, NoBrowserError } from "../../../src/lib/render/renderer.ts";

const FOUND: BrowserSearch = {
	found: { path: "/fake/chromium", source: "CHROME_PATH" },
	tried: ["CHROME_PATH"],
	reasons: [],
} as unknown as BrowserSearch;

/** A Playwright-shaped browser whose pages answer Mermaid renders with `<svg>source</svg>`. */
function fakeBrowser() {
	const log = { launches: 0, pages: 0, closed: 0, batches: [] as string[][] };
	/** While set, renders wait for it: the test decides when the page is free again. */
	let gate: Promise<void> | undefined;
	let open = () => {};
	const page = (closedAtStart: number) => ({
		goto: async () => {},
		setContent: async () => {},
		addScriptTag: async () => {},
		evaluate: async (_fn: unknown, arg: unknown) => {
			if (log.closed > closedAtStart) throw new Error("Target page, context or browser has been closed");
			if (!Array.isArray(arg)) return true;
			const jobs = arg as { source: string }[];
			log.batches.push(jobs.map((j) => j.source));
			await gate;
			return jobs.map((j) => ({ svg: `<svg>${j.source}</svg>` }));
		},
	});
	let closedBefore = 0;
	const browser = {
		version: () => "1.0",
		newContext: async () => {
			if (log.closed > closedBefore) throw new Error("Target page, context or browser has been closed");
			return {
				route: async () => {},
				newPage: async () => {
					log.pages++;
					return page(closedBefore);
				},
			};
		},
		close: async () => {
			log.closed++;
		},
	};
	return {
		log,
		hold() {
			gate = new Promise((resolve) => {
				open = resolve;
			});
		},
		release() {
			gate = undefined;
			open();
		},
		launch: async () => {
			log.launches++;
			closedBefore = log.closed;
			return browser as never;
		},
	};
}

/** A renderer with `pages` pages on the fake browser. */
function fakeRenderer(pages: number) {
	const fake = fakeBrowser();
	const r = createMermaidRenderer({ pages, findBrowser: async () => FOUND, launch: fake.launch, pageFilesDir: false });
	return { fake, r };
}

afterEach(() => vi.restoreAllMocks());

describe("prepare: the browser and its pages before the first render", () => {
	it("starts one browser and every page at once; the renders that follow use them without a launch", async () => {
		const { fake, r } = fakeRenderer(2);
		r.prepare?.();
		r.prepare?.();
		await vi.waitFor(() => expect(r.timeline?.().pagesReady).toBeDefined());
		expect(fake.log).toMatchObject({ launches: 1, pages: 2 });
		const results = await Promise.all([r.render([{ id: "a", source: "A" }]), r.render([{ id: "b", source: "B" }])]);
		expect(results.flat()).toEqual([
			{ id: "a", svg: "<svg>A</svg>" },
			{ id: "b", svg: "<svg>B</svg>" },
		]);
		expect(fake.log).toMatchObject({ launches: 1, pages: 2 });
		expect(r.timeline?.()).toMatchObject({ browserReady: expect.any(Number), lastRender: expect.any(Number) });
		expect(r.timeline?.().pagesIdleMs).toBeGreaterThanOrEqual(0);
		await r.close();
		expect(fake.log.closed).toBe(1);
	});

	it("renders that arrive while the pages start wait for them; a close meanwhile closes the browser", async () => {
		const { fake, r } = fakeRenderer(2);
		r.prepare?.();
		const [one] = await r.render([{ id: "a", source: "A" }]);
		expect(one).toEqual({ id: "a", svg: "<svg>A</svg>" });
		expect(fake.log.launches).toBe(1);
		await r.close();
		expect(fake.log.closed).toBe(1);
	});

	it("a close while the prepared pages start: none of them joins the next browser's pages, which start afresh", async () => {
		const { fake, r } = fakeRenderer(1);
		r.prepare?.();
		await r.close();
		const pagesBefore = fake.log.pages;
		const batches = await Promise.all([r.render([{ id: "a", source: "A" }]), r.render([{ id: "b", source: "B" }])]);
		expect(batches.flat().map((result) => result.id)).toEqual(["a", "b"]);
		expect(fake.log.pages - pagesBefore).toBe(1);
		await r.close();
	});

	it("a failing prepare prints nothing; the renders waiting for it and the next one get the NoBrowserError", async () => {
		const printed = [
			vi.spyOn(console, "warn").mockImplementation(() => {}),
			vi.spyOn(console, "error").mockImplementation(() => {}),
			vi.spyOn(console, "log").mockImplementation(() => {}),
			vi.spyOn(process.stderr, "write").mockImplementation(() => true),
		];
		let searches = 0;
		const r = createMermaidRenderer({
			pages: 2,
			findBrowser: async () => {
				searches++;
				return { found: undefined, tried: ["CHROME_PATH"], reasons: ["not set"] } as unknown as BrowserSearch;
			},
			pageFilesDir: false,
		});
		r.prepare?.();
		await expect(r.render([{ id: "a", source: "A" }])).rejects.toBeInstanceOf(NoBrowserError);
		// The next render looks again, as a render after a failed one always did.
		await expect(r.render([{ id: "b", source: "B" }])).rejects.toBeInstanceOf(NoBrowserError);
		expect(searches).toBe(2);
		for (const spy of printed) expect(spy).not.toHaveBeenCalled();
		await r.close();
	});
});

describe("the waiting order", () => {
	it("gives a free page to the waiting batch with the highest priority, then the earliest", async () => {
		const { fake, r } = fakeRenderer(1);
		fake.hold();
		const first = r.render([{ id: "first", source: "first" }]);
		await vi.waitFor(() => expect(fake.log.batches).toHaveLength(1));
		const queued = [
			r.render([{ id: "s1", source: "small 1" }], { priority: 1 }),
			r.render([{ id: "big", source: "big" }], { priority: 50 }),
			r.render([{ id: "s2", source: "small 2" }], { priority: 1 }),
			r.render([{ id: "mid", source: "mid" }], { priority: 10 }),
			r.render([{ id: "none", source: "none" }]),
		];
		fake.release();
		await Promise.all([first, ...queued]);
		expect(fake.log.batches.flat()).toEqual(["first", "big", "mid", "small 1", "small 2", "none"]);
		await r.close();
	});
});
