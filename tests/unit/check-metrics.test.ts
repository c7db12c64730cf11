import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/lib/check.ts";
import { formatDiagnostic } from "../../src/lib/diagnostics/diagnostic.ts";

const flowchart = `title: Small
roles:
  r: Rep
steps:
  - { id: s, type: start, label: Start, next: a }
  - { id: a, label: A, responsible: r, next: won }
  - { id: won, type: end, outcome: won, label: Won }
review:
  every: 100 years
  log: [{ date: "2026-01-01", by: Ops, summary: First version }]
`;
const mapping = (strict: boolean) => `columns: { deal: Deal, stage: Stage, timestamp: When, amount: Amount }
stages:
  Lead: a
  Won: won
strict: ${strict}
`;
const csv = `Deal,Stage,When,Amount
1,Lead,2026-01-05,100
1,Won,2026-01-09,100
2,Demo Scheduled,2026-01-06,
3,Demo Scheduled,2026-01-07,
`;

async function project(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(join(tmpdir(), "flowbook-check-"));
	for (const [path, text] of Object.entries(files)) {
		await mkdir(join(root, path, ".."), { recursive: true });
		await writeFile(join(root, path), text);
	}
	return root;
}

describe("checkContent: CRM exports", () => {
	it("reports bad rows as grouped warnings that fail only a strict build", async () => {
		const root = await project({
			"content/flowcharts/small.yaml": flowchart,
			"content/metrics/small/mapping.yaml": mapping(false),
			"content/metrics/small/q1.csv": csv,
		});
		const report = await checkContent(root, { strict: false });
		expect(report.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/small/q1.csv:4:1 warning: 2 rows: unknown stage 'Demo Scheduled', first at content/metrics/small/q1.csv:4 (dropped)
			  hint: Map the CRM stage to a step under \`stages:\` in mapping.yaml, or list it under \`ignore_stages:\`.",
			]
		`);
		expect(report.failed).toBe(false);
		expect((await checkContent(root, { strict: true })).failed).toBe(true);
	});

	it("fails the build when the mapping itself says strict", async () => {
		const root = await project({
			"content/flowcharts/small.yaml": flowchart,
			"content/metrics/small/mapping.yaml": mapping(true),
			"content/metrics/small/q1.csv": csv,
		});
		const report = await checkContent(root, { strict: false });
		expect(report.diagnostics.map((d) => d.severity)).toEqual(["error"]);
		expect(report.failed).toBe(true);
	});

	it("says nothing when there is no export", async () => {
		const root = await project({ "content/flowcharts/small.yaml": flowchart });
		const report = await checkContent(root, { strict: true });
		expect(report.diagnostics).toEqual([]);
		expect(report.failed).toBe(false);
	});
});
