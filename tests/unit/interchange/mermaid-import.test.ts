import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { flowchartYaml } from "../../../src/lib/interchange/flowchart-yaml.ts";
import { importMermaid } from "../../../src/lib/interchange/mermaid-import.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { type Flowchart, roleName, transitionsOf } from "../../../src/lib/schema/flowchart.ts";

async function importAndValidate(file: string) {
	const result = await importMermaid(file, readFileSync(file, "utf8"), "imported");
	const loaded = loadFlowchartSource("content/flowcharts/imported.yaml", flowchartYaml(result.data as never, "test"));
	return { result, loaded, data: loaded.flowchart?.data as Flowchart };
}

/** Mermaid writes a line break and a wrap alike (`<br>`), so labels are compared with whitespace folded. */
const fold = (text: string | undefined) => text?.replace(/\s+/g, " ");
const shape = (fc: Flowchart) =>
	[...fc.steps]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((s) => ({
			id: s.id,
			type: s.type,
			label: fold(s.label),
			responsible: s.responsible,
			next: transitionsOf(s).map((t) => ({ ...t, ...(t.when ? { when: fold(t.when) } : {}) })),
		}));
const roles = (fc: Flowchart) =>
	Object.fromEntries(Object.entries(fc.roles).map(([id, role]) => [id, roleName(role, id)]));

describe("Mermaid import", () => {
	// Goldens compiled from a YAML fixture of the same name (the as-lived golden is an annotated view, not a chart).
	const pairs = readdirSync("tests/fixtures/mermaid").filter(
		(f) => f.endsWith(".mmd") && existsSync(`tests/fixtures/mermaid/${f.replace(".mmd", ".yaml")}`),
	);

	it.each(pairs)("reads Flowbook's own %s back into the flowchart it came from", async (name) => {
		const { data, loaded } = await importAndValidate(`tests/fixtures/mermaid/${name}`);
		const original = loadFlowchartSource(
			"x.yaml",
			readFileSync(`tests/fixtures/mermaid/${name.replace(".mmd", ".yaml")}`, "utf8"),
		);
		if (!original.flowchart) return expect(original.diagnostics.some((d) => d.severity === "error")).toBe(true);
		expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		expect(shape(data)).toEqual(shape(original.flowchart.data));
		const used = new Set(original.flowchart.data.steps.map((s) => s.responsible));
		expect(roles(data)).toEqual(
			Object.fromEntries(Object.entries(roles(original.flowchart.data)).filter(([id]) => used.has(id))),
		);
	});

	it("reads a hand-written wiki flowchart: subgraphs are roles, shapes give types, and passes validation", async () => {
		const file = "tests/fixtures/interchange/wiki.mmd";
		const { data, loaded, result } = await importAndValidate(file);
		expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
		expect(data.direction).toBe("TB");
		expect(data.roles).toEqual({ sdr: "Sales development", ae: "Account executive" });
		expect(data.steps.map((s) => [s.id, s.type, s.responsible ?? null, s.outcome ?? null])).toEqual([
			["start", "start", null, null],
			["q", "stage", "sdr", null],
			["fit", "decision", "sdr", null],
			["demo", "stage", "ae", null],
			["prop", "stage", "ae", null],
			["lost", "end", null, "lost"],
			["sign", "stage", null, null],
			["won", "end", null, "won"],
		]);
		expect(data.steps.find((s) => s.id === "fit")?.next).toEqual([
			{ to: "demo", when: "Yes" },
			{ to: "lost", when: "No" },
		]);
		expect(data.steps.find((s) => s.id === "prop")?.next).toEqual([{ to: "sign" }, { to: "fit" }]);
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(
			`"tests/fixtures/interchange/wiki.mmd:13:23 warning: the hexagon shape "Contract signed" has no clear role in a sales process; it is imported as an ordinary step"`,
		);
	});

	it("refuses text that is not a flowchart, with its location", async () => {
		const result = await importMermaid("seq.mmd", "sequenceDiagram\n  A->>B: hi\n", "seq");
		expect(result.data).toBeUndefined();
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"seq.mmd:1:1 error: this is not a Mermaid flowchart: the first statement must be \`flowchart LR\` (or TB, TD, RL, BT)
			  hint: Flowbook reads Mermaid flowchart statements: nodes, arrows, subgraphs."
		`);
	});
});
