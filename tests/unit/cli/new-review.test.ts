import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { flowchartSlug, runNew } from "../../../src/cli/new.ts";
import { runReview } from "../../../src/cli/review-run.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

const root = mkdtempSync(join(tmpdir(), "flowbook-new-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io(env: Record<string, string> = { FLOWBOOK_TODAY: "2026-11-20" }) {
	const out: string[] = [];
	const err: string[] = [];
	return { out, err, io: { cwd: root, env, stdout: (t: string) => out.push(t), stderr: (l: string) => err.push(l) } };
}

describe("new flowchart", () => {
	test("slugs titles into valid ids", () => {
		expect(flowchartSlug("Renewal process")).toBe("renewal-process");
		expect(flowchartSlug("Über Deals & Co.")).toBe("uber-deals-co");
		expect(flowchartSlug("2026 plan")).toBe("flowchart-2026-plan");
		expect(flowchartSlug("!!!")).toBe("flowchart");
	});

	test("scaffolds a valid, commented file and refuses to overwrite it", async () => {
		const first = io();
		expect(await runNew(["flowchart", "Renewal process"], first.io)).toBe(0);
		expect(first.out).toEqual([
			"Created content/flowcharts/renewal-process.yaml. Edit it, then run `npm run validate` and open a pull request.",
		]);
		const file = "content/flowcharts/renewal-process.yaml";
		const text = readFileSync(join(root, file), "utf8");
		expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../public/schemas/flowchart.schema.json");
		const data = FlowchartSchema.parse(parse(text));
		expect(data.title).toBe("Renewal process");
		expect(data.steps.map((s) => s.type)).toEqual(["start", "stage", "decision", "end", "end"]);
		expect(data.review?.log).toEqual([
			{ date: "2026-11-20", by: "Sales operations", summary: "First version of the flowchart." },
		]);
		const loaded = loadFlowchartSource(file, text);
		expect(loaded.diagnostics).toEqual([]);
		expect(loaded.flowchart?.id).toBe("renewal-process");

		const again = io();
		expect(await runNew(["flowchart", "Renewal  process"], again.io)).toBe(1);
		expect(again.err.join("\n")).toMatchInlineSnapshot(`
			"content/flowcharts/renewal-process.yaml error: a flowchart with this id already exists, so nothing was written.
			  hint: Edit the existing file, or choose another title."
		`);
		expect(readFileSync(join(root, file), "utf8")).toBe(text);
	});

	test("explains its usage", async () => {
		const bad = io();
		expect(await runNew(["page", "Tips"], bad.io)).toBe(2);
		expect(await runNew(["flowchart"], bad.io)).toBe(2);
		expect(bad.err.join("\n")).toMatchInlineSnapshot(`
			"new: I can only make a flowchart, not "page"
			usage: npm run new -- flowchart "Renewal process" [--root DIR]
			usage: npm run new -- flowchart "Renewal process" [--root DIR]"
		`);
	});
});

describe("review checklist CLI", () => {
	test("prints the checklist for a flowchart, dated by FLOWBOOK_TODAY", async () => {
		const r = io({ FLOWBOOK_TODAY: "2027-06-01" });
		expect(await runReview(["renewal-process"], r.io)).toBe(0);
		const text = r.out.join("");
		expect(text).toContain("# Review checklist: Renewal process");
		expect(text).toContain("- **Next review due:** 20 May 2027 (overdue by 12 days)");
		expect(text).toContain("    - date: 2027-06-01");
		expect(text).toContain("No CRM numbers were given");
	});

	test("an unknown id gets a located, friendly message listing the flowcharts", async () => {
		const r = io();
		expect(await runReview(["renewal-proces"], r.io)).toBe(1);
		expect(await runReview(["--root"], r.io)).toBe(2);
		expect(r.err.join("\n")).toMatchInlineSnapshot(`
			"content/flowcharts/renewal-proces.yaml error: there is no flowchart "renewal-proces" (did you mean "renewal-process"?)
			  hint: Flowcharts: renewal-process. The id is the file name without .yaml.
			review: --root needs a value
			usage: npm run review -- <flowchart-id> [--root DIR] [--every '6 months'] [--no-metrics]   (FLOWBOOK_TODAY=YYYY-MM-DD fixes the date)"
		`);
	});
});
