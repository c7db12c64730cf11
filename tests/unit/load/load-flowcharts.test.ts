import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { flowchartId, loadFlowchartSource, loadFlowcharts } from "../../../src/lib/load/load-flowcharts.ts";
import { FIXTURES, loadFixture } from "./helpers.ts";

describe("valid.yaml", () => {
	it("loads with defaults applied and no diagnostics", () => {
		const { flowchart, diagnostics } = loadFixture("valid.yaml");
		expect(diagnostics).toEqual([]);
		expect(flowchart?.id).toBe("valid");
		expect(flowchart?.file).toBe(`${FIXTURES}/valid.yaml`);
		expect(flowchart?.data.direction).toBe("LR");
		expect(flowchart?.data.steps.find((s) => s.id === "prospecting")?.type).toBe("stage");
		expect(flowchart?.data.review?.log[0]?.date).toBe("2025-01-15");
	});
});

describe("special-labels.yaml", () => {
	it("loads quotes, brackets, pipes, <script>, emoji and Indonesian text as ordinary text", () => {
		const { flowchart, diagnostics } = loadFixture("special-labels.yaml");
		expect(diagnostics).toEqual([]);
		expect(flowchart?.data.title).toBe('Penjualan B2B: "proses" <baru> | v2 🚀');
		expect(flowchart?.data.steps.map((s) => s.label)).toEqual([
			'Prospek masuk "hangat"',
			"Kualifikasi? [BANT] | {anggaran}",
			'Menang 🎉 — "deal"',
			"Kalah: tidak cocok | #tidak-lanjut",
		]);
		expect(flowchart?.data.steps[1]?.next).toContainEqual({ to: "kalah", when: "<script>alert('x')</script>" });
	});
});

describe("loadFlowchartSource", () => {
	it("takes the id from the file name and normalises backslashes", () => {
		expect(flowchartId("content/flowcharts/b2b.yaml")).toBe("b2b");
		expect(flowchartId("content\\flowcharts\\renewals.yml")).toBe("renewals");
		const { flowchart } = loadFlowchartSource(
			"content\\flowcharts\\mini.yml",
			"title: Mini\nroles: {}\nsteps:\n  - {id: a, type: start, label: A, next: b}\n  - {id: b, type: end, label: B}\n",
		);
		expect(flowchart?.file).toBe("content/flowcharts/mini.yml");
		expect(flowchart?.id).toBe("mini");
	});

	it("returns the flowchart when there are only warnings", () => {
		const { flowchart, diagnostics } = loadFixture("no-responsible.yaml");
		expect(flowchart?.id).toBe("no-responsible");
		expect(diagnostics.map((d) => d.severity)).toEqual(["warning"]);
	});
});

describe("several/ (loadFlowcharts)", () => {
	it("reads .yaml and .yml in name order and reports all problems from all files", async () => {
		const { flowcharts, diagnostics } = await loadFlowcharts(process.cwd(), `${FIXTURES}/several`);
		expect(flowcharts.map((f) => f.id)).toEqual(["a-valid", "d-warning"]);
		expect(`\n${diagnostics.map(formatDiagnostic).join("\n")}\n`).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/several/b-broken.yml:8:11 error: step "lead": next → unknown step "wom" (did you mean "won"?)
			  hint: Defined steps: lead, won.
			tests/fixtures/flowcharts/several/c-syntax.yaml:4:3 error: YAML syntax: key \`ae\` appears twice in the same mapping
			  hint: Each key may appear only once in a mapping; remove or rename one of them.
			tests/fixtures/flowcharts/several/d-warning.yaml:9:9 warning: step "call": no \`responsible\` role, so the RACI table has a gap
			  hint: Add \`responsible: <role id>\`: the role that does the work in this stage.
			"
		`);
	});

	it("reports a missing folder with a hint", async () => {
		const result = await loadFlowcharts(process.cwd(), "no/such/dir");
		expect(result.flowcharts).toEqual([]);
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"no/such/dir error: the flowchart folder no/such/dir does not exist
			  hint: Create no/such/dir/ and add one YAML file per sales process (e.g. no/such/dir/b2b.yaml), or run from the project root."
		`);
	});

	it("warns about an empty folder and rejects two files with the same id", async () => {
		const root = mkdtempSync(join(tmpdir(), "flowbook-load-"));
		const empty = await loadFlowcharts(root, ".");
		expect(empty.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning no-flowcharts"]);

		const body =
			"title: T\nroles: {}\nsteps:\n  - {id: a, type: start, label: A, next: b}\n  - {id: b, type: end, label: B}\n";
		writeFileSync(join(root, "b2b.yaml"), body);
		writeFileSync(join(root, "b2b.yml"), body);
		const twice = await loadFlowcharts(root, ".");
		expect(twice.flowcharts.map((f) => f.file)).toEqual(["b2b.yaml"]);
		expect(twice.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"b2b.yml:1:1 error: flowchart id "b2b" is already used by b2b.yaml
			  hint: Each flowchart's file name becomes its page address: rename or merge one of the files."
		`);
	});
});
