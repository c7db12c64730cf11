import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { MAX_SYNTAX_ERRORS, parseYaml } from "../../../src/lib/load/parse-yaml.ts";
import { loadFixture, report } from "./helpers.ts";

describe("parseYaml locator", () => {
	const source = ["title: T", "steps:", "  - id: a", "    next:", "      - to: b", "        when: ok", ""].join("\n");
	const { locate, value, diagnostics } = parseYaml("x.yaml", source);

	it("parses without diagnostics", () => {
		expect(diagnostics).toEqual([]);
		expect(value).toEqual({ title: "T", steps: [{ id: "a", next: [{ to: "b", when: "ok" }] }] });
	});

	it("locates values and keys", () => {
		expect(locate(["steps", 0, "next", 0, "to"])).toEqual({ line: 5, column: 13 });
		expect(locate(["steps", 0, "next", 0, "when"], "key")).toEqual({ line: 6, column: 9 });
		expect(locate(["title"], "key")).toEqual({ line: 1, column: 1 });
	});

	it("falls back to the nearest existing ancestor", () => {
		expect(locate(["steps", 0, "label"])).toEqual({ line: 3, column: 5 });
		expect(locate(["steps", 7, "id"])).toEqual({ line: 3, column: 3 });
		expect(locate(["nope"])).toEqual({ line: 1, column: 1 });
	});

	it("strips a byte-order mark", () => {
		expect(parseYaml("x.yaml", "\uFEFFtitle: T\n").value).toEqual({ title: "T" });
	});
});

describe("broken YAML (inline source)", () => {
	it("reports the first syntax error of every line, not just the first of the file", () => {
		const source = [
			"title: Broken",
			"steps:",
			"  - id: lead",
			"    label: [Lead",
			"  - id: won",
			'    label: "Won',
			"",
		].join("\n");
		const result = loadFlowchartSource("content/flowcharts/broken.yaml", source);
		expect(result.flowchart).toBeUndefined();
		expect(result.diagnostics.every((d) => d.code === "yaml-syntax" && d.line !== undefined)).toBe(true);
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"content/flowcharts/broken.yaml:5:3 error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]
			  hint: Indent with spaces only, and line up items of the same list or mapping in the same column.
			content/flowcharts/broken.yaml:6:12 error: YAML syntax: this quote is never closed
			  hint: Close the quote or bracket opened here or just before it, on the same line: an open quote swallows the rest of the file."
		`);
	});
});

describe("a cascade of syntax errors (inline source)", () => {
	it("shows the first lines' errors and counts the rest where they start", () => {
		// A line indented one space off that opens a bracket: the parser reports nearly every line after it (38
		// errors in the sample FAQ).
		const questions = Array.from({ length: 8 }, (_, i) => [
			`      - id: q${i}`,
			`        question: Question ${i}?`,
			`        answer: Answer ${i}.`,
		]).flat();
		const source = [
			"topics:",
			"  - id: basics",
			"    title: The basics",
			"   bad: [oops",
			"    questions:",
			...questions,
		];
		const result = parseYaml("content/faq/en.yaml", `${source.join("\n")}\n`);
		const lines = result.diagnostics.map((d) => d.line);
		expect(result.value).toBeUndefined();
		expect(result.diagnostics[0]?.line).toBe(4);
		expect(new Set(lines).size).toBe(lines.length);
		expect(result.diagnostics).toHaveLength(MAX_SYNTAX_ERRORS + 1);
		const last = result.diagnostics.at(-1);
		expect(last?.code).toBe("yaml-syntax");
		expect(last?.message).toMatch(/^YAML syntax: \d+ more lines with errors from here on/);
		expect(last?.line).toBeGreaterThan(result.diagnostics.at(-2)?.line ?? Number.POSITIVE_INFINITY);
	});
});

describe("yaml-syntax.yaml", () => {
	it("reports every syntax error with its position", () => {
		expect(loadFixture("yaml-syntax.yaml").flowchart).toBeUndefined();
		expect(report("yaml-syntax.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/yaml-syntax.yaml:2:1 error: YAML syntax: key \`title\` appears twice in the same mapping
			  hint: Each key may appear only once in a mapping; remove or rename one of them.
			tests/fixtures/flowcharts/yaml-syntax.yaml:9:5 error: YAML syntax: key \`label\` appears twice in the same mapping
			  hint: Each key may appear only once in a mapping; remove or rename one of them.
			"
		`);
	});
});

describe("alias-bomb.yaml", () => {
	// Stops at the alias limit instead of expanding (an expansion would exhaust the test's memory and timeout).
	it("stops with a located error instead of expanding", () => {
		const result = loadFixture("alias-bomb.yaml");
		expect(result.flowchart).toBeUndefined();
		expect(report("alias-bomb.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/alias-bomb.yaml:9:9 error: YAML aliases expand to too much data (Excessive alias count indicates a resource exhaustion attack)
			  hint: Write the values out instead of repeating *aliases; at most 50 alias expansions are allowed.
			"
		`);
	});
});

describe("empty.yaml and not-a-mapping.yaml", () => {
	it("explains what a flowchart file must contain", () => {
		expect(report("empty.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/empty.yaml:1:1 error: the file is empty
			  hint: Write a flowchart with \`title:\`, \`roles:\` and \`steps:\`, or delete the file.
			"
		`);
		expect(report("not-a-mapping.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/not-a-mapping.yaml:1:1 error: the file must be a mapping with \`title\`, \`roles\` and \`steps\`, got a list
			  hint: Start the file with \`title: …\` on its own line, then \`roles:\` and \`steps:\`.
			"
		`);
	});
});
