/** A small project with a CRM export whose deals take shortcuts, go back and leave an arrow unused. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const flowchart = `title: Deal flow
owner: ops
roles:
  ae: Account executive
  ops: Sales operations
steps:
  - id: start
    type: start
    label: New lead
    next: qualify
  - id: qualify
    label: Qualification
    responsible: ae
    next: demo
  - id: demo
    label: Demo
    responsible: ae
    next: proposal
  - id: proposal
    label: Proposal
    responsible: ae
    next: negotiation
  - id: negotiation
    label: Negotiation
    responsible: ae
    next: decide
  - id: decide
    type: decision
    label: Signed?
    responsible: ae
    next:
      - to: won
        when: "Yes"
      - to: lost
        when: "No"
      - to: nurture
        when: Not now
  - id: nurture
    label: Nurture
    responsible: ops
    next: lost
  - id: won
    type: end
    label: Won
    outcome: won
  - id: lost
    type: end
    label: Lost
    outcome: lost
# Lost only through the decision, so the arrows into Lost count as taken (see the report on lost_anywhere).
conformance:
  lost_anywhere: false
review:
  every: 6 months
  log:
    - date: 2026-03-01
      by: Sales operations
      summary: First version.
`;

export const mapping = `columns:
  deal: Deal
  stage: Stage
  timestamp: Entered
  amount: Amount
timestamp_format: iso
stages:
  Qualification: qualify
  Demo: demo
  Proposal: proposal
  Negotiation: negotiation
  Nurture: nurture
  Won: won
  Lost: lost
period: quarter
export_date: 2026-06-30
`;

/** Deal paths; one deal before the review (2026-03-01), the rest after it. */
const paths: [string, string, string[]][] = [
	["old", "2026-01-05", ["Qualification", "Demo", "Proposal", "Negotiation", "Lost"]],
	["a1", "2026-04-01", ["Qualification", "Demo", "Proposal", "Negotiation", "Won"]],
	["a2", "2026-04-02", ["Qualification", "Demo", "Proposal", "Negotiation", "Won"]],
	["a3", "2026-04-03", ["Qualification", "Demo", "Proposal", "Negotiation", "Lost"]],
	["b1", "2026-04-04", ["Qualification", "Demo", "Negotiation", "Won"]],
	["b2", "2026-04-05", ["Qualification", "Demo", "Negotiation", "Won"]],
	["b3", "2026-04-06", ["Qualification", "Demo", "Negotiation", "Won"]],
	["c1", "2026-04-07", ["Qualification", "Demo", "Proposal", "Negotiation", "Proposal", "Negotiation", "Lost"]],
	["d1", "2026-04-08", ["Demo", "Proposal", "Negotiation", "Lost"]],
];

export const csv = [
	"Deal,Stage,Entered,Amount",
	...paths.flatMap(([deal, day, stages]) =>
		stages.map(
			(stage, i) =>
				`${deal},${stage},${new Date(Date.parse(`${day}T09:00:00Z`) + i * 86_400_000 * 3).toISOString()},1000`,
		),
	),
	"",
].join("\n");

/** Writes the project under `dir` (flowchart `deals`). */
export function writeProject(dir: string, yaml = flowchart): void {
	mkdirSync(join(dir, "content/flowcharts"), { recursive: true });
	mkdirSync(join(dir, "content/metrics/deals"), { recursive: true });
	writeFileSync(join(dir, "content/flowcharts/deals.yaml"), yaml);
	writeFileSync(join(dir, "content/metrics/deals/mapping.yaml"), mapping);
	writeFileSync(join(dir, "content/metrics/deals/export.csv"), csv);
}
