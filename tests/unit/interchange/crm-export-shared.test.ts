import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { exportCrm } from "../../../src/lib/interchange/crm-export.ts";
import { loadFlowcharts } from "../../../src/lib/load/load-flowcharts.ts";
import { loadMetrics } from "../../../src/lib/metrics/index.ts";
import { ingestCsv } from "../../../src/lib/metrics/ingest.ts";

vi.mock("../../../src/lib/metrics/ingest.ts", async (importOriginal) => {
	const actual = await importOriginal<typeof import("../../../src/lib/metrics/ingest.ts")>();
	return { ...actual, ingestCsv: vi.fn(actual.ingestCsv) };
});

const fixture = join(import.meta.dirname, "../../fixtures/crm");

describe("the HubSpot export in a build", () => {
	it("reuses the export the metrics already read instead of ingesting it again per language", async () => {
		const { flowcharts } = await loadFlowcharts(fixture);
		const fc = flowcharts.find((f) => f.id === "tiny");
		if (!fc) throw new Error("fixture flowchart missing");
		const metrics = await loadMetrics({ root: fixture, id: "tiny", flowchart: fc.data });
		expect(metrics.store?.order.length).toBeGreaterThan(0);
		const english = await exportCrm(fixture, "tiny", "hubspot", "en");
		const indonesian = await exportCrm(fixture, "tiny", "hubspot", "id");
		expect(english.diagnostics).toEqual([]);
		expect(indonesian.stages).toEqual(english.stages);
		expect(english.stages?.[0]).toMatchObject({ probability: { value: 0.5, source: "history" } });
		expect(vi.mocked(ingestCsv)).toHaveBeenCalledTimes(1);
	});
});

describe("CRM files from flowcharts the caller already read", () => {
	it("exports the flowcharts it is given instead of reading the folder again", async () => {
		const read = await loadFlowcharts(fixture);
		const fc = read.flowcharts.find((f) => f.id === "tiny");
		if (!fc) throw new Error("fixture flowchart missing");
		// A marked copy: only a file made from the given flowcharts carries the mark.
		const marked = { ...fc, data: { ...fc.data, title: "Marked pipeline" } };
		const given = Promise.resolve({ ...read, flowcharts: [marked] });
		const result = await exportCrm(fixture, "tiny", "salesforce", "en", given);
		const files = Object.values(result.files ?? {}).join("\n");
		expect(files).toContain("Marked pipeline");
		const fromDisk = Object.values((await exportCrm(fixture, "tiny", "salesforce")).files ?? {}).join("\n");
		expect(fromDisk).not.toContain("Marked pipeline");
	});
});
