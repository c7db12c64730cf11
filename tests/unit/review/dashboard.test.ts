import { describe, expect, test } from "vitest";
import { locateKey } from "../../../src/lib/load/parse-yaml.ts";
import { overdueDiagnostics, reviewDashboard } from "../../../src/lib/review/dashboard.ts";
import type { Flowchart, LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

function flowchart(id: string, review: Flowchart["review"] | undefined, owner = "ops"): LoadedFlowchart {
	const data = FlowchartSchema.parse({
		title: `Process ${id}`,
		owner,
		roles: { ops: { name: "Sales operations" } },
		steps: [{ id: "s", type: "start", label: "Start" }],
		review,
	});
	return { id, file: `content/flowcharts/${id}.yaml`, data };
}

const today = "2026-11-20";
const flowcharts = [
	flowchart("fresh", { every: "6 months", log: [{ date: "2026-10-01", by: "Ops lead", summary: "ok" }] }),
	flowchart("soon", { every: "1 year", log: [{ date: "2025-12-01", by: "Ops lead", summary: "soon" }] }),
	flowchart("late", { every: "6 months", log: [{ date: "2026-05-04", by: "Sales-ops lead", summary: "late" }] }),
	flowchart("very-late", {
		log: [
			{ date: "2025-01-01", by: "B", summary: "old" },
			{ date: "2024-06-01", by: "A", summary: "older" },
		],
	}),
	flowchart("never", undefined),
];
const pages = [
	{
		id: "tips",
		title: "Tips",
		file: "content/pages/tips.mdx",
		owner: "ops",
		review: { every: "90 days", log: [{ date: "2026-09-10", by: "Ops lead", summary: "p" }] },
	},
];

describe("reviewDashboard", () => {
	test("sorts by urgency: never reviewed, most overdue, overdue, due soon, ok", () => {
		const rows = reviewDashboard({ flowcharts, pages }, { today, defaultCadence: "1 year" });
		expect(rows.map((r) => [r.id, r.status, r.nextDue, r.daysUntilDue])).toMatchInlineSnapshot(`
			[
			  [
			    "never",
			    "never-reviewed",
			    undefined,
			    undefined,
			  ],
			  [
			    "very-late",
			    "overdue",
			    "2026-01-01",
			    -323,
			  ],
			  [
			    "late",
			    "overdue",
			    "2026-11-04",
			    -16,
			  ],
			  [
			    "soon",
			    "due-soon",
			    "2026-12-01",
			    11,
			  ],
			  [
			    "tips",
			    "due-soon",
			    "2026-12-09",
			    19,
			  ],
			  [
			    "fresh",
			    "ok",
			    "2027-04-01",
			    132,
			  ],
			]
		`);
		const very = rows.find((r) => r.id === "very-late");
		expect(very?.cadence).toBe("1 year");
		expect(very?.lastReview).toEqual({ date: "2025-01-01", by: "B", summary: "old" });
		expect(rows.find((r) => r.id === "late")?.ownerName).toBe("Sales operations");
		expect(rows.find((r) => r.id === "tips")?.kind).toBe("page");
	});

	test("overdue and never-reviewed rows become warnings, errors when strict, located when possible", () => {
		const rows = reviewDashboard({ flowcharts }, { today });
		const located = overdueDiagnostics(rows, {
			locate: (row) => (row.id === "late" ? { line: 40, column: 1 } : undefined),
		});
		expect(located).toMatchInlineSnapshot(`
			[
			  {
			    "code": "review-missing",
			    "file": "content/flowcharts/never.yaml",
			    "hint": "Review it and add an entry to \`review.log\` (date, by, summary); \`npm run review -- never\` prints a checklist.",
			    "message": "The flowchart "Process never" has never been reviewed.",
			    "severity": "warning",
			  },
			  {
			    "code": "review-overdue",
			    "file": "content/flowcharts/very-late.yaml",
			    "hint": "Run \`npm run review -- very-late\` for the checklist, then add the review to \`review.log\`.",
			    "message": "The review of flowchart "Process very-late" is overdue: it was due 1 Jul 2025 (last reviewed 1 Jan 2025, every 6 months).",
			    "severity": "warning",
			  },
			  {
			    "code": "review-overdue",
			    "column": 1,
			    "file": "content/flowcharts/late.yaml",
			    "hint": "Run \`npm run review -- late\` for the checklist, then add the review to \`review.log\`.",
			    "line": 40,
			    "message": "The review of flowchart "Process late" is overdue: it was due 4 Nov 2026 (last reviewed 4 May 2026, every 6 months).",
			    "severity": "warning",
			  },
			]
		`);
		expect(overdueDiagnostics(rows, { strict: true }).map((d) => d.severity)).toEqual(["error", "error", "error"]);
	});
});

describe("locateKey", () => {
	test("finds the review key for diagnostics", () => {
		expect(locateKey("title: X\nsteps: []\nreview:\n  every: 1 year\n", "review")).toEqual({ line: 3, column: 1 });
		expect(locateKey("title: X\n", "review")).toBeUndefined();
		expect(locateKey("- a\n", "review")).toBeUndefined();
	});
});
