import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metricsCharts, renderSvg } from "../../../src/lib/charts/index.ts";
import { cachedSvg, stableDefIds } from "../../../src/lib/charts/svg-cache.ts";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "../metrics/helpers.ts";

let cacheDir: string;
beforeEach(() => {
	cacheDir = mkdtempSync(join(tmpdir(), "fb-chart-cache-"));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

function charts(lang: "en" | "id", dir?: string, dropEvents = 0) {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents().slice(dropEvents),
		fc.steps.map((s) => s.id),
	);
	const m = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	return metricsCharts(m, findBottlenecks(m, { minSample: 1 }), lang, dir);
}

describe("cachedSvg", () => {
	it("draws a spec once per cache folder, and every time without one", async () => {
		let draws = 0;
		const draw = async () => `<svg>${++draws}</svg>`;
		expect(await cachedSvg(cacheDir, '{"a":1}', draw)).toBe("<svg>1</svg>");
		expect(await cachedSvg(cacheDir, '{"a":1}', draw)).toBe("<svg>1</svg>");
		expect(await cachedSvg(cacheDir, '{"a":2}', draw)).toBe("<svg>2</svg>");
		expect(await cachedSvg(undefined, '{"a":1}', draw)).toBe("<svg>3</svg>");
		expect(readdirSync(cacheDir).filter((f) => f.endsWith(".svg"))).toHaveLength(2);
	});
});

describe("stableDefIds", () => {
	it("renumbers Vega's clip and gradient ids in order under the chart's prefix, and leaves text alone", () => {
		const svg =
			'<svg><defs><clipPath id="clip7"/><linearGradient id="gradient_3"/><pattern id="p_gradient_3"/></defs>' +
			'<g clip-path="url(#clip7)"><path fill="url(#p_gradient_3)"/><text>clip7</text></g><g clip-path="url(#clip9)"/></svg>';
		expect(stableDefIds(svg, "c-")).toBe(
			'<svg><defs><clipPath id="c-1"/><linearGradient id="c-2"/><pattern id="p_c-2"/></defs>' +
				'<g clip-path="url(#c-1)"><path fill="url(#p_c-2)"/><text>clip7</text></g><g clip-path="url(#c-3)"/></svg>',
		);
	});
});

describe("metricsCharts with a chart cache", () => {
	it("gives the same charts as drawing them, read back from the cache on the next build", async () => {
		const drawn = await charts("id");
		expect(await charts("id", cacheDir)).toEqual(drawn);
		const files = readdirSync(cacheDir);
		expect(files).toHaveLength(4);
		// Proof the second build reads the kept drawing rather than drawing again: a marked file comes back.
		for (const file of files) writeFileSync(join(cacheDir, file), '<svg data-kept="1"></svg>');
		for (const chart of Object.values(await charts("id", cacheDir))) expect(chart.svg).toContain('data-kept="1"');
	}, 60_000);

	it("draws again when the data or the language changes", async () => {
		await charts("id", cacheDir);
		const english = await charts("en", cacheDir);
		expect(english).toEqual(await charts("en"));
		expect(readdirSync(cacheDir)).toHaveLength(8);
		expect(await charts("en", cacheDir, 3)).toEqual(await charts("en", undefined, 3));
		expect(readdirSync(cacheDir).length).toBeGreaterThan(8);
	}, 60_000);

	it("keeps the locale's number format per language in one cache", async () => {
		const spec = {
			data: { values: [{ n: 3005 }] },
			mark: "text",
			encoding: { text: { field: "n", type: "quantitative", format: "," } },
		} as const;
		expect(await renderSvg(spec, "t", "d", "id", cacheDir)).toContain("3.005");
		expect(await renderSvg(spec, "t", "d", "en", cacheDir)).toContain("3,005");
	});
});

describe("a chart cache that cannot be written", () => {
	it("still gives the chart", async () => {
		const blocked = join(cacheDir, "a-file");
		writeFileSync(blocked, "not a folder");
		expect(await cachedSvg(blocked, '{"a":1}', async () => "<svg>drawn</svg>")).toBe("<svg>drawn</svg>");
	});
});
