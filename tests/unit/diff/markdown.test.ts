import { describe, expect, test } from "vitest";
import { annotatedDiagram, stepMarks, withRemovedSteps } from "../../../src/lib/diff/diagram.ts";
import { diffMarkdown } from "../../../src/lib/diff/markdown.ts";
import { diffFlowcharts } from "../../../src/lib/diff/semantic-diff.ts";
import { flowchartFixture, loaded } from "../support/fixtures.ts";

const fixture = (name: string) => flowchartFixture(`diff/${name}`);

describe("diffMarkdown", () => {
	test("a section per changed flowchart, user text kept inert", () => {
		const md = diffMarkdown(
			[
				{
					id: "b2b",
					file: "content/flowcharts/b2b.yaml",
					title: "B2B <sales>",
					status: "changed",
					changes: [
						{
							kind: "label-changed",
							stepId: "demo",
							message: { key: "step-renamed", from: "Demo", to: "<img src=x> R&D &amp; *sales*" },
						},
					],
				},
				{ id: "same", file: "content/flowcharts/same.yaml", title: "Same", status: "changed", changes: [] },
				{
					id: "old",
					file: "content/flowcharts/old.yaml",
					title: "Old",
					status: "removed",
					changes: [{ kind: "flowchart-removed", message: { key: "flowchart-removed", title: "Old" } }],
				},
			],
			{ b2b: "flowchart LR\n  a --> b\n" },
			{ baseRef: "origin/main" },
		);
		expect(md).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			2 flowcharts compared with \`origin/main\`: 1 changed, 1 removed.

			### B2B \\<sales\\>

			\`content/flowcharts/b2b.yaml\`

			- Step "Demo" renamed to "\\<img src=x\\> R&D \\&amp; \\*sales\\*"

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
			      "links": false,
			      "readableSource": true,
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

describe("an added flowchart and the printed Mermaid", () => {
	const routing = fixture("routing/after.yaml");

	test("an added flowchart is described step by step: role, next steps and conditions", () => {
		const md = diffMarkdown([
			{
				id: "routing",
				file: "content/flowcharts/routing.yaml",
				title: routing.title,
				status: "added",
				changes: diffFlowcharts(undefined, routing),
				added: routing,
			},
		]);
		expect(md).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			1 flowchart: 1 added.

			### Routing (added)

			\`content/flowcharts/routing.yaml\`

			- Flowchart added: "Routing" (8 steps)

			Step by step:

			1. **Start** (start): → **Discovery**
			2. **Discovery** (stage, Sales development representative): → **Presentation**
			3. **Qualified (BANT)?** (decision): if "Budget confirmed" → **Presentation**; if "No" → **Disqualified**; if "Existing customer" → **Done**
			4. **Presentation** (stage): if "Proposal accepted" → **Done**
			5. **Nurture** (stage): if "Re-engaged" → **Discovery**
			6. **Disqualified** (end): ends here
			7. **Lost** (end): ends here
			8. **Done** (end): ends here
			"
		`);
		expect(md).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);
	});

	test("the diagram has no links and no entity codes where plain text is safe", () => {
		const data = structuredClone(routing);
		const first = data.steps[0];
		if (first) first.label = 'Call: "Hi" (5 min); R&D <b>x</b> 3 > 2 #1 &amp; #58;';
		const source = annotatedDiagram(loaded("routing", data), undefined, diffFlowcharts(undefined, data));
		expect(source).not.toMatch(/^\s*click /m);
		expect(source).not.toContain("#58;");
		expect(source).not.toContain("#40;");
		expect(source).toContain("Call: #quot;Hi#quot; (5 min); R&D #lt;b>x#lt;/b> 3 > 2 #1 #amp;amp; #35;58;");
	});
});
