import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { chunkSizes, renderDiagrams, resetNoBrowserWarning } from "../../../src/lib/render/cache.ts";
import { type MermaidRenderer, NoBrowserError, type RenderJob } from "../../../src/lib/render/renderer.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="m1" viewBox="0 0 10 10"><title id="m1-t">T</title></svg>';

function fakeRenderer() {
	const calls: RenderJob[][] = [];
	let created = 0;
	const priorities: (number | undefined)[] = [];
	const renderer: MermaidRenderer = {
		async render(jobs, options) {
			calls.push([...jobs]);
			priorities.push(options?.priority);
			return jobs.map((job) =>
				job.source.includes("bad")
					? { id: job.id, error: { message: "Parse error on line 2:", line: 2 } }
					: { id: job.id, svg: SVG },
			);
		},
		async close() {},
	};
	return {
		calls,
		priorities,
		get created() {
			return created;
		},
		factory: () => {
			created++;
			return renderer;
		},
	};
}

describe("renderDiagrams", () => {
	let cacheDir: string;
	beforeEach(() => {
		cacheDir = mkdtempSync(join(tmpdir(), "fb-cache-"));
		resetNoBrowserWarning();
	});

	it("renders misses once and serves the next build from the cache without a renderer", async () => {
		const fake = fakeRenderer();
		const jobs = [
			{ id: "a", source: "flowchart LR\nA-->B" },
			{ id: "b", source: "flowchart LR\nB-->C" },
		];
		const first = await renderDiagrams(jobs, { cacheDir, renderer: fake.factory });
		expect(first.map((r) => r.kind)).toEqual(["svg", "svg"]);
		// Each miss drawn once (a queue this short goes one diagram per call: see chunkSizes).
		expect(fake.calls.flat().map((job) => job.id)).toEqual(["a", "b"]);

		const again = fakeRenderer();
		const second = await renderDiagrams(jobs, { cacheDir, renderer: again.factory });
		expect(again.created).toBe(0);
		expect(second.map((r) => (r.kind === "svg" ? r.cached : undefined))).toEqual([true, true]);
		expect(second.map((r) => (r.kind === "svg" ? r.svg : ""))).toEqual(
			first.map((r) => (r.kind === "svg" ? r.svg : "")),
		);
	});

	it("renders only the jobs that miss", async () => {
		const fake = fakeRenderer();
		await renderDiagrams([{ id: "a", source: "flowchart LR\nA-->B" }], { cacheDir, renderer: fake.factory });
		const next = fakeRenderer();
		await renderDiagrams(
			[
				{ id: "a", source: "flowchart LR\nA-->B" },
				{ id: "c", source: "flowchart LR\nC-->D" },
			],
			{ cacheDir, renderer: next.factory },
		);
		expect(next.calls.map((batch) => batch.map((j) => j.id))).toEqual([["c"]]);
	});

	it("keys the cache on renderer settings", async () => {
		const fake = fakeRenderer();
		const jobs = [{ id: "a", source: "flowchart LR\nA-->B" }];
		await renderDiagrams(jobs, { cacheDir, renderer: fake.factory, rendererSettings: "font-a" });
		await renderDiagrams(jobs, { cacheDir, renderer: fake.factory, rendererSettings: "font-b" });
		expect(fake.calls).toHaveLength(2);
	});

	it("returns errors without caching them", async () => {
		const fake = fakeRenderer();
		const jobs = [{ id: "x", source: "flowchart LR\nbad" }];
		const [result] = await renderDiagrams(jobs, { cacheDir, renderer: fake.factory });
		expect(result).toEqual({ id: "x", kind: "error", error: { message: "Parse error on line 2:", line: 2 } });
		await renderDiagrams(jobs, { cacheDir, renderer: fake.factory });
		expect(fake.calls).toHaveLength(2);
	});

	it("gives each occurrence its own id prefix, also for the same source twice", async () => {
		const fake = fakeRenderer();
		const results = await renderDiagrams(
			[
				{ id: "a", source: "flowchart LR\nA-->B", idPrefix: "p" },
				{ id: "b", source: "flowchart LR\nA-->B", idPrefix: "p" },
			],
			{ cacheDir, renderer: fake.factory },
		);
		const svgs = results.map((r) => (r.kind === "svg" ? r.svg : ""));
		expect(svgs[0]).toContain('id="p"');
		expect(svgs[1]).toContain('id="px1"');
	});

	it("renders identical diagrams once, however many pages and languages use them", async () => {
		const fake = fakeRenderer();
		const same = "flowchart LR\nA-->B";
		const results = await renderDiagrams(
			[
				{ id: "guide.mdx:3", source: same, idPrefix: "en" },
				{ id: "other.mdx:9", source: "flowchart LR\nB-->C" },
				{ id: "id/guide.mdx:3", source: same, idPrefix: "id" },
			],
			{ cacheDir, renderer: fake.factory },
		);
		expect(fake.calls.flat().map((job) => job.source)).toEqual([same, "flowchart LR\nB-->C"]);
		expect(results.map((r) => [r.id, r.kind])).toEqual([
			["guide.mdx:3", "svg"],
			["other.mdx:9", "svg"],
			["id/guide.mdx:3", "svg"],
		]);
		expect(results[0]?.kind === "svg" && results[0].svg).toContain('id="en"');
		expect(results[2]?.kind === "svg" && results[2].svg).toContain('id="id"');
	});

	it("reports a broken diagram at every place it is used, from one render", async () => {
		const fake = fakeRenderer();
		const jobs = [
			{ id: "a.mdx:1", source: "flowchart LR\nbad" },
			{ id: "b.mdx:5", source: "flowchart LR\nbad" },
		];
		const results = await renderDiagrams(jobs, { cacheDir, renderer: fake.factory });
		expect(fake.calls.flat()).toHaveLength(1);
		expect(results.map((r) => [r.id, r.kind])).toEqual([
			["a.mdx:1", "error"],
			["b.mdx:5", "error"],
		]);
	});

	it("renders nothing the on-disk cache has, only the new diagram", async () => {
		const first = fakeRenderer();
		await renderDiagrams([{ id: "a", source: "flowchart LR\nA-->B" }], { cacheDir, renderer: first.factory });
		const next = fakeRenderer();
		await renderDiagrams(
			[
				{ id: "a", source: "flowchart LR\nA-->B" },
				{ id: "b", source: "flowchart LR\nC-->D" },
				{ id: "c", source: "flowchart LR\nC-->D" },
			],
			{ cacheDir, renderer: next.factory },
		);
		expect(next.calls.flat().map((job) => job.source)).toEqual(["flowchart LR\nC-->D"]);
	});

	it("falls back to client-side rendering and says so once per process", async () => {
		const lines: string[] = [];
		const factory = (): MermaidRenderer => ({
			render: async () => {
				throw new NoBrowserError(["CHROME_PATH", "/usr/bin/chromium", "PATH", "@sparticuz/chromium"], ["none"]);
			},
			close: async () => {},
		});
		const jobs = [{ id: "a", source: "flowchart LR\nA-->B" }];
		const results = await renderDiagrams(jobs, { cacheDir, renderer: factory, log: (l) => lines.push(l) });
		await renderDiagrams(jobs, { cacheDir, renderer: factory, log: (l) => lines.push(l) });
		expect(results).toEqual([{ id: "a", kind: "fallback", fallback: true, source: "flowchart LR\nA-->B" }]);
		expect(lines).toMatchInlineSnapshot(`
			[
			  "flowbook: no Chromium found (tried CHROME_PATH, /usr/bin/chromium, PATH, @sparticuz/chromium); diagrams will render in the reader's browser. Install Chromium or set CHROME_PATH to render them at build time.",
			]
		`);
	});

	it("sends the largest diagrams first, in chunks that shrink towards the end, each with its size as priority", async () => {
		const fake = fakeRenderer();
		// 40 distinct diagrams of growing size, one of them twice.
		const jobs = Array.from({ length: 40 }, (_, i) => ({
			id: `j${i}`,
			source: `flowchart LR\n${"A-->B\n".repeat(i + 1)}`,
		}));
		const results = await renderDiagrams([...jobs, { ...(jobs[3] as RenderJob), id: "again" }], {
			cacheDir,
			renderer: fake.factory,
		});
		expect(results.map((r) => r.kind)).toEqual(Array(41).fill("svg"));
		expect(fake.calls.map((c) => c.length)).toEqual(chunkSizes(40));
		expect(fake.calls.flat().map((job) => job.id)).toEqual(jobs.map((job) => job.id).reverse());
		const sizes = fake.calls.map((c) => c.reduce((sum, job) => sum + job.source.length, 0));
		expect(fake.priorities).toEqual(sizes);
	});
});

describe("chunkSizes", () => {
	it("cuts chunks of 8 that shrink to single diagrams at the end of the queue, covering every diagram", () => {
		expect(chunkSizes(0)).toEqual([]);
		expect(chunkSizes(3)).toEqual([1, 1, 1]);
		expect(chunkSizes(8)).toEqual([2, 2, 1, 1, 1, 1]);
		const many = chunkSizes(152);
		expect(many.reduce((a, b) => a + b, 0)).toBe(152);
		expect(many.slice(0, 15)).toEqual(Array(15).fill(8));
		expect(many.slice(-6)).toEqual([3, 2, 1, 1, 1, 1]);
		expect(Math.max(...many)).toBe(8);
	});
});
