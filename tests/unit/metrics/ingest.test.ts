import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { storeEvents } from "../../../src/lib/events/store.ts";
import { type CsvSource, csvFilesIn, ingestCsv } from "../../../src/lib/metrics/ingest.ts";
import { type MappingInput, MappingSchema } from "../../../src/lib/metrics/mapping.ts";
import { smallFlowchart } from "./helpers.ts";

const dir = new URL("../../fixtures/metrics/bad", import.meta.url).pathname;
const mappingInput: MappingInput = {
	columns: { deal: "Deal", stage: "Stage", timestamp: "When", amount: "Amount", owner: "Owner" },
	stages: { Lead: "a", Working: "a", Won: "won" },
	ignore_stages: ["Skip me"],
};

async function ingest(extra: Partial<MappingInput> = {}, sources?: CsvSource[]) {
	const mapping = MappingSchema.parse({ ...mappingInput, ...extra });
	return ingestCsv(sources ?? (await csvFilesIn(dir, "content/metrics/t")), mapping, smallFlowchart());
}

describe("ingestCsv bad data", () => {
	it("reports every bad row grouped by reason with the first file:line", async () => {
		const r = await ingest();
		expect(r.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/t/a.csv:16:1 warning: 1 row: too few columns, first at content/metrics/t/a.csv:16 (dropped)
			  hint: The row has fewer cells than the header; check the export for broken lines.",
			  "content/metrics/t/a.csv:6:1 warning: 1 row: missing deal id, first at content/metrics/t/a.csv:6 (dropped)
			  hint: Every row needs a deal id; check the deal id column in mapping.yaml.",
			  "content/metrics/t/a.csv:15:1 warning: 1 row: missing stage, first at content/metrics/t/a.csv:15 (dropped)
			  hint: Every row needs a stage; check the stage column in mapping.yaml.",
			  "content/metrics/t/a.csv:4:1 warning: 2 rows: unknown stage 'Demo Scheduled', first at content/metrics/t/a.csv:4 (dropped)
			  hint: Map the CRM stage to a step under \`stages:\` in mapping.yaml, or list it under \`ignore_stages:\`.",
			  "content/metrics/t/b.csv:2:1 warning: 1 row: unknown stage 'demo scheduled', first at content/metrics/t/b.csv:2 (dropped)
			  hint: Map the CRM stage to a step under \`stages:\` in mapping.yaml, or list it under \`ignore_stages:\`.",
			  "content/metrics/t/a.csv:7:1 warning: 1 row: unparseable date, first at content/metrics/t/a.csv:7 (dropped)
			  hint: Check \`timestamp_format\` in mapping.yaml (iso, us, eu, unix or unix_ms).",
			  "content/metrics/t/a.csv:8:1 warning: 1 row: non-numeric amount, first at content/metrics/t/a.csv:8 (amount ignored)
			  hint: Amounts must be numbers; the stage change is kept without the amount.",
			  "content/metrics/t/a.csv:9:1 warning: 1 row: negative amount, first at content/metrics/t/a.csv:9 (amount ignored)
			  hint: Amounts cannot be negative; the stage change is kept without the amount.",
			  "content/metrics/t/a.csv:10:1 warning: 1 row: duplicated row (same deal, step and time as an earlier row), first at content/metrics/t/a.csv:10 (extra copy dropped)
			  hint: The export repeats a row; the extra copy is ignored.",
			  "content/metrics/t/a.csv:12:1 warning: 1 row: out of time order within the deal, first at content/metrics/t/a.csv:12 (sorted and used)
			  hint: Rows of a deal should be in time order; they were sorted and used.",
			]
		`);
		expect(r.report.ignored).toEqual([{ stage: "Skip me", count: 1 }]);
		expect(r.report.files).toEqual(["content/metrics/t/a.csv", "content/metrics/t/b.csv"]);
		expect(r.report.rows).toBe(19);
	});

	it("makes every problem an error in strict mode", async () => {
		const r = await ingest({ strict: true });
		expect(r.diagnostics.length).toBeGreaterThan(0);
		expect(r.diagnostics.every((d) => d.severity === "error")).toBe(true);
	});

	it("keeps good rows, sorted per deal, with amounts from quoted and localised cells", async () => {
		const r = await ingest();
		expect(r.report.used).toBe(r.store.order.length);
		const events = storeEvents(r.store).map((e) => [
			e.deal,
			e.step,
			new Date(e.at).toISOString(),
			e.amount ?? null,
			e.owner ?? null,
			e.line,
		]);
		expect(events).toMatchInlineSnapshot(`
			[
			  [
			    "1",
			    "a",
			    "2026-01-05T00:00:00.000Z",
			    100,
			    "Ann",
			    2,
			  ],
			  [
			    "1",
			    "a",
			    "2026-01-06T00:00:00.000Z",
			    null,
			    "Ann",
			    3,
			  ],
			  [
			    "5",
			    "a",
			    "2026-01-08T00:00:00.000Z",
			    null,
			    "Bob",
			    8,
			  ],
			  [
			    "6",
			    "a",
			    "2026-01-08T00:00:00.000Z",
			    null,
			    "Bob",
			    9,
			  ],
			  [
			    "7",
			    "a",
			    "2026-01-08T00:00:00.000Z",
			    null,
			    "Cy",
			    12,
			  ],
			  [
			    "7",
			    "a",
			    "2026-01-09T00:00:00.000Z",
			    null,
			    "Cy",
			    11,
			  ],
			  [
			    "9",
			    "a",
			    "2026-01-10T00:00:00.000Z",
			    1200.5,
			    "Quoted, Owner",
			    14,
			  ],
			  [
			    "10",
			    "won",
			    "2026-02-01T08:00:00.000Z",
			    2000,
			    "Ann",
			    18,
			  ],
			  [
			    "12",
			    "a",
			    "2026-02-03T00:00:00.000Z",
			    null,
			    "multi
			line owner",
			    3,
			  ],
			  [
			    "12",
			    "a",
			    "2026-02-04T00:00:00.000Z",
			    null,
			    "Dee",
			    5,
			  ],
			]
		`);
	});

	it("rejects a file whose header lacks a mapped column", async () => {
		const r = await ingest({ columns: { ...mappingInput.columns, amount: "Deal value" } });
		expect(
			r.diagnostics.filter((d) => d.code === "metrics-missing-column").map(formatDiagnostic),
		).toMatchInlineSnapshot(`
			[
			  "content/metrics/t/a.csv:1:1 error: The CSV header has no column 'Deal value' (amount), so the file was not read.
			  hint: Export the file again including that column. Header columns are: Deal, Stage, When, Amount, Owner.",
			  "content/metrics/t/b.csv:1:1 error: The CSV header has no column 'Deal value' (amount), so the file was not read.
			  hint: Export the file again including that column. Header columns are: deal, STAGE, when, amount, owner.",
			]
		`);
		expect(r.store.order.length).toBe(0);
	});

	it("reports an unclosed quote with its line and keeps the rows before it", async () => {
		const tmp = await mkdtemp(`${tmpdir()}/flowbook-metrics-`);
		await writeFile(`${tmp}/x.csv`, 'Deal,Stage,When,Amount\n1,Lead,2026-01-01,\n2,"Lead,2026-01-02,\n');
		const r = await ingest({ columns: { deal: "Deal", stage: "Stage", timestamp: "When", amount: "Amount" } }, [
			{ path: `${tmp}/x.csv`, file: "content/metrics/t/x.csv" },
		]);
		expect(r.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/t/x.csv:3:1 warning: 1 row: CSV syntax error (Unclosed quote: this quoted field never ends), first at content/metrics/t/x.csv:3 (dropped)
			  hint: Fix the CSV syntax (often a quote that is never closed); this row was dropped, the rows after it were read.",
			]
		`);
		expect(r.store.order.length).toBe(1);
	});

	it("reads the rows after a quote that never closes, and reports it where it opens", async () => {
		const tmp = await mkdtemp(`${tmpdir()}/flowbook-metrics-`);
		await writeFile(
			`${tmp}/x.csv`,
			'Deal,Stage,When,Amount,Owner\n1,Lead,2026-01-01,,\n2,"Lead,2026-01-02,,\n3,Lead,2026-01-03,,\n4,Won,2026-01-04,,\n',
		);
		const r = await ingest({}, [{ path: `${tmp}/x.csv`, file: "content/metrics/t/x.csv" }]);
		expect(r.diagnostics.map(formatDiagnostic)[0]).toContain("x.csv:3:1 warning: 1 row: CSV syntax error");
		expect(r.report.rows).toBe(3);
		expect(r.store.order.length).toBe(3);
	});

	it("says precisely when a CSV is empty or has only a header, and suggests a stage for a typo", async () => {
		const tmp = await mkdtemp(`${tmpdir()}/flowbook-metrics-`);
		await writeFile(`${tmp}/empty.csv`, "");
		await writeFile(`${tmp}/header.csv`, "Deal,Stage,When,Amount,Owner\n");
		await writeFile(`${tmp}/typo.csv`, "Deal,Stage,When,Amount,Owner\n1,Workng,2026-01-01,,\n");
		const r = await ingest({}, await csvFilesIn(tmp, "content/metrics/t"));
		expect(r.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/t/empty.csv:1:1 warning: The CSV file is empty, so it adds no rows.
			  hint: Export the deal stage history again, or delete the file if it is not needed.",
			  "content/metrics/t/header.csv:1:1 warning: The CSV file has a header but no rows, so it adds no rows.
			  hint: Export the deal stage history again, or delete the file if it is not needed.",
			  "content/metrics/t/typo.csv:2:1 warning: 1 row: unknown stage 'Workng' (did you mean 'Working'?), first at content/metrics/t/typo.csv:2 (dropped)
			  hint: Map the CRM stage to a step under \`stages:\` in mapping.yaml, or list it under \`ignore_stages:\`.",
			]
		`);
	});

	it("stops at the first line that is not UTF-8 and says how to save the export", async () => {
		const tmp = await mkdtemp(`${tmpdir()}/flowbook-metrics-`);
		const head = Buffer.from("Deal,Stage,When,Amount,Owner\n1,Lead,2026-01-01,,\n2,Lead,2026-01-02,,Ren");
		await writeFile(`${tmp}/latin.csv`, Buffer.concat([head, Buffer.from([0xe9, 0x0a])]));
		const r = await ingest({}, [{ path: `${tmp}/latin.csv`, file: "content/metrics/t/latin.csv" }]);
		expect(r.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "content/metrics/t/latin.csv:3:1 error: The CSV file is not UTF-8 text from this line on; the rows from here on were not read.
			  hint: Export it again as "CSV UTF-8" (in Excel: Save as → CSV UTF-8); it was probably saved as Latin-1 / Windows-1252.",
			]
		`);
		expect(r.report.rows).toBe(1);
	});
});
