/** A real temporary git repository: history, changelog and the `diff` CLI end to end. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runDiff } from "../../../src/cli/diff-run.ts";
import { flowchartTemplate } from "../../../src/cli/new.ts";
import { buildChangelog } from "../../../src/lib/changelog/changelog.ts";
import { gitContentHistory } from "../../../src/lib/git/history.ts";
import { describeEntry } from "../../../src/site/changelog-text.ts";

const nodeBin = join(import.meta.dirname, "../../../node_modules/.bin/node");
const diffCli = join(import.meta.dirname, "../../../src/cli/diff.ts");
let repo = "";
let plain = "";

function git(cwd: string, ...args: string[]): string {
	return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function write(path: string, text: string): void {
	mkdirSync(join(repo, path, ".."), { recursive: true });
	writeFileSync(join(repo, path), text);
}

function commit(message: string, date: string, author = "Dewi Lestari"): void {
	git(repo, "add", "-A");
	execFileSync(
		"git",
		["commit", "-q", "-m", message, `--author=${author} <${author.split(" ")[0]?.toLowerCase()}@example.com>`],
		{
			cwd: repo,
			env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
		},
	);
}

const v1 = flowchartTemplate("Renewal process", "2026-01-05");
const v2 = v1
	.replace("label: First stage", "label: Renewal call")
	.replace("accountable: ops", "accountable: head")
	.replace("  ops: Sales operations\n", "  ops: Sales operations\n  head: Head of sales\n")
	.replace('        when: "Yes"', "        when: Budget confirmed");
const v3 = v2
	.replace(
		"    next: decision\n",
		"    next: check\n\n  - id: check\n    label: Security check\n    responsible: ops\n    next: decision\n",
	)
	.replace(/ {2}- id: lost\n {4}type: end\n {4}label: Lost\n {4}outcome: lost\n/, "")
	.replace('      - to: lost\n        when: "No"', "      - to: won\n        when: Existing customer");

beforeAll(() => {
	repo = mkdtempSync(join(tmpdir(), "flowbook-git-"));
	plain = mkdtempSync(join(tmpdir(), "flowbook-plain-"));
	git(repo, "init", "-q", "-b", "main");
	git(repo, "config", "user.name", "Test");
	git(repo, "config", "user.email", "test@example.com");
	git(repo, "config", "commit.gpgsign", "false");
	write("content/flowcharts/x.yaml", v1);
	write("content/pages/intro.mdx", "---\ntitle: Intro\n---\nHello\n");
	write("README.md", "not content\n");
	commit("Add the renewal process", "2026-01-05T10:00:00+07:00");
	write("content/flowcharts/x.yaml", v2);
	commit("Head of sales owns the renewal call", "2026-03-02T09:30:00+07:00", "Rizky Pratama");
	write("content/pages/intro.mdx", "---\ntitle: Intro\n---\nHello, team\n");
	write("README.md", "still not content\n");
	commit("Reword the intro page", "2026-03-03T16:00:00+07:00");
	write("content/flowcharts/x.yaml", `${v2}\n# only a comment\n`);
	commit("Comment only", "2026-03-04T08:00:00+07:00");
	write("content/flowcharts/x.yaml", v3); // left uncommitted: the pull request's change
});

afterAll(() => {
	for (const dir of [repo, plain]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("gitContentHistory and the changelog", () => {
	test("lists content commits newest first with their files", () => {
		const history = gitContentHistory(repo);
		if (!history.available) throw new Error(history.reason);
		expect(history.commits.map((c) => [c.date, c.author, c.subject, c.files])).toMatchInlineSnapshot(`
			[
			  [
			    "2026-03-04",
			    "Dewi Lestari",
			    "Comment only",
			    [
			      {
			        "path": "content/flowcharts/x.yaml",
			        "status": "modified",
			      },
			    ],
			  ],
			  [
			    "2026-03-03",
			    "Dewi Lestari",
			    "Reword the intro page",
			    [
			      {
			        "path": "content/pages/intro.mdx",
			        "status": "modified",
			      },
			    ],
			  ],
			  [
			    "2026-03-02",
			    "Rizky Pratama",
			    "Head of sales owns the renewal call",
			    [
			      {
			        "path": "content/flowcharts/x.yaml",
			        "status": "modified",
			      },
			    ],
			  ],
			  [
			    "2026-01-05",
			    "Dewi Lestari",
			    "Add the renewal process",
			    [
			      {
			        "path": "content/flowcharts/x.yaml",
			        "status": "added",
			      },
			      {
			        "path": "content/pages/intro.mdx",
			        "status": "added",
			      },
			    ],
			  ],
			]
		`);
		expect(history.commits[0]?.hash).toMatch(/^[0-9a-f]{40}$/);
	});

	test("merges commits described in words with review-log entries", () => {
		const changelog = buildChangelog(
			repo,
			[
				{
					kind: "flowchart",
					id: "x",
					title: "Renewal process",
					file: "content/flowcharts/x.yaml",
					review: { log: [{ date: "2026-03-02", by: "Rizky Pratama", summary: "Moved accountability." }] },
				},
			],
			gitContentHistory(repo),
		);
		expect(changelog.git).toEqual({ available: true });
		// "Comment only" changed no step, owner, target or condition: it is not in the changelog.
		expect(
			changelog.entries.map((e) => ({ date: e.date, author: e.author, ...describeEntry("en", e) })),
		).toMatchInlineSnapshot(`
			[
			  {
			    "author": "Dewi Lestari",
			    "date": "2026-03-03",
			    "groups": [
			      {
			        "guides": true,
			        "heading": undefined,
			        "items": [
			          "Guide updated: "Intro"",
			        ],
			      },
			    ],
			    "subject": "Reword the intro page",
			    "summary": "",
			    "title": "Intro",
			  },
			  {
			    "author": "Rizky Pratama",
			    "date": "2026-03-02",
			    "groups": [
			      {
			        "heading": undefined,
			        "items": [
			          "Role added: Head of sales",
			          "Step "First stage" renamed to "Renewal call"",
			          "Renewal call: accountable changed from Sales operations to Head of sales",
			          "Ready to go ahead?: condition of the branch to Won changed from "Yes" to "Budget confirmed"",
			        ],
			      },
			    ],
			    "subject": "Head of sales owns the renewal call",
			    "summary": "",
			    "title": "Renewal process",
			  },
			  {
			    "author": "Rizky Pratama",
			    "date": "2026-03-02",
			    "groups": [],
			    "summary": "Moved accountability.",
			    "title": "Review: Renewal process",
			  },
			  {
			    "author": "Dewi Lestari",
			    "date": "2026-01-05",
			    "groups": [
			      {
			        "heading": "Renewal process",
			        "items": [
			          "Flowchart added: "Renewal process" (5 steps)",
			        ],
			      },
			      {
			        "guides": true,
			        "heading": "Guides",
			        "items": [
			          "Guide added: "Intro"",
			        ],
			      },
			    ],
			    "subject": "Add the renewal process",
			    "summary": "",
			    "title": "Renewal process and Intro",
			  },
			]
		`);
		expect(changelog.entries.map((e) => describeEntry("id", e).groups.flatMap((g) => g.items))).toMatchInlineSnapshot(`
			[
			  [
			    "Panduan diperbarui: "Intro"",
			  ],
			  [
			    "Peran ditambahkan: Head of sales",
			    "Langkah "First stage" diganti nama menjadi "Renewal call"",
			    "Renewal call: penanggung jawab diubah dari Sales operations menjadi Head of sales",
			    "Ready to go ahead?: syarat cabang menuju Won diubah dari "Yes" menjadi "Budget confirmed"",
			  ],
			  [],
			  [
			    "Diagram alir ditambahkan: "Renewal process" (5 langkah)",
			    "Panduan ditambahkan: "Intro"",
			  ],
			]
		`);
	});

	test("says why history is unavailable: not a repository, or a shallow clone", () => {
		expect(gitContentHistory(plain)).toMatchInlineSnapshot(`
			{
			  "available": false,
			  "reason": "the project is not a git repository (a download or a copy without history)",
			}
		`);
		const shallow = join(plain, "shallow");
		git(plain, "clone", "-q", "--depth", "1", `file://${repo}`, shallow);
		expect(gitContentHistory(shallow)).toMatchInlineSnapshot(`
			{
			  "available": false,
			  "reason": "the repository is a shallow clone, so its history is incomplete (fetch it in full, e.g. \`fetch-depth: 0\`)",
			}
		`);
		const changelog = buildChangelog(shallow, [], gitContentHistory(shallow));
		expect(changelog.entries).toEqual([]);
		expect(changelog.git.available).toBe(false);
	});
});

describe("diff CLI", () => {
	test("prints the semantic changes since a ref with an annotated diagram", () => {
		const out = execFileSync(nodeBin, [diffCli, "HEAD~3", "--root", repo], { encoding: "utf8" });
		expect(out).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			1 flowchart compared with \`HEAD~3\`: 1 changed.

			### Renewal process

			\`content/flowcharts/x.yaml\`

			- Role added: Head of sales
			- Step "First stage" renamed to "Renewal call"
			- Renewal call: now leads to Security check instead of Ready to go ahead?
			- Renewal call: accountable changed from Sales operations to Head of sales
			- Step added: "Security check" (stage, responsible: Sales operations)
			- Ready to go ahead?: condition of the branch to Won changed from "Yes" to "Budget confirmed"
			- Ready to go ahead?: now also leads to Won when "Existing customer"
			- Ready to go ahead?: no longer leads to Lost ("No")
			- Step removed: "Lost"

			<details open><summary>Diagram after the change: new steps green, changed amber, removed red and dashed</summary>

			\`\`\`mermaid
			---
			config:
			  layout: elk.layered
			  elk:
			    considerModelOrder: NODES_AND_EDGES
			    nodePlacementStrategy: NETWORK_SIMPLEX
			  flowchart:
			    subGraphTitleMargin:
			      top: 0
			      bottom: 24
			    nodeSpacing: 16
			    rankSpacing: 20
			    padding: 6
			    wrappingWidth: 160
			---
			flowchart LR
			  accTitle: Renewal process
			  accDescr: 6 steps from New opportunity to Won or Lost. Roles: Account executive and Sales operations.
			  classDef stage stroke-width:1px
			  classDef decision stroke-width:1px
			  classDef terminal stroke-width:2px
			  classDef won stroke-width:2px
			  classDef lost stroke-width:2px
			  s_start(["New opportunity"])
			  s_won(["Won"])
			  s_lost(["Lost<br>removed"])
			  subgraph r_ae ["Account executive"]
			    s_first_hstage["Renewal call<br>changed"]
			    s_decision{"Ready to<br>go ahead?<br>changed"}
			  end
			  subgraph r_ops ["Sales operations"]
			    s_check["Security check<br>new"]
			  end
			  s_start --> s_first_hstage
			  s_first_hstage --> s_check
			  s_check --> s_decision
			  s_decision -->|"Budget confirmed"| s_won
			  s_decision -->|"Existing customer"| s_won
			  class s_first_hstage,s_check stage
			  class s_decision decision
			  class s_start,s_won,s_lost terminal
			  class s_won won
			  class s_lost lost
			  class s_check added
			  class s_first_hstage,s_decision changed
			  class s_lost removed
			  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:3px,color:#0f2e17
			  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:3px,color:#3b2300
			  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#82071e
			\`\`\`

			</details>
			"
		`);
	});

	test("reports a missing ref and bad usage", async () => {
		const err: string[] = [];
		const io = { cwd: repo, stdout: () => {}, stderr: (l: string) => err.push(l) };
		expect(await runDiff(["no-such-branch"], io)).toBe(1);
		expect(await runDiff([], io)).toBe(2);
		expect(await runDiff(["--root"], io)).toBe(2);
		expect(err.join("\n").replaceAll(repo, "<repo>")).toMatchInlineSnapshot(`
			"diff: "no-such-branch" is not a commit, branch or tag in <repo> (in CI, fetch the base branch first, e.g. \`git fetch origin main\`)
			diff: give exactly one base ref, e.g. origin/main
			usage: npm run diff -- <base-ref> [--root DIR] [--dir content/flowcharts] [--no-diagrams] [--no-replay]
			diff: --root needs a value
			usage: npm run diff -- <base-ref> [--root DIR] [--dir content/flowcharts] [--no-diagrams] [--no-replay]"
		`);
	});

	test("no changes since HEAD when the working tree matches", async () => {
		let out = "";
		git(repo, "stash", "-q");
		try {
			expect(await runDiff(["HEAD", "--no-diagrams"], { cwd: repo, stdout: (t) => (out += t), stderr: () => {} })).toBe(
				0,
			);
		} finally {
			git(repo, "stash", "pop", "-q");
		}
		expect(out).toMatchInlineSnapshot(`
			"<!-- flowbook-diff -->
			## Flowchart changes

			No flowchart changed compared with \`HEAD\`.
			"
		`);
	});
});
