import { describe, expect, test } from "vitest";
import { annotatedDiagram, stepMarks, withRemovedSteps } from "../../../src/lib/diff/diagram.ts";
import { diffMarkdown } from "../../../src/lib/diff/markdown.ts";
import { diffFlowcharts } from "../../../src/lib/diff/semantic-diff.ts";
import { fixture, loaded } from "./helpers.ts";

describe("diffMarkdown", () => {
	test("a section per changed flowchart, user text kept inert", () => {
		const md = diffMarkdown(
			[
				{
					id: "b2b",
					file: "content/flowcharts/b2b.yaml",
					title: "B2B <sales>",
					status: "changed",
					changes: [{ kind: "label-changed", stepId: "demo", text: 'Step "Demo" renamed to "<img src=x>"' }],
				},
				{ id: "same", file: "content/flowcharts/same.yaml", title: "Same", status: "changed", changes: [] },
				{
					id: "old",
					file: "content/flowcharts/old.yaml",
					title: "Old",
					status: "removed",
					changes: [{ kind: "flowchart-removed", text: 'Flowchart removed: "Old"' }],
				},
			],
			{ b2b: "flowchart LR\n  a --> b\n" },
			{ baseRef: "origin/main" },
		);
		expect(md).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			2 flowcharts compared with \`origin/main\`: 1 changed, 1 removed.

			### B2B &lt;sales&gt;

			\`content/flowcharts/b2b.yaml\`

			- Step "Demo" renamed to "&lt;img src=x&gt;"

			<details open><summary>Diagram after the change: new steps green, changed amber, removed red and dashed</summary>

			\`\`\`mermaid
			flowchart LR
			  a --> b
			\`\`\`

			</details>

			### Old (removed)

			\`content/flowcharts/old.yaml\`

			- Flowchart removed: "Old"
			"
		`);
	});

	test("says so when nothing changed", () => {
		expect(diffMarkdown([], {})).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			No flowchart changed.
			"
		`);
	});
});

describe("annotatedDiagram", () => {
	const before = fixture("process/before.yaml");
	const after = fixture("process/after.yaml");
	const changes = diffFlowcharts(before, after);

	test("marks added, changed and removed steps", () => {
		expect(Object.fromEntries(stepMarks(changes))).toEqual({
			lead: "changed",
			prospecting: "changed",
			negotiation: "changed",
			security: "added",
			won: "changed",
			demo: "removed",
		});
		const merged = withRemovedSteps(after, before, stepMarks(changes));
		expect(merged.steps.map((s) => s.id)).toEqual(["lead", "prospecting", "negotiation", "security", "won", "demo"]);
		expect(merged.steps.at(-1)?.next).toBeUndefined();
	});

	test("passes classes and notes to the compiler and appends the class definitions", () => {
		const calls: unknown[] = [];
		const source = annotatedDiagram(loaded("p", after), before, changes, (fc, options) => {
			calls.push({ steps: fc.data.steps.map((s) => s.id), options });
			return "flowchart LR\n";
		});
		expect(calls).toMatchInlineSnapshot(`
			[
			  {
			    "options": {
			      "annotate": {
			        "nodes": {
			          "demo": {
			            "classes": [
			              "removed",
			            ],
			            "note": "removed",
			          },
			          "lead": {
			            "classes": [
			              "changed",
			            ],
			            "note": "changed",
			          },
			          "negotiation": {
			            "classes": [
			              "changed",
			            ],
			            "note": "changed",
			          },
			          "prospecting": {
			            "classes": [
			              "changed",
			            ],
			            "note": "changed",
			          },
			          "security": {
			            "classes": [
			              "added",
			            ],
			            "note": "new",
			          },
			          "won": {
			            "classes": [
			              "changed",
			            ],
			            "note": "changed",
			          },
			        },
			      },
			    },
			    "steps": [
			      "lead",
			      "prospecting",
			      "negotiation",
			      "security",
			      "won",
			      "demo",
			    ],
			  },
			]
		`);
		expect(source).toMatchInlineSnapshot(`
			"flowchart LR
			  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0f2e17
			  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:3px,color:#3b2300
			  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#82071e
			"
		`);
	});
});
