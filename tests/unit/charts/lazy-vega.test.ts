import { describe, expect, it, vi } from "vitest";

// Which drawing packages were imported, and when: Vega and Vega-Lite (~2 MB of modules) must load only for a
// chart that is drawn, so a build whose charts all come from the cache never pays for them.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock("vega", async (importOriginal) => {
	loaded.push("vega");
	return await importOriginal();
});
vi.mock("vega-lite", async (importOriginal) => {
	loaded.push("vega-lite");
	return await importOriginal();
});

describe("loading Vega", () => {
	it("waits until a chart is drawn", async () => {
		const { renderSvg } = await import("../../../src/lib/charts/index.ts");
		expect(loaded).toEqual([]);
		const spec = { data: { values: [{ n: 1 }] }, mark: "bar", encoding: { x: { field: "n", type: "quantitative" } } };
		expect(await renderSvg(spec as never, "t", "d")).toContain("<svg");
		expect(loaded.sort()).toEqual(["vega", "vega-lite"]);
	}, 60_000);
});
