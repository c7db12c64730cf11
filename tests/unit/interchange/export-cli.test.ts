import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExport } from "../../../src/lib/interchange/export-run.ts";

function io() {
	const out: string[] = [];
	const err: string[] = [];
	return {
		out,
		err,
		io: { cwd: process.cwd(), stdout: (t: string) => out.push(t), stderr: (l: string) => err.push(l) },
	};
}

describe("npm run export", () => {
	it("writes <id>.bpmn to --out", async () => {
		const dir = mkdtempSync(join(tmpdir(), "fb-export-"));
		const run = io();
		const file = join(dir, "b2b.bpmn");
		expect(await runExport(["b2b", "--format", "bpmn", "--out", file], run.io)).toBe(0);
		expect(readFileSync(file, "utf8")).toMatch(
			/<bpmn:definitions[^>]+xmlns:flowbook="https:\/\/flowbook.dev\/schema\/bpmn"/,
		);
	});

	it("prints to stdout with --out -", async () => {
		const run = io();
		expect(await runExport(["renewal", "--out", "-"], run.io)).toBe(0);
		expect(run.out.join("")).toMatch(/<bpmn:lane id="Lane_cs" name="Customer success manager">/);
	});

	it("refuses an unknown flowchart or format with a message and no stack trace", async () => {
		const run = io();
		expect(await runExport(["nope"], run.io)).toBe(1);
		expect(run.err.join("\n")).toMatchInlineSnapshot(
			`"export: no valid flowchart "nope" in content/flowcharts (valid ones: b2b, renewal)"`,
		);
		const bad = io();
		expect(await runExport(["b2b", "--format", "visio"], bad.io)).toBe(2);
		expect(bad.err.join("\n")).toMatchInlineSnapshot(`
			"export: unknown format "visio" (known: bpmn, drawio)
			usage: npm run export -- <flowchart-id> --format bpmn|drawio [--out FILE|-] [--root DIR]"
		`);
	});
});
