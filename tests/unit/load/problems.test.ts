/**
 * Each fixture in tests/fixtures/flowcharts/problems/ lists what it must report in `# expect:`
 * comments (`line:column severity code`); one loop checks them all, so a new case is one file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";

const DIR = "tests/fixtures/flowcharts/problems";
const names = readdirSync(DIR).filter((n) => /\.ya?ml$/.test(n));

const expected = (text: string) => [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]?.trim());
const found = (file: string, text: string) =>
	loadFlowchartSource(file, text).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

describe("problem fixtures", () => {
	it("has fixtures", () => expect(names.length).toBeGreaterThan(0));
	it.each(names)("%s reports exactly what it expects", (name) => {
		const text = readFileSync(`${DIR}/${name}`, "utf8");
		expect(found(`${DIR}/${name}`, text)).toEqual(expected(text));
	});
});

describe("messages", () => {
	const report = (name: string) =>
		`\n${loadFlowchartSource(`${DIR}/${name}`, readFileSync(`${DIR}/${name}`, "utf8"))
			.diagnostics.map(formatDiagnostic)
			.join("\n")}\n`;

	it("a schema error does not hide broken links, unknown roles, duplicates or unexplained unreachable steps", () => {
		expect(report("schema-and-graph.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:6:5 error: step "prospecting": missing required field \`label\`
			  hint: Add \`label: …\` (short label shown in the diagram).
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:6:5 error: step "prospecting": unknown key \`colour\`
			  hint: Allowed keys here: id, type, label, outcome, description, responsible, accountable, consulted, informed, tasks, entry, exit, metrics, automations, next.
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:7:18 error: step "prospecting": responsible → unknown role "sdr"
			  hint: Defined roles: ae. Add the role under \`roles:\` or use one of these ids.
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:10:11 error: step "prospecting": next → unknown step "qualfy" (did you mean "qualify"?)
			  hint: Defined steps: prospecting, qualify, won, forgotten.
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:18:9 error: step "won" is defined twice (also step #3)
			  hint: Step ids must be unique within a flowchart: rename one of them and update the \`next\` entries that point to it.
			tests/fixtures/flowcharts/problems/schema-and-graph.yaml:21:9 warning: step "forgotten" cannot be reached from any start step
			  hint: Add \`next: forgotten\` to the step that should lead here, or remove the step.
			"
		`);
	});

	it("a loop with no way out is an error at each step in it", () => {
		expect(report("self-loop.yaml")).toMatchInlineSnapshot(`
			"
			tests/fixtures/flowcharts/problems/self-loop.yaml:6:9 error: step "start": deals here can never reach an end step
			  hint: Every path from here goes round a loop with no way out: give a step of that loop a \`next\` that leads towards an end step (won or lost).
			tests/fixtures/flowcharts/problems/self-loop.yaml:10:9 error: step "qualify": deals here can never reach an end step
			  hint: Every path from here goes round a loop with no way out: give a step of that loop a \`next\` that leads towards an end step (won or lost).
			tests/fixtures/flowcharts/problems/self-loop.yaml:17:9 error: step "nurture": deals here can never reach an end step
			  hint: Every path from here goes round a loop with no way out: give a step of that loop a \`next\` that leads towards an end step (won or lost).
			tests/fixtures/flowcharts/problems/self-loop.yaml:21:9 warning: step "won" cannot be reached from any start step
			  hint: Add \`next: won\` to the step that should lead here, or remove the step.
			"
		`);
	});

	it("an unclosed quote is reported where it opens, not at the end of the file", () => {
		// Inline, not a fixture: the linter refuses to read a YAML file with an open quote.
		const source = 'title: Quotes\nroles: {}\nsteps:\n  - id: lead\n    label: "New lead\n    next: won\n  - id: won\n';
		const [first] = loadFlowchartSource("q.yaml", source).diagnostics;
		expect(first && formatDiagnostic(first)).toMatchInlineSnapshot(`
			"q.yaml:5:12 error: YAML syntax: this quote is never closed
			  hint: Close the quote or bracket opened here or just before it, on the same line: an open quote swallows the rest of the file."
		`);
	});

	it("refuses text and arrows beyond what a diagram can show, without quoting the text", () => {
		const long = "x".repeat(10_001);
		const source = `title: Big\nroles: {}\nsteps:\n  - id: a\n    type: start\n    label: ${"L".repeat(201)}\n    description: ${long}\n    next: b\n  - {id: b, type: end, label: B}\n`;
		expect(loadFlowchartSource("big.yaml", source).diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
			[
			  "big.yaml:6:12 error: step "a": \`label\` is 201 characters long; at most 200 are allowed
			  hint: Keep diagram text short; put long explanations in a playbook page (content/pages/) and link to it.",
			  "big.yaml:7:18 error: step "a": \`description\` is 10,001 characters long; at most 10,000 are allowed
			  hint: Keep diagram text short; put long explanations in a playbook page (content/pages/) and link to it.",
			]
		`);
	});

	it("refuses more arrows than Mermaid draws", () => {
		const fan = (i: number) =>
			`  - id: d${i}\n    type: decision\n    label: D\n    next:\n${Array.from({ length: 100 }, () => "      - {to: won, when: w}").join("\n")}`;
		const source = `title: Fan\nroles: {}\nsteps:\n  - {id: s, type: start, label: S, next: d0}\n${Array.from({ length: 21 }, (_, i) => fan(i)).join("\n")}\n  - {id: won, type: end, label: W}\n`;
		const codes = loadFlowchartSource("fan.yaml", source).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
		expect(codes).toContain("3:1 too-many-arrows");
	});
});
