import { describe, expect, it } from "vitest";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { diagramAnnotations, findBottlenecks } from "../../../src/lib/metrics/bottlenecks.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { DAY, smallEvents, smallFlowchart, T0 } from "./helpers.ts";

function metrics() {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		smallEvents(),
		fc.steps.map((s) => s.id),
	);
	return computeMetrics(fc, store, { exportAt: T0 + 100 * DAY });
}

describe("findBottlenecks", () => {
	it("flags conversion under target and median over max_days, ranked by impact", () => {
		const b = findBottlenecks(metrics(), { minSample: 1 });
		expect(b).toMatchInlineSnapshot(`
			[
			  {
			    "impact": 2,
			    "kinds": [
			      "time",
			    ],
			    "label": "B",
			    "notMovedOn": 0,
			    "reasonMsgs": [
			      {
			        "args": {
			          "deals": {
			            "deals": 2,
			          },
			          "limit": {
			            "days": 3,
			          },
			          "median": {
			            "days": 4.5,
			          },
			        },
			        "key": "bottlenecks.time",
			      },
			    ],
			    "reasons": [
			      "Median time 4.5 days is over the limit of 3 days: 2 deals stalled here",
			    ],
			    "stalled": 2,
			    "step": "b",
			  },
			  {
			    "impact": 1,
			    "kinds": [
			      "conversion",
			    ],
			    "label": "A",
			    "notMovedOn": 1,
			    "reasonMsgs": [
			      {
			        "args": {
			          "conversion": {
			            "share": 0.8333333333333334,
			          },
			          "deals": {
			            "deals": 1,
			          },
			          "target": {
			            "share": 0.9,
			          },
			        },
			        "key": "bottlenecks.conversion",
			      },
			    ],
			    "reasons": [
			      "Conversion 83% is under the 90% target: 1 deal did not move on",
			    ],
			    "stalled": 0,
			    "step": "a",
			  },
			]
		`);
	});

	it("needs a minimum sample before flagging", () => {
		expect(findBottlenecks(metrics())).toEqual([]);
	});
});

describe("diagramAnnotations", () => {
	it("annotates nodes and edges in the Mermaid compiler's shape", () => {
		const m = metrics();
		const a = diagramAnnotations(m, findBottlenecks(m, { minSample: 1 }));
		expect(a).toMatchInlineSnapshot(`
			{
			  "edges": {
			    "a->d": {
			      "note": "83%",
			    },
			    "b->won": {
			      "note": "100%",
			    },
			    "d->b": {
			      "note": "60%",
			    },
			    "d->n": {
			      "note": "40%",
			    },
			    "n->a": {
			      "note": "50%",
			    },
			    "n->lost": {
			      "note": "50%",
			    },
			    "s->a": {
			      "note": "83%",
			    },
			  },
			  "nodes": {
			    "a": {
			      "classes": [
			        "bottleneck",
			      ],
			      "note": "83% · 2d",
			    },
			    "b": {
			      "classes": [
			        "bottleneck",
			      ],
			      "note": "100% · 4.5d",
			    },
			    "d": {
			      "note": "60%",
			    },
			    "lost": {
			      "note": "2 deals",
			    },
			    "n": {
			      "note": "50% · 3.5d",
			    },
			    "won": {
			      "note": "2 deals",
			    },
			  },
			}
		`);
	});
});
