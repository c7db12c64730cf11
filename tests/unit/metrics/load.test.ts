import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { describeIssue, loadMetrics, parseMapping } from "../../../src/lib/metrics/index.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";
import { smallFlowchart } from "./helpers.ts";

const root = new URL("../../..", import.meta.url).pathname.replace(/\/$/, "");

describe("parseMapping", () => {
	it("accepts the documented shape with defaults", () => {
		const text = "columns: {deal: Id, stage: Stage, timestamp: At, amount: Amount}\nstages:\n  Closed Won: won\n";
		const r = parseMapping(text, "m.yaml", smallFlowchart());
		expect(r.mapping).toMatchObject({ timestamp_format: "iso", period: "quarter", strict: false, ignore_stages: [] });
	});

	it("locates schema errors and unknown step ids, all in one run, with a suggestion for a typo", () => {
		const text = [
			"columns:",
			"  deal: Id",
			"  stage: Stage",
			"  timestamp: At",
			"stages:",
			"  Closed Won: wonn",
			"  Demo: demo",
			"period: week",
		].join("\n");
		const first = parseMapping(text, "m.yaml", smallFlowchart());
		expect(first.mapping).toBeUndefined();
		expect(first.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "m.yaml:2:3 error: missing required field \`amount\`
			  hint: Add \`amount: …\` (column holding the deal amount; empty cells are allowed).",
			  "m.yaml:5:1 warning: No CRM stage maps to steps 'a', 'n', 'b', 'lost', so they will show no numbers.
			  hint: Add a line such as '"<CRM stage name>": a' under stages for each.",
			  "m.yaml:6:15 error: CRM stage 'Closed Won' maps to 'wonn', which is not a step of the flowchart (did you mean 'won'?).
			  hint: Use one of: s, a, d, n, b, won, lost.",
			  "m.yaml:7:9 error: CRM stage 'Demo' maps to 'demo', which is not a step of the flowchart.
			  hint: Use one of: s, a, d, n, b, won, lost.",
			  "m.yaml:8:9 error: \`period\` must be one of quarter, month; got the text "week"
			  hint: Period for trends: quarter (default) or month.",
			]
		`);
		const fixed = text
			.replace("  timestamp: At", "  timestamp: At\n  amount: Amount")
			.replace("period: week", "")
			.replace("wonn", "won");
		const codes = parseMapping(fixed, "m.yaml", smallFlowchart()).diagnostics.map(
			(d) => `${d.line}:${d.column} ${d.code}`,
		);
		expect(codes).toEqual(["6:1 metrics-mapping-unmapped-step", "8:9 metrics-mapping-unknown-step"]);
	});

	it("reports invalid YAML", () => {
		const r = parseMapping("columns: [", "m.yaml", smallFlowchart());
		expect(r.diagnostics[0]?.code).toBe("metrics-mapping-yaml");
	});
});

describe("loadMetrics", () => {
	it("hides metrics with a note when there is no export", async () => {
		const r = await loadMetrics({ root, id: "no-such-flowchart", flowchart: smallFlowchart() });
		expect(r.report).toBeUndefined();
		expect(r.diagnostics).toEqual([]);
		expect(r.note).toMatchInlineSnapshot(
			`"No CRM export yet. To show metrics, put your CRM's deal stage-history export (CSV) and a mapping.yaml in content/metrics/no-such-flowchart/ (see content/metrics/README.md)."`,
		);
	});

	it("warns when CSVs have no mapping, and notes an export without usable rows", async () => {
		const tmp = await mkdtemp(`${tmpdir()}/flowbook-load-`);
		await mkdir(`${tmp}/content/metrics/x`, { recursive: true });
		await writeFile(`${tmp}/content/metrics/x/e.csv`, "Id,Stage,At,Amount\n");
		const noMapping = await loadMetrics({ root: tmp, id: "x", flowchart: smallFlowchart() });
		expect(noMapping.report).toBeUndefined();
		expect(noMapping.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/x/mapping.yaml warning: The CRM export in content/metrics/x/ has no mapping.yaml, so its metrics are not shown.
			  hint: Add mapping.yaml with the column names and a stages: map (see content/metrics/README.md).",
			]
		`);
		await writeFile(
			`${tmp}/content/metrics/x/mapping.yaml`,
			"columns: {deal: Id, stage: Stage, timestamp: At, amount: Amount}\nstages: {Lead: a, Won: won, Lost: lost, B: b, N: n}\n",
		);
		const empty = await loadMetrics({ root: tmp, id: "x", flowchart: smallFlowchart() });
		expect(empty.report).toBeUndefined();
		expect(empty.note).toMatch(/no usable rows/);
	});

	it("computes the committed sample: one bottleneck at proposal, and the bad rows reported", async () => {
		const flowchart = FlowchartSchema.parse(parse(readFileSync(`${root}/tests/fixtures/metrics/b2b.yaml`, "utf8")));
		const r = await loadMetrics({ root, id: "b2b", flowchart });
		const report = r.report;
		if (!report) throw new Error(r.note);
		expect(report.bottlenecks.map((b) => b.step)).toEqual(["proposal"]);
		expect(report.bottlenecks[0]?.reasons.length).toBe(2);
		expect(report.metrics.periods).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
		expect(report.metrics.exportDate.slice(0, 10)).toBe("2026-11-20");
		expect(report.dataQuality.issues.map(describeIssue)).toMatchInlineSnapshot(`
			[
			  "1 row: missing deal id, first at content/metrics/b2b/2026-h2.csv:2866 (dropped)",
			  "3 rows: unknown stage 'Demo Scheduled', first at content/metrics/b2b/2026-h2.csv:717 (dropped)",
			  "1 row: unparseable date, first at content/metrics/b2b/2026-h2.csv:1434 (dropped)",
			  "1 row: negative amount, first at content/metrics/b2b/2026-h2.csv:3583 (amount ignored)",
			  "1 row: duplicated row (same deal, step and time as an earlier row), first at content/metrics/b2b/2026-h2.csv:4299 (extra copy dropped)",
			  "1 row: out of time order within the deal, first at content/metrics/b2b/2026-h2.csv:5735 (sorted and used)",
			]
		`);
		expect(report.annotations.nodes.proposal?.classes).toEqual(["bottleneck"]);
		// The sample's deals take the shortcuts real teams take, so conformance has something to show.
		const kinds = report.conformance.deviations.map((d) => d.key);
		expect(kinds).toEqual(
			expect.arrayContaining([
				"skipped-step:qualification",
				"backwards-move:negotiation->proposal",
				"undocumented-transition:negotiation->won",
			]),
		);
		expect(report.conformance.rate).toBeGreaterThan(0.5);
		expect(report.conformance.rate).toBeLessThan(1);
		expect(report.metrics.deals).toBeGreaterThan(2900);
	});
});
