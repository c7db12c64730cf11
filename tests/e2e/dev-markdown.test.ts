/**
 * A `.md` guide with a broken ```mermaid fence in `astro dev`: the author sees where, at the file's line (after the
 * frontmatter), in the terminal and in the browser's error overlay, and the page comes back by itself once fixed.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./support/browser.ts";
import { type DevServer, startDevServer } from "./support/dev-server.ts";
import { fixtureProject } from "./support/fixture-project.ts";

const UPDATE_MS = 120_000;
const poll = { timeout: UPDATE_MS, interval: 500 };

// The broken line is line 12 of the file, line 8 of the body Astro's content sync used to render on its own.
const broken =
	"---\ntitle: Another guide\n---\n\n```mermaid\nflowchart LR\n  x --> y\n```\n\n```mermaid\nflowchart LR\n  p --> q -->\n```\n";

describe("npm run dev: a broken diagram in a Markdown guide", () => {
	let dir = "";
	let dev: DevServer;
	let browser: Browser;

	beforeAll(async () => {
		dir = await fixtureProject({
			"content/flowcharts/ok.yaml":
				"title: OK\nroles: {}\nsteps:\n  - { id: a, type: start, label: A, next: b }\n  - { id: b, type: end, label: B }\n",
			"content/pages/other.md": broken,
		});
		dev = await startDevServer(dir);
		browser = await launchBrowser();
	}, 600_000);

	afterAll(async () => {
		await browser?.close();
		await dev?.stop();
		if (dir) await rm(dir, { recursive: true, force: true });
	}, UPDATE_MS);

	it(
		"is reported at the file's line in the terminal and the error overlay, and the page shows both diagrams once fixed",
		async () => {
			const file = join(dir, "content/pages/other.md");
			expect((await readFile(file, "utf8")).split("\n")[11]).toBe("  p --> q -->");
			const { page } = await watchedPage(browser);
			let live = false;
			page.on("console", (message) => {
				if (message.text().includes("[vite] connected")) live = true;
			});
			await page.goto(`${dev.url}pages/other/`, { timeout: 300_000 });
			const message = page.locator("vite-error-overlay #message-content");
			await expect
				.poll(() => message.textContent({ timeout: 2_000 }).catch(() => ""), poll)
				.toMatch(/^content\/pages\/other\.md:12:1 error: mermaid: Parse error on line \d+/);
			const output = dev.output();
			expect(output).toMatch(/content\/pages\/other\.md:12:1 error: mermaid: /);
			// Never at the body's line, from the content sync rendering the page on its own.
			expect(output).not.toMatch(/other\.md:[0-9]:1 error/);
			expect(output).not.toContain("Error rendering other.md");

			await expect.poll(() => live, poll).toBe(true);
			await writeFile(file, broken.replace("p --> q -->\n", "p --> q --> r\n"));
			await expect
				.poll(
					() =>
						page
							.locator("figure.diagram svg")
							.count()
							.catch(() => 0),
					poll,
				)
				.toBe(2);
			expect(await page.locator("vite-error-overlay").count()).toBe(0);
		},
		3 * UPDATE_MS,
	);
});
