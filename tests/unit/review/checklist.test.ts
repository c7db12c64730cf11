import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { reviewChecklist, reviewLogSnippet } from "../../../src/lib/review/checklist.ts";
import { FlowchartSchema, type LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";

const data = FlowchartSchema.parse({
	title: "B2B new business",
	owner: "ops",
	roles: { ops: "Sales operations", ae: "Account executive" },
	steps: [
		{ id: "lead", type: "start", label: "Lead", next: "demo" },
		{ id: "demo", label: "Demo", responsible: "ae", metrics: { target_conversion: "40%", max_days: 14 }, next: "won" },
		{ id: "won", type: "end", label: "Won", outcome: "won" },
	],
	review: {
		every: "6 months",
		log: [
			{
				date: "2026-05-04",
				by: "Sales-ops lead",
				summary: "Added the follow-up automation.",
				answers: { goals: "Aligned.", tools: "Call recorder." },
			},
			{ date: "2025-11-01", by: "Dewi", summary: "First version.", answers: { market: "New competitor." } },
		],
	},
});
const fc: LoadedFlowchart = { id: "b2b", file: "content/flowcharts/b2b.yaml", data };

describe("reviewChecklist", () => {
	test("prints the state, the four questions with earlier answers, targets and a log snippet", () => {
		expect(reviewChecklist(fc, { today: "2026-11-10" })).toMatchInlineSnapshot(`
			"# Review checklist: B2B new business

			- **Flowchart:** \`b2b\` (content/flowcharts/b2b.yaml)
			- **Owner:** Sales operations
			- **Cadence:** every 6 months
			- **Last review:** 4 May 2026 by Sales-ops lead: Added the follow-up automation.
			- **Next review due:** 4 Nov 2026 (overdue by 6 days)

			## The four questions

			1. [ ] **Is the process still aligned with business goals and sales strategy?**
			   Previous answer (4 May 2026): Aligned.

			2. [ ] **Are there market or competitive changes that need adjustments?**
			   Previous answer (1 Nov 2025): New competitor.

			3. [ ] **Are there new tools or technology that could automate or simplify a task?**
			   Previous answer (4 May 2026): Call recorder.

			4. [ ] **What feedback or suggestions has the team given?**
			   Previous answer: none recorded.

			## Metric targets

			No CRM numbers were given for this review; compare these targets by hand.

			| Step | Target conversion | Max days in step |
			| --- | --- | --- |
			| Demo | 40% | 14 |

			- [ ] Are the targets still right?

			## Record the review

			Add this entry under \`review:\` → \`log:\` in content/flowcharts/b2b.yaml, fill in the answers, and open a pull request.

			\`\`\`yaml
			    - date: 2026-11-10
			      by: Sales operations
			      summary: What was decided or changed.
			      answers:
			        goals: "" # Is the process still aligned with business goals and sales strategy?
			        market: "" # Are there market or competitive changes that need adjustments?
			        tools: "" # Are there new tools or technology that could automate or simplify a task?
			        feedback: "" # What feedback or suggestions has the team given?
			\`\`\`
			"
		`);
	});

	test("prints metrics when given, and says when never reviewed", () => {
		const bare: LoadedFlowchart = { ...fc, data: { ...data, review: undefined, owner: undefined } };
		const out = reviewChecklist(bare, {
			today: "2026-11-10",
			metrics: {
				since: "2026-05-04",
				source: "content/metrics/b2b/q3.csv",
				rows: [{ step: "Demo", measure: "Conversion", actual: "31%", target: "40%", offTarget: true }],
			},
		});
		expect(out).toContain("- **Last review:** none yet");
		expect(out).toContain("Deals since 4 May 2026, from content/metrics/b2b/q3.csv.");
		expect(out).toContain("| Demo | Conversion | **31%** (off target) | 40% |");
		expect(out).toContain("Previous answer: none recorded.");
		expect(out).toContain("      by: Your name");
	});

	test("the snippet is valid YAML that fits the review log schema", () => {
		const snippet = reviewLogSnippet("2026-11-10", "Sales operations");
		const doc = parse(`review:\n  log:\n${snippet}\n`);
		const parsed = FlowchartSchema.shape.review.parse(doc.review);
		expect(parsed?.log[0]).toEqual({
			date: "2026-11-10",
			by: "Sales operations",
			summary: "What was decided or changed.",
			answers: { goals: "", market: "", tools: "", feedback: "" },
		});
	});
});
