/** `npm run review`: the metrics cover the events since the last review, and say which window and how many deals. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { flowchartTemplate } from "../../../src/cli/new.ts";
import { runReview } from "../../../src/cli/review-run.ts";

let root = "";

const mapping = `columns:
  deal: Deal
  stage: Stage
  timestamp: Entered
  amount: Amount
timestamp_format: iso
stages:
  Opportunity: start
  Working: first-stage
  Decide: decision
  Won: won
  Lost: lost
period: quarter
export_date: 2026-06-30
`;

/** Three deals before the review on 2026-03-01 (all lost), two after it (both won). */
const csv = [
	"Deal,Stage,Entered,Amount",
	"d1,Opportunity,2026-01-05,1000",
	"d1,Working,2026-01-06,1000",
	"d1,Decide,2026-01-10,1000",
	"d1,Lost,2026-01-12,1000",
	"d2,Opportunity,2026-01-15,1000",
	"d2,Working,2026-01-16,1000",
	"d2,Lost,2026-01-20,1000",
	"d3,Opportunity,2026-02-01,1000",
	"d3,Working,2026-02-02,1000",
	"d3,Decide,2026-02-10,1000",
	"d3,Lost,2026-02-11,1000",
	"d4,Opportunity,2026-04-01,1000",
	"d4,Working,2026-04-02,1000",
	"d4,Decide,2026-04-10,1000",
	"d4,Won,2026-04-12,1000",
	"d5,Opportunity,2026-05-01,1000",
	"d5,Working,2026-05-03,1000",
	"d5,Decide,2026-05-09,1000",
	"d5,Won,2026-05-10,1000",
	"",
].join("\n");

function project(name: string, reviewed: boolean): string {
	const dir = join(root, name);
	mkdirSync(join(dir, "content/flowcharts"), { recursive: true });
	mkdirSync(join(dir, "content/metrics/renewal"), { recursive: true });
	let yaml = flowchartTemplate("Renewal", "2026-03-01");
	if (!reviewed) yaml = yaml.replace(/ {2}log:\n[\s\S]*$/, "  log: []\n");
	writeFileSync(join(dir, "content/flowcharts/renewal.yaml"), yaml);
	writeFileSync(join(dir, "content/metrics/renewal/mapping.yaml"), mapping);
	writeFileSync(join(dir, "content/metrics/renewal/export.csv"), csv);
	return dir;
}

async function metricsOf(dir: string): Promise<string> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runReview(["renewal"], {
		cwd: dir,
		env: { FLOWBOOK_TODAY: "2026-07-01" },
		stdout: (t) => out.push(t),
		stderr: (l) => err.push(l),
	});
	expect(err.join("\n")).toBe("");
	expect(code).toBe(0);
	const text = out.join("");
	return text.slice(text.indexOf("## Metrics"), text.indexOf("## Record the review")).trim();
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), "flowbook-review-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("review metrics window", () => {
	test("only the events since the last review count, and the window and deal count are said", async () => {
		expect(await metricsOf(project("reviewed", true))).toMatchInlineSnapshot(`
			"## Metrics

			Since the last review: events from 1 Mar 2026 to 30 Jun 2026, 2 deals (from content/metrics/renewal/).

			| Step | Measure | Actual | Target |
			| --- | --- | --- | --- |
			| First stage | Conversion | 100% | 50% |
			| First stage | Median days in step | 7 days | 14 days max |
			| Ready to go ahead? | Conversion | 100% |  |
			| All | Win rate | 100% |  |

			- Sales cycle is not shown: deals that started before the review would look shorter than they were.
			- Win rate by period since the last review: 2026-Q2 100%.
			- [ ] Do the numbers call for a change to the flowchart?

			## Conformance

			Deals first recorded since the last review (the whole export when there is none), replayed against this flowchart.
			The largest deviations and the arrows nobody took are listed as prompts under the four questions.

			- Conformance rate: **100%** (2 deals of 2 followed a documented path exactly)
			- Fitness: **100%** (1 − alignment cost / (recorded steps + 2-step shortest path), over all deals)
			- Deviations counted against fitness: 0; accepted by the allowlist: 0; arrows nobody took: 1"
		`);
	});

	test("without a review, the whole export, said as such", async () => {
		expect(await metricsOf(project("never", false))).toMatchInlineSnapshot(`
			"## Metrics

			No review recorded yet, so these cover the whole export: events from 5 Jan 2026 to 30 Jun 2026, 5 deals (from content/metrics/renewal/).

			| Step | Measure | Actual | Target |
			| --- | --- | --- | --- |
			| First stage | Conversion | 100% | 50% |
			| First stage | Median days in step | 6 days | 14 days max |
			| Ready to go ahead? | Conversion | 40% |  |
			| All | Win rate | 40% |  |
			| All | Sales cycle | 10 days |  |

			- [ ] Do the numbers call for a change to the flowchart?

			## Conformance

			Deals first recorded since the last review (the whole export when there is none), replayed against this flowchart.
			The largest deviations and the arrows nobody took are listed as prompts under the four questions.

			- Conformance rate: **100%** (5 deals of 5 followed a documented path exactly)
			- Fitness: **100%** (1 − alignment cost / (recorded steps + 2-step shortest path), over all deals)
			- Deviations counted against fitness: 0; accepted by the allowlist: 0; arrows nobody took: 0"
		`);
	});
});
