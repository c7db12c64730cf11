/** `npm run review`: conformance since the last review, and its largest deviations as prompts under the questions. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runReview } from "../../../src/cli/review-run.ts";
import { writeProject } from "../conformance/project.ts";

let root = "";

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), "flowbook-review-conformance-"));
	writeProject(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function checklist(): Promise<string> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runReview(["deals"], {
		cwd: root,
		env: { FLOWBOOK_TODAY: "2026-07-01" },
		stdout: (t) => out.push(t),
		stderr: (l) => err.push(l),
	});
	expect(err.join("\n")).toBe("");
	expect(code).toBe(0);
	return out.join("");
}

describe("review conformance", () => {
	test("prompts under the four questions and a conformance section, deals since the review only", async () => {
		const text = await checklist();
		expect(text.slice(text.indexOf("## The four questions"), text.indexOf("## Metrics")).trim()).toMatchInlineSnapshot(`
			"## The four questions

			1. [ ] **Is the process still aligned with business goals and sales strategy?**
			   Previous answer: none recorded.
			   - 38% of deals (3) skip Proposal (win rate 100% with it, 40% without): write it down or coach it?
			   - 38% of deals (3) go from Demo straight to Negotiation (win rate 100% with it, 40% without): write it down or coach it?
			   - 13% of deals (1) start at Demo (win rate 0% with it, 71% without): write it down or coach it?

			2. [ ] **Are there market or competitive changes that need adjustments?**
			   Previous answer: none recorded.
			   - Nobody took Signed? → Nurture ("Not now"): still needed?
			   - Nobody took Nurture → Lost: still needed?

			3. [ ] **Are there new tools or technology that could automate or simplify a task?**
			   Previous answer: none recorded.
			   - 13% of deals (1) repeat Negotiation although no arrow leads back to it (win rate 0% with it, 71% without): could a template or an automation remove the rework?

			4. [ ] **What feedback or suggestions has the team given?**
			   Previous answer: none recorded.
			   - 13% of deals (1) go back from Negotiation to Proposal (win rate 0% with it, 71% without): ask the team why."
		`);
		expect(
			text.slice(text.indexOf("## Conformance"), text.indexOf("## Record the review")).trim(),
		).toMatchInlineSnapshot(`
			"## Conformance

			Deals first recorded since the last review (the whole export when there is none), replayed against this flowchart.
			The largest deviations and the arrows nobody took are listed as prompts under the four questions.

			- Conformance rate: **38%** (3 deals of 8 followed a documented path exactly)
			- Fitness: **92%** (1 − alignment cost / (recorded steps + 5-step shortest path), over all deals)
			- Deviations counted against fitness: 7; accepted by the allowlist: 0; arrows nobody took: 2"
		`);
	});
});
