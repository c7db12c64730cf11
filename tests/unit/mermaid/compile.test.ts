import { describe, expect, it } from "vitest";
import { compileFlowchart } from "../../../src/lib/mermaid/compile.ts";
import { loadedFixture } from "../support/fixtures.ts";

describe("compileFlowchart options", () => {
	it("uses href, title and labels", () => {
		const source = compileFlowchart(loadedFixture("mermaid", "simple"), {
			href: (id) => `/simple/#${id}`,
			title: "Proses <sederhana>",
			lang: "id",
			labels: { description: ({ steps, ends, lang }) => `${steps} langkah (${lang}) menuju ${ends.join(", ")}` },
		});
		expect(source).toContain('click s_new_hlead href "/simple/#new-lead" "New lead";');
		expect(source).toContain("accTitle: Proses #lt;sederhana#gt;");
		expect(source).toContain("accDescr: 3 langkah #40;id#41; menuju Won");
	});

	it("describes with the language's list format", () => {
		const source = compileFlowchart(loadedFixture("mermaid", "two-starts"), { lang: "id" });
		expect(source).toContain(
			"accDescr: 5 steps from Inbound form atau Outbound prospecting to Handed to AE atau Closed.",
		);
	});

	it("adds annotation classes and notes", () => {
		const source = compileFlowchart(loadedFixture("mermaid", "decision"), {
			annotate: {
				nodes: {
					discovery: { classes: ["bottleneck", "changed"], note: "62% · 4d median" },
					proposal: { classes: ["added"] },
					won: { classes: ["won"] },
				},
				edges: { "fit->proposal": { note: "40% <of> deals" }, "fit->nurture": { note: "12%" } },
			},
		});
		expect(source).toContain('s_discovery["Discovery call<br>62#37; · 4d median"]');
		expect(source).toContain('s_fit -->|"Budget and need confirmed<br>40#37; #lt;of#gt; deals"| s_proposal');
		expect(source).toContain('s_fit -->|"12#37;"| s_nurture');
		expect(source).toContain("class s_won won\n");
		expect(source.trimEnd().split("\n").slice(-3)).toEqual([
			"  class s_proposal added",
			"  class s_discovery bottleneck",
			"  class s_discovery changed",
		]);
	});

	it("rejects class names that are not CSS identifiers", () => {
		expect(() =>
			compileFlowchart(loadedFixture("mermaid", "simple"), { annotate: { nodes: { qualify: { classes: ["a b"] } } } }),
		).toThrow(/Invalid Mermaid class name/);
	});

	it("skips transitions to unknown steps", () => {
		const fc = loadedFixture("mermaid", "simple");
		const step = fc.data.steps[1];
		if (step === undefined) throw new Error("fixture changed");
		step.next = [{ to: "won" }, { to: "nowhere" }];
		const source = compileFlowchart(fc);
		expect(source).not.toContain("nowhere");
	});

	it("declares every node before the first edge", () => {
		const lines = compileFlowchart(loadedFixture("mermaid", "swimlanes")).split("\n");
		const firstEdge = lines.findIndex((l) => l.includes("-->"));
		const lastNode = lines.findLastIndex((l) => /^\s+s_\w+[[({]/.test(l));
		expect(lastNode).toBeLessThan(firstEdge);
	});
});
