import { describe, expect, it } from "vitest";
import { flowchartApiJson } from "../../../src/lib/metrics/api.ts";
import { smallFlowchart, smallReport } from "./helpers.ts";

const report = () => smallReport();

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
