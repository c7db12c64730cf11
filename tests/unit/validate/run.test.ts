import { describe, expect, it } from "vitest";
import { runValidate } from "../../../src/cli/validate-run.ts";

async function run(args: string[], color = false) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runValidate(args, {
		cwd: process.cwd(),
		stdout: (l) => out.push(l),
		stderr: (l) => err.push(l),
		color,
	});
	return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("runValidate on several/", () => {
	it("prints every diagnostic and a summary, exit 1 on errors", async () => {
		const { code, out, err } = await run(["--dir", "tests/fixtures/flowcharts/several"]);
		expect(code).toBe(1);
		expect(err).toBe("");
		expect(out.split("\n").at(-1)).toBe("2 errors, 1 warning in 4 flowcharts");
	});

	it("prints GitHub annotations", async () => {
		const { out } = await run(["--dir", "tests/fixtures/flowcharts/several", "--format", "github"]);
		expect(out).toMatchInlineSnapshot(`
			"::error file=tests/fixtures/flowcharts/several/b-broken.yml,line=8,col=11,title=flowbook unknown-step::step "lead": next → unknown step "wom" (did you mean "won"?)%0ADefined steps: lead, won.
			::error file=tests/fixtures/flowcharts/several/c-syntax.yaml,line=4,col=3,title=flowbook yaml-syntax::YAML syntax: key \`ae\` appears twice in the same mapping%0AEach key may appear only once in a mapping; remove or rename one of them.
			::warning file=tests/fixtures/flowcharts/several/d-warning.yaml,line=9,col=9,title=flowbook no-responsible::step "call": no \`responsible\` role, so the RACI table has a gap%0AAdd \`responsible: <role id>\`: the role that does the work in this stage.
			2 errors, 1 warning in 4 flowcharts"
		`);
	});

	it("colours severities only when asked", async () => {
		expect((await run(["--dir", "tests/fixtures/flowcharts/several"])).out).not.toContain("\u001b[");
		expect((await run(["--dir", "tests/fixtures/flowcharts/several"], true)).out).toContain("\u001b[1;31merror");
	});
});

describe("runValidate exit codes", () => {
	it("exits 0 with warnings only", async () => {
		const { code, out } = await run(["--dir", "tests/fixtures/flowcharts/several-ok"]);
		expect(code).toBe(0);
		expect(out).toMatchInlineSnapshot(`
			"tests/fixtures/flowcharts/several-ok/d-warning.yaml:9:9 warning: step "call": no \`responsible\` role, so the RACI table has a gap
			  hint: Add \`responsible: <role id>\`: the role that does the work in this stage.
			0 errors, 1 warning in 2 flowcharts"
		`);
	});

	it("exits 2 on bad usage, without a stack trace", async () => {
		const bad = await run(["--format", "xml"]);
		expect(bad.code).toBe(2);
		expect(bad.err).toMatchInlineSnapshot(`"validate: unknown format "xml"; use text or github"`);
		const unknown = await run(["--frobnicate"]);
		expect(unknown.code).toBe(2);
		expect(unknown.err).not.toContain("    at ");
	});

	it("reports a missing content folder under --root", async () => {
		const { code, out } = await run(["--root", "tests/fixtures"]);
		expect(code).toBe(1);
		expect(out).toMatchInlineSnapshot(`
			"content/flowcharts error: the flowchart folder content/flowcharts does not exist
			  hint: Create content/flowcharts/ and add one YAML file per sales process (e.g. content/flowcharts/b2b.yaml), or run from the project root.
			1 error, 0 warnings in 0 flowcharts"
		`);
	});
});
