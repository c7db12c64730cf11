/**
 * Golden tests: tests/fixtures/mermaid/<case>.yaml compiles to <case>.mmd.
 * To update the expected files after an intended change, run
 *   UPDATE_GOLDEN=1 npm run test:unit -- tests/unit/mermaid
 * and review the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileFlowchart } from "../../../src/lib/mermaid/compile.ts";
import { FIXTURES_DIR, loadedFixture } from "../support/fixtures.ts";

const cases = ["simple", "decision", "swimlanes", "loop-back", "two-starts", "nasty-labels", "tb", "no-responsible"];
const update = process.env.UPDATE_GOLDEN === "1";

describe("compileFlowchart golden files", () => {
	for (const name of cases) {
		it(name, () => {
			const actual = compileFlowchart(loadedFixture("mermaid", name));
			const golden = `${FIXTURES_DIR}mermaid/${name}.mmd`;
			if (update) writeFileSync(golden, actual);
			expect(existsSync(golden), `${golden} missing: run with UPDATE_GOLDEN=1`).toBe(true);
			expect(actual).toBe(readFileSync(golden, "utf8"));
		});
	}

	// The "as lived" view of the metrics page: moves deals made without an arrow, dashed; arrows nobody took, faded.
	it("decision-as-lived", () => {
		const actual = compileFlowchart(loadedFixture("mermaid", "decision"), {
			annotate: {
				extraEdges: [
					{ from: "discovery", to: "proposal", note: "31%" },
					{ from: "proposal", to: "discovery", note: "4.5%" },
					{ from: "nowhere", to: "won", note: "dropped: unknown step" },
				],
				fadedEdges: ["fit->nurture", "nurture->lost", "not->an-arrow"],
			},
		});
		const golden = `${FIXTURES_DIR}mermaid/decision-as-lived.mmd`;
		if (update) writeFileSync(golden, actual);
		expect(existsSync(golden), `${golden} missing: run with UPDATE_GOLDEN=1`).toBe(true);
		expect(actual).toBe(readFileSync(golden, "utf8"));
	});

	it("is deterministic", () => {
		for (const name of cases) {
			expect(compileFlowchart(loadedFixture("mermaid", name))).toBe(compileFlowchart(loadedFixture("mermaid", name)));
		}
	});

	it("emits no hard-coded colours", () => {
		for (const name of cases) {
			const source = compileFlowchart(loadedFixture("mermaid", name));
			expect(source).not.toMatch(/#[0-9a-fA-F]{3,8}\b(?!;)/);
			expect(source).not.toMatch(/\b(fill|color|stroke):/);
		}
	});
});
