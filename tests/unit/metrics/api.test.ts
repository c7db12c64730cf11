import { describe, expect, it } from "vitest";
import { conformanceOf } from "../../../src/lib/conformance/index.ts";
import { flowchartApiJson } from "../../../src/lib/metrics/api.ts";
import { diagramAnnotations, findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { storeFromEvents } from "../../../src/lib/metrics/events.ts";
import type { MetricsReport } from "../../../src/lib/metrics/index.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "./helpers.ts";

function report(): MetricsReport {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	const metrics = computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
	const bottlenecks = findBottlenecks(metrics, { minSample: 1 });
	return {
		flowchartId: "small",
		folder: "content/metrics/small",
		metrics,
		bottlenecks,
		annotations: diagramAnnotations(metrics, bottlenecks),
		dataQuality: { rows: 22, used: 22, issues: [], ignored: [], files: ["t.csv"] },
		conformance: conformanceOf(fc, store),
	};
}

describe("flowchartApiJson", () => {
	const loaded = { id: "small", file: "content/flowcharts/small.yaml", data: smallFlowchart() };

	it("writes a versioned document with a stable key order", () => {
		const json = flowchartApiJson(loaded, report());
		expect(Object.keys(json)).toEqual(["schemaVersion", "id", "title", "file", "roles", "steps", "metrics"]);
		expect(json.schemaVersion).toBe(1);
		const metrics = json.metrics as Record<string, unknown>;
		expect(Object.keys(metrics)).toMatchInlineSnapshot(`
			[
			  "periodKind",
			  "periods",
			  "exportDate",
			  "firstEvent",
			  "lastEvent",
			  "deals",
			  "events",
			  "headline",
			  "headlineByPeriod",
			  "steps",
			  "edges",
			  "bottlenecks",
			  "dataQuality",
			  "conformance",
			]
		`);
		expect((json.steps as unknown[])[1]).toMatchInlineSnapshot(`
			{
			  "automations": [],
			  "consulted": [],
			  "id": "a",
			  "informed": [],
			  "label": "A",
			  "next": [
			    {
			      "to": "d",
			    },
			  ],
			  "targets": {
			    "conversion": "90%",
			    "maxDays": 5,
			  },
			  "tasks": [],
			  "type": "stage",
			}
		`);
		expect(JSON.stringify(flowchartApiJson(loaded, report()))).toBe(JSON.stringify(json));
	});

	it("writes metrics: null without an export", () => {
		expect(flowchartApiJson(loaded, undefined).metrics).toBeNull();
	});
});
