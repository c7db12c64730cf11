import { describe, expect, it, vi } from "vitest";
import { validFlowcharts } from "./helpers.ts";

// Counts the model factories built: one serves every export of the process (the site exports one per flowchart
// and language), and sharing it must not change a file.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../../src/lib/interchange/moddle.ts", async (importOriginal) => {
	const original = await importOriginal<typeof import("../../../src/lib/interchange/moddle.ts")>();
	return {
		...original,
		createModdle: () => {
			built.count++;
			return original.createModdle();
		},
	};
});

describe("BPMN export's model factory", () => {
	it("is built once for many exports, and each file is what a fresh factory writes", async () => {
		const { buildDefinitions, exportBpmn } = await import("../../../src/lib/interchange/bpmn-export.ts");
		const { createModdle } = await import("../../../src/lib/interchange/moddle.ts");
		const flowcharts = validFlowcharts().slice(0, 4);
		const shared = [];
		for (const fc of flowcharts) shared.push(await exportBpmn(fc));
		// Again in the other order: nothing one export leaves behind changes the next.
		for (const fc of [...flowcharts].reverse()) expect(await exportBpmn(fc)).toBe(shared[flowcharts.indexOf(fc)]);
		expect(built.count).toBe(1);
		for (const [i, fc] of flowcharts.entries()) {
			const fresh = createModdle();
			const { xml } = await fresh.toXML(buildDefinitions(fresh, fc), { format: true });
			expect(shared[i]).toBe(xml);
		}
	});
});
