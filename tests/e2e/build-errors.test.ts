import { spawnSync } from "node:child_process";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";
import { astroBuild, BUILD_TIMEOUT, fixtureProject } from "./support/fixture-project.ts";
import { ROOT, serveSite } from "./support/site.ts";

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

	it(
		"stops with every located error at once, hints, exit code 1 and no stack trace",
		async () => {
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
		},
		BUILD_TIMEOUT + 60_000,
	);

	it(
		"fails on mermaid fences that do not parse, naming every page and line at once, before any page is written",
		async () => {
			const dir = await fixtureProject({
				"content/flowcharts/ok.yaml":
					"title: OK\nroles: {}\nsteps:\n  - { id: a, type: start, label: A, next: b }\n  - { id: b, type: end, label: B }\n",
				"content/pages/guide.mdx": page,
				// A Markdown page: Astro's content sync renders it, and would report its broken fence again on its own (at
				// the body's line, not the file's) if the build went on past the check, or drew fences beside the sync.
				"content/pages/other.md": `---\ntitle: Another guide\n---\n\n\`\`\`mermaid\nflowchart LR\n  x --> y\n\`\`\`\n\n\`\`\`mermaid\nflowchart LR\n  p --> q -->\n\`\`\`\n`,
			});
			dirs.push(dir);
			const { status, stdout, stderr } = astroBuild(dir);
			expect(status).toBe(1);
			const output = `${stdout}\n${stderr}`;
			// The fence opens on line 7; Mermaid reports the end of the broken diagram (line 9).
			expect(output).toMatch(/content\/pages\/guide\.mdx:9:1 error: mermaid: Parse error on line \d+/);
			expect(output).toMatch(/content\/pages\/other\.md:12:1 error: mermaid: Parse error on line \d+/);
			// Each once, where the check located it: not also from the content sync, on its own, at the body's line.
			expect(output.match(/content\/pages\/\S+ error: /g)).toEqual([
				"content/pages/guide.mdx:9:1 error: ",
				"content/pages/other.md:12:1 error: ",
			]);
			expect(stderr).toContain(", 2 broken diagram(s)");
			expect(stderr).toContain("the build stopped because the content has errors");
			expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
			const written = await readdir(join(dir, "dist"), { recursive: true }).catch(() => []);
			expect(written.filter((file) => file.endsWith(".html"))).toEqual([]);
		},
		BUILD_TIMEOUT + 60_000,
	);

	it(
		"stops on MDX it could not compile or render with the same located lines as `validate`, before bundling",
		async () => {
			const dir = await fixtureProject({
				"content/flowcharts/ok.yaml":
					"title: OK\nroles: {}\nsteps:\n  - { id: a, type: start, label: A, next: b }\n  - { id: b, type: end, label: B }\n",
				// MDX 3 has no HTML comments; `{url}` compiles but is not defined when the page renders (`@mdx-js/mdx`
				// accepted it, and the build then failed with a stack trace).
				"content/pages/comment.mdx": "---\ntitle: Comment\n---\n\n<!-- check with legal -->\n",
				"content/pages/link.mdx": "---\ntitle: Link\n---\n\nSee <a href={url}>the price list</a>.\n",
			});
			dirs.push(dir);
			const { status, stderr } = astroBuild(dir);
			expect(status).toBe(1);
			const located = /^content\/pages\/\S+ error: .*$/gm;
			expect(stderr.match(located)).toEqual([
				expect.stringMatching(/^content\/pages\/comment\.mdx:5:1 error: MDX: Unexpected character `!`/),
				"content/pages/link.mdx:5:5 error: MDX: `{url}` is read as code, and these pages define no values to show",
			]);
			expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
			const validate = spawnSync(process.execPath, [join(ROOT, "src/cli/validate.ts"), "--root", dir], {
				encoding: "utf8",
			});
			expect(validate.status).toBe(1);
			expect(validate.stdout.match(located)).toEqual(stderr.match(located));
		},
		BUILD_TIMEOUT + 60_000,
	);
});

describe("a build without Chromium", () => {
	const session = useSite();
	const dirs: string[] = [];
	afterAll(async () => {
		for (const dir of dirs) await rm(dir, { recursive: true, force: true });
	});

	it(
		"still succeeds, says so once, and leaves the diagrams to the reader's browser with Mermaid copied into the site",
		async () => {
			const dir = await fixtureProject({
				"content/flowcharts/ok.yaml":
					"title: OK\nroles: {}\nsteps:\n  - { id: a, type: start, label: Start here, next: b }\n  - { id: b, type: end, label: Done }\n",
				"content/pages/guide.mdx": "---\ntitle: A guide\n---\n\n```mermaid\nflowchart LR\n  x --> y\n```\n",
			});
			dirs.push(dir);
			// Fresh cache dir (the copy has none), so nothing comes from earlier renders.
			const { status, stdout, stderr } = astroBuild(dir, { CHROME_PATH: "none", FLOWBOOK_BASE: "/sales/" });
			expect(status).toBe(0);
			const output = `${stdout}\n${stderr}`;
			expect(output.match(/no Chromium found/g)).toHaveLength(1);
			expect(output).toContain("diagrams will render in the reader's browser");
			const page = await readFile(join(dir, "dist/flowcharts/ok/index.html"), "utf8");
			// The layout travels in the source's front matter, so the reader's Mermaid draws the same picture.
			expect(page).toMatch(/<pre class="mermaid"[^>]*>---\nconfig:\n[\s\S]*?\n---\nflowchart LR/);
			expect(page).not.toMatch(/<svg[^>]+aria-roledescription="flowchart"/);
			// Mermaid from the site itself, under its base path: never a CDN.
			expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*mermaid/);
			// Under the base path although this process has BASE_URL=/ in its environment (vitest sets it, as some CI
			// systems do), which Astro would otherwise let override the configured base in every link.
			expect(process.env.BASE_URL).toBe("/");
			expect(page).toContain('"/sales/_flowbook/mermaid.min.js"');
			expect(page).toContain('href="/sales/flowcharts/ok/"');
			expect((await stat(join(dir, "dist/_flowbook/mermaid.min.js"))).size).toBeGreaterThan(1_000_000);
			const guide = await readFile(join(dir, "dist/pages/guide/index.html"), "utf8");
			expect(guide).toContain('<pre class="mermaid">');

			// In a real browser that Mermaid draws it, with no request leaving 127.0.0.1.
			const site = await serveSite(join(dir, "dist"));
			try {
				const { page, foreign, consoleErrors } = await watchedPage(session.browser);
				await page.goto(`${site.url}flowcharts/ok/`);
				// Mermaid inserts the SVG and then lays out its labels.
				await page.waitForFunction(() =>
					document.querySelector("pre.mermaid svg")?.textContent?.includes("Start here"),
				);
				expect(foreign).toEqual([]);
				// Chromium sometimes also asks the server root for a favicon; the page's own icon link is under the base.
				expect(consoleErrors.filter((e) => !/:\d+\/favicon\.(svg|ico)\)$/.test(e))).toEqual([]);
			} finally {
				await site.close();
			}
		},
		BUILD_TIMEOUT + 60_000,
	);
});
