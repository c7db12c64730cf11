/** `npm run diff`: the CRM history replayed against the base and the proposed flowchart, in a real git repository. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runDiff } from "../../../src/cli/diff-run.ts";
import { flowchart, mapping, writeProject } from "../conformance/project.ts";

let repo = "";

function git(...args: string[]): string {
	return execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The proposal writes down the shortcut from Demo to Negotiation and drops Nurture. */
const proposed = flowchart
	.replace(
		"    next: proposal\n",
		"    next:\n      - to: proposal\n        when: Custom pricing\n      - to: negotiation\n        when: List price\n",
	)
	.replace("      - to: nurture\n        when: Not now\n", "")
	.replace(/ {2}- id: nurture\n(?: {4}.*\n)+/, "");

async function diff(...extra: string[]): Promise<string> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runDiff(["main", "--no-diagrams", ...extra], {
		cwd: repo,
		stdout: (t) => out.push(t),
		stderr: (l) => err.push(l),
	});
	expect(err).toEqual([]);
	expect(code).toBe(0);
	return out.join("");
}

beforeAll(() => {
	repo = mkdtempSync(join(tmpdir(), "flowbook-diff-conformance-"));
	git("init", "-q", "-b", "main");
	git("config", "user.name", "Test");
	git("config", "user.email", "test@example.com");
	git("config", "commit.gpgsign", "false");
	writeProject(repo);
	git("add", "-A");
	git("commit", "-q", "-m", "Deal flow and its CRM export");
	writeFileSync(join(repo, "content/flowcharts/deals.yaml"), proposed);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("diff replays the CRM history", () => {
	test("a mapping that names a removed step is said, not skipped", async () => {
		const md = await diff();
		expect(md.slice(md.indexOf("The CRM export")).trim()).toMatchInlineSnapshot(
			`"The CRM export could not be replayed: against the proposed flowchart, \`content/metrics/deals/mapping.yaml:12:12\`: CRM stage 'Nurture' maps to 'nurture', which is not a step of the flowchart."`,
		);
	});

	test("says how conformance, fitness and each deviation would change", async () => {
		// The proposal maps the CRM's Nurture stage, whose step it removes, to Lost; the base keeps its own mapping.
		writeFileSync(
			join(repo, "content/metrics/deals/mapping.yaml"),
			mapping.replace("Nurture: nurture", "Nurture: lost"),
		);
		const md = await diff();
		expect(md.slice(md.indexOf("**Against real deals**")).trim()).toMatchInlineSnapshot(`
			"**Against real deals** (9 deals in \`content/metrics/deals/\`, replayed against both versions):

			| | Before | After | Change |
			| --- | --- | --- | --- |
			| Conformance rate | 44% | 78% | +33 points |
			| Fitness | 93% | 96% | +3 points |
			| Deals that conform | 4 | 7 | +3 |
			| Arrows nobody took | 2 | 0 | −2 |

			- This change makes 3 more deals conform.
			- Skip **Proposal**: 3 deals today → none.
			- Go from **Demo** straight to **Negotiation**: 3 deals today → none.
			- Go back from **Negotiation** to **Proposal**: 1 deal today → none.
			- Go from **Negotiation** straight to **Proposal**: none today → 1 deal."
		`);
		writeFileSync(join(repo, "content/metrics/deals/mapping.yaml"), mapping);
	});

	test("--no-replay leaves it out", async () => {
		expect(await diff("--no-replay")).not.toMatch(/Against real deals|CRM export/);
	});
});
