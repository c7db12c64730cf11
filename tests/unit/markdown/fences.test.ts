import { describe, expect, it } from "vitest";
import { mermaidFences } from "../../../src/lib/markdown/fences.ts";

describe("mermaidFences", () => {
	it("finds mermaid fences with the line they open on, and nothing else", () => {
		const md = [
			"# Title", // 1
			"", // 2
			"```mermaid", // 3
			"flowchart LR", // 4
			"  a --> b", // 5
			"```", // 6
			"", // 7
			"````md", // 8
			"```mermaid", // 9: inside another fence, not a diagram
			"x", // 10
			"```", // 11
			"````", // 12
			"", // 13
			"~~~ Mermaid", // 14
			"graph TD", // 15
			"~~~", // 16
			"", // 17
			"    ```mermaid", // 18: indented code
		].join("\n");
		expect(mermaidFences(md)).toEqual([
			{ line: 3, source: "flowchart LR\n  a --> b" },
			{ line: 14, source: "graph TD" },
		]);
	});

	it("offsets lines when the text starts further down the file", () => {
		expect(mermaidFences("```mermaid\ngraph TD\n```", 10)).toEqual([{ line: 10, source: "graph TD" }]);
	});
});
