import { describe, expect, it } from "vitest";
import { bottleneckReasons, describeIssueIn, diagramNotes, inlineChartSvg, stepLabel } from "../../src/site/metrics.ts";
import { smallFlowchart, smallReport } from "./metrics/helpers.ts";

const report = () => smallReport({ rows: 0, used: 0, issues: [], ignored: [], files: [] });

function site(lang: "en" | "id") {
	const original = smallFlowchart();
	const data =
		lang === "en"
			? original
			: { ...original, steps: original.steps.map((s) => (s.id === "n" ? { ...s, label: "Pemeliharaan" } : s)) };
	return { id: "small", file: "content/flowcharts/small.yaml", data, original, lang, missing: [] };
}

describe("site metrics helpers", () => {
	it("renders the core's messages in English exactly as the JSON API and CLI print them", () => {
		const r = report();
		for (const b of r.bottlenecks) expect(bottleneckReasons("en", b)).toEqual(b.reasons);
		expect(diagramNotes("en", r)).toBe(r.annotations);
	});

	it("writes bottleneck reasons and diagram notes in Indonesian with Indonesian number formats", () => {
		const r = report();
		expect(r.bottlenecks.flatMap((b) => bottleneckReasons("id", b))).toMatchInlineSnapshot(`
			[
			  "Median waktu 4,5 hari melewati batas 3 hari: 2 transaksi macet di sini",
			  "Konversi 83% di bawah target 90%: 1 transaksi tidak berlanjut",
			]
		`);
		expect(r.bottlenecks.flatMap((b) => b.reasons)).toMatchInlineSnapshot(`
			[
			  "Median time 4.5 days is over the limit of 3 days: 2 deals stalled here",
			  "Conversion 83% is under the 90% target: 1 deal did not move on",
			]
		`);
		const notes = diagramNotes("id", r);
		expect(notes.nodes.b).toEqual({ note: "100% · 4,5 hari", classes: ["bottleneck"] });
		expect(r.annotations.nodes.b).toEqual({ note: "100% · 4.5d", classes: ["bottleneck"] });
		expect(notes.nodes.won?.note).toMatch(/^\d+ transaksi$/);
	});

	it("describes data-quality issues in the page's language, English only where no translation exists", () => {
		const issue = {
			code: "unknown-stage",
			reason: "unknown stage 'Demo Scheduled'",
			count: 1200,
			file: "content/metrics/b2b/export.csv",
			line: 14,
			action: "dropped" as const,
		};
		expect(describeIssueIn("id", issue)).toEqual({
			text: "1.200 baris: tahapan tidak dikenal 'Demo Scheduled', pertama di content/metrics/b2b/export.csv:14 (dibuang)",
			translated: true,
		});
		expect(describeIssueIn("en", { ...issue, count: 1 }).text).toBe(
			"1 row: unknown stage 'Demo Scheduled', first at content/metrics/b2b/export.csv:14 (dropped)",
		);
		const unknown = { ...issue, code: "csv-syntax", reason: "CSV syntax error (bad quote)" };
		expect(describeIssueIn("id", unknown)).toEqual({
			text: "1,200 rows: CSV syntax error (bad quote), first at content/metrics/b2b/export.csv:14 (dropped)",
			translated: false,
		});
	});

	it("labels steps in the page's language", () => {
		expect(stepLabel(site("id"), "n")).toBe("Pemeliharaan");
		expect(stepLabel(site("en"), "n")).toBe("Nurture");
	});

	it("strips the unnamed graphics roles from inner chart marks, not from the root", () => {
		const svg =
			'<svg role="img" aria-label="Funnel"><g role="graphics-object" aria-roledescription="group mark container"><path role="graphics-symbol"/></g></svg>';
		expect(inlineChartSvg(svg)).toBe('<svg role="img" aria-label="Funnel"><g><path/></g></svg>');
	});
});
