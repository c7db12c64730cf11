import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowcharts, suggestFileName } from "../../../src/lib/load/load-flowcharts.ts";
import { loadYamlFile } from "../../../src/lib/load/load-yaml-file.ts";
import { decodeText } from "../../../src/lib/load/read-text.ts";

const flowchart = (title: string) =>
	`title: ${title}\nroles: {}\nsteps:\n  - {id: a, type: start, label: A, next: b}\n  - {id: b, type: end, label: B}\n`;

async function loadDir(files: Record<string, string | Uint8Array>) {
	const root = mkdtempSync(join(tmpdir(), "flowbook-names-"));
	for (const [name, body] of Object.entries(files)) writeFileSync(join(root, name), body);
	const result = await loadFlowcharts(root, ".");
	return {
		ids: result.flowcharts.map((f) => f.id),
		report: `\n${result.diagnostics.map(formatDiagnostic).join("\n")}\n`,
	};
}

describe("flowchart file names", () => {
	it("accepts safe slugs and rejects every name that would not be a working page address, with a valid name", async () => {
		const names = [
			"ok.yaml",
			"b2b_v2.yml",
			"a b.yaml",
			"100%.yaml",
			"x#y.yaml",
			"what?.yaml",
			"b2b.v2.yaml",
			"résumé.yaml",
			"..yaml",
			"Big.yaml",
		];
		const { ids, report } = await loadDir(Object.fromEntries(names.map((n) => [n, flowchart(n)])));
		expect(ids).toEqual(["b2b_v2", "ok"]);
		expect(report).toMatchInlineSnapshot(`
			"
			..yaml error: the file name "..yaml" cannot be a page address
			  hint: Rename it to my-process.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			100%.yaml error: the file name "100%.yaml" cannot be a page address
			  hint: Rename it to 100.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			a b.yaml error: the file name "a b.yaml" cannot be a page address
			  hint: Rename it to a-b.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			b2b.v2.yaml error: the file name "b2b.v2.yaml" cannot be a page address
			  hint: Rename it to b2b-v2.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			Big.yaml error: the file name "Big.yaml" cannot be a page address
			  hint: Rename it to big.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			résumé.yaml error: the file name "résumé.yaml" cannot be a page address
			  hint: Rename it to resume.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			what?.yaml error: the file name "what?.yaml" cannot be a page address
			  hint: Rename it to what.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			x#y.yaml error: the file name "x#y.yaml" cannot be a page address
			  hint: Rename it to x-y.yaml: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.
			"
		`);
	});

	it("suggests a slug", () => {
		expect(suggestFileName("Résumé v2")).toBe("resume-v2.yaml");
		expect(suggestFileName("???")).toBe("my-process.yaml");
	});
});

describe("file encodings", () => {
	const latin1 = Uint8Array.from([...Buffer.from("title: Caf"), 0xe9, ...Buffer.from("\nroles: {}\n")]);
	const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(flowchart("T"), "utf16le")]);

	it("reads UTF-8 with or without a byte-order mark", () => {
		expect(decodeText("f.yaml", Buffer.from("\ufeffa: é")).text).toBe("a: é");
	});

	it("refuses Latin-1 at the first bad letter and UTF-16, naming the encoding to save as", async () => {
		expect(decodeText("f.yaml", latin1).diagnostic).toMatchObject({ line: 1, column: 11, code: "encoding" });
		const { ids, report } = await loadDir({ "latin.yaml": latin1, "wide.yaml": utf16 });
		expect(ids).toEqual([]);
		expect(report).toMatchInlineSnapshot(`
			"
			latin.yaml:1:11 error: the file is not UTF-8 text: letters such as é or ü here would show as �
			  hint: Save it as "UTF-8" in your editor (it was probably saved as Latin-1 / Windows-1252).
			wide.yaml:1:1 error: the file is saved as UTF-16, not UTF-8
			  hint: Save it as "UTF-8" in your editor (in Notepad: Save as… → Encoding: UTF-8).
			"
		`);
	});
});

describe("loadYamlFile (FAQ, onboarding, mapping and other YAML inputs)", () => {
	it("refuses a file that is not UTF-8 and treats a missing file as absent", async () => {
		const root = mkdtempSync(join(tmpdir(), "flowbook-yaml-"));
		writeFileSync(join(root, "faq.yaml"), Uint8Array.from([...Buffer.from("title: Caf"), 0xe9, 0x0a]));
		const result = await loadYamlFile(z.unknown(), root, "faq.yaml");
		expect(result?.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
			"faq.yaml:1:11 encoding",
		]);
		expect(await loadYamlFile(z.unknown(), root, "missing.yaml")).toBeUndefined();
	});
});
