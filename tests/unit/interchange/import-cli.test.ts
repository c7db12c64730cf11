import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runImport } from "../../../src/lib/interchange/import-run.ts";
import { loadFlowcharts } from "../../../src/lib/load/load-flowcharts.ts";

function project() {
	const root = mkdtempSync(join(tmpdir(), "fb-import-"));
	mkdirSync(join(root, "content/flowcharts"), { recursive: true });
	cpSync("tests/fixtures/interchange", join(root, "in"), { recursive: true });
	const err: string[] = [];
	const io = { cwd: root, stdout: () => {}, stderr: (l: string) => err.push(l) };
	return { root, err, io };
}

describe("npm run import", () => {
	it("writes a flowchart that passes validation, and never overwrites it", async () => {
		const { root, err, io } = project();
		expect(await runImport(["in/camunda-inbound.bpmn", "--id", "inbound"], io)).toBe(0);
		expect(err.at(-1)).toBe("import: wrote content/flowcharts/inbound.yaml (9 steps, 11 warnings above)");
		const yaml = readFileSync(join(root, "content/flowcharts/inbound.yaml"), "utf8");
		expect(yaml.split("\n")[0]).toBe("# yaml-language-server: $schema=../../public/schemas/flowchart.schema.json");
		const { flowcharts, diagnostics } = await loadFlowcharts(root);
		expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		expect(flowcharts.map((f) => f.id)).toEqual(["inbound"]);

		const again = project();
		const io2 = { ...again.io, cwd: root };
		expect(await runImport(["in/camunda-inbound.bpmn", "--id", "inbound"], io2)).toBe(1);
		expect(again.err.at(-1)).toMatchInlineSnapshot(`
			"content/flowcharts/inbound.yaml error: the file already exists; import never overwrites
			  hint: pass --id <new-id> to write content/flowcharts/<new-id>.yaml instead."
		`);
		expect(readFileSync(join(root, "content/flowcharts/inbound.yaml"), "utf8")).toBe(yaml);
	});

	it("imports a Mermaid flowchart under its file name", async () => {
		const { root, err, io } = project();
		expect(await runImport(["in/wiki.mmd"], io)).toBe(0);
		expect(err.at(-1)).toBe("import: wrote content/flowcharts/wiki.yaml (8 steps, 1 warning above)");
		const { flowcharts } = await loadFlowcharts(root);
		expect(flowcharts[0]?.data.roles).toEqual({ sdr: "Sales development", ae: "Account executive" });
	});

	it("refuses unreadable XML with a located error and writes nothing", async () => {
		const { root, err, io } = project();
		expect(await runImport(["in/broken.bpmn"], io)).toBe(1);
		expect(err[0]).toMatch(/^in\/broken\.bpmn:5:3 error: /);
		expect(existsSync(resolve(root, "content/flowcharts/broken.yaml"))).toBe(false);
	});

	it("refuses a file type it does not know", async () => {
		const { err, io } = project();
		expect(await runImport(["in/notes.txt"], io)).toBe(1);
		expect(err.join("\n")).toMatchInlineSnapshot(`
			"in/notes.txt error: unknown file type
			  hint: import reads BPMN 2.0 XML (.bpmn), Mermaid flowcharts (.mmd) and draw.io diagrams (.drawio, .drawio.svg)."
		`);
	});
});
