import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { astroBuild, fixtureProject } from "./support/fixture-project.ts";

const broken = `# yaml-language-server: $schema=../../public/schemas/flowchart.schema.json
title: Broken process
roles:
  ae: Account executive
steps:
  - id: lead
    type: start
    label: Lead
    next: prospecting
  - id: prospecting
    label: Prospecting
    responsible: ea
    next: qualifed
  - id: qualified
    type: decision
    label: Qualified?
    next:
      - { to: won, when: "Yes" }
  - id: won
    type: end
    label: Won
`;

const page = `---
title: A guide
---

Some text.

\`\`\`mermaid
flowchart LR
  a --> 
\`\`\`
`;

describe("a build with broken content", () => {
	const dirs: string[] = [];
	afterAll(async () => {
		for (const dir of dirs) await rm(dir, { recursive: true, force: true });
	});

	it("stops with every located error at once, hints, exit code 1 and no stack trace", async () => {
		const dir = await fixtureProject({ "content/flowcharts/broken.yaml": broken });
		dirs.push(dir);
		const { status, stderr } = astroBuild(dir);
		expect(status).toBe(1);
		expect(stderr).toContain(
			'content/flowcharts/broken.yaml:13:11 error: step "prospecting": next → unknown step "qualifed" (did you mean "qualified"?)',
		);
		expect(stderr).toMatch(/content\/flowcharts\/broken\.yaml:12:18 error: .*unknown role "ea"/);
		expect(stderr).toMatch(/broken\.yaml:\d+:\d+ error: .*decision/);
		expect(stderr).toContain("  hint: ");
		expect(stderr).toContain("the build stopped because the content has errors");
		expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
	}, 300_000);

	it("fails on a mermaid fence that does not parse, naming the page and line", async () => {
		const dir = await fixtureProject({
			"content/flowcharts/ok.yaml":
				"title: OK\nroles: {}\nsteps:\n  - { id: a, type: start, label: A, next: b }\n  - { id: b, type: end, label: B }\n",
			"content/pages/guide.mdx": page,
		});
		dirs.push(dir);
		const { status, stdout, stderr } = astroBuild(dir);
		expect(status).toBe(1);
		const output = `${stdout}\n${stderr}`;
		// The fence opens on line 7; Mermaid reports the end of the broken diagram (line 9).
		expect(output).toMatch(/content\/pages\/guide\.mdx:9:1 error: mermaid: Parse error on line \d+/);
		expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
	}, 300_000);
});
