/**
 * The live preview an editor relies on: `astro dev` on a copy of a small project, a flowchart broken and fixed
 * on disk, and the open page following by itself (no reload from the test).
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./support/browser.ts";
import { type DevServer, startDevServer } from "./support/dev-server.ts";
import { fixtureProject } from "./support/fixture-project.ts";

const valid = (title: string, wonLabel = "Won") => `title: ${title}
roles:
  ae: Account executive
steps:
  - id: lead
    type: start
    label: Lead
    next: prospecting
  - id: prospecting
    label: Prospecting
    responsible: ae
    next: won
  - id: won
    type: end
    label: ${wonLabel}
`;

/** Generous: the dev server re-renders after each save on a loaded 2-core machine. */
const UPDATE_MS = 120_000;
const poll = { timeout: UPDATE_MS, interval: 500 };
const TEST_MS = 3 * UPDATE_MS;

/** Text of the first match, or "" while the page is (re)loading. */
async function text(locator: Locator): Promise<string> {
	return (
		(await locator
			.first()
			.textContent({ timeout: 2_000 })
			.catch(() => "")) ?? ""
	)
		.replace(/\s+/g, " ")
		.trim();
}

describe("npm run dev: a broken flowchart shows located problems on its page and comes back when fixed", () => {
	let dir = "";
	let dev: DevServer;
	let browser: Browser;
	let page: Page;
	const file = () => join(dir, "content/flowcharts/deal.yaml");
	/** Vite's live-reload client is connected in the current page: a save before that would reload nothing. */
	let live = false;
	async function save(path: string, text: string): Promise<void> {
		const deadline = Date.now() + UPDATE_MS;
		while (!live && Date.now() < deadline) await page.waitForTimeout(200);
		await writeFile(path, text);
	}

	beforeAll(async () => {
		dir = await fixtureProject({ "content/flowcharts/deal.yaml": valid("Deal process") });
		dev = await startDevServer(dir);
		browser = await launchBrowser();
		({ page } = await watchedPage(browser));
		page.on("framenavigated", (frame) => {
			if (frame === page.mainFrame()) live = false;
		});
		page.on("console", (message) => {
			if (message.text().includes("[vite] connected")) live = true;
		});
		page.setDefaultTimeout(10_000);
		await page.goto(`${dev.url}flowcharts/deal/`, { timeout: 300_000 });
		// The first visit may make Vite optimise dependencies and reload the page once.
		const deadline = Date.now() + 300_000;
		while ((await text(page.locator("h1"))) !== "Deal process" && Date.now() < deadline) await page.waitForTimeout(500);
		if ((await text(page.locator("h1"))) !== "Deal process") throw new Error(`the page never showed:\n${dev.output()}`);
	}, 600_000);

	afterAll(async () => {
		await browser?.close();
		await dev?.stop();
		if (dir) await rm(dir, { recursive: true, force: true });
	}, TEST_MS);

	it(
		"a typo in a next: target: the page stays, with the located message and hint, and the terminal says the same",
		async () => {
			await save(file(), valid("Deal process").replace("next: won", "next: wonn"));
			const panel = page.locator("[data-content-problems]");
			await expect
				.poll(() => text(panel.locator('li[data-severity="error"] code')), poll)
				.toBe("content/flowcharts/deal.yaml:12:11");
			expect(await text(panel)).toContain('step "prospecting": next → unknown step "wonn" (did you mean "won"?)');
			expect(await text(panel.locator(".hint"))).toContain("Defined steps: lead, prospecting, won");
			// The last valid version stays below the panel, in the sidebar too.
			expect(await text(page.locator("h1"))).toBe("Deal process");
			expect(await page.locator('#sidebar a[href$="/flowcharts/deal/"]').count()).toBe(1);
			await expect
				.poll(dev.output, { timeout: UPDATE_MS })
				.toContain(
					'content/flowcharts/deal.yaml:12:11 error: step "prospecting": next → unknown step "wonn" (did you mean "won"?)',
				);
			expect(dev.output()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
		},
		TEST_MS,
	);

	it(
		"the panel is accessible in both themes and translated on the Indonesian page",
		async () => {
			for (const colorScheme of ["light", "dark"] as const) {
				await page.emulateMedia({ colorScheme });
				const result = await new AxeBuilder({ page }).include("[data-content-problems]").analyze();
				expect(result.violations.map((v) => `${colorScheme}: ${v.id} ${v.help}`)).toEqual([]);
			}
			await page.emulateMedia({ colorScheme: "light" });
			const id = await browser.newPage();
			try {
				await id.goto(`${dev.url}id/flowcharts/deal/`, { timeout: UPDATE_MS });
				const panel = id.locator("[data-content-problems]");
				expect(await text(panel.locator("h2"))).toBe("Masalah di content/flowcharts/deal.yaml");
				expect(await panel.locator("p.message").getAttribute("lang")).toBe("en");
			} finally {
				await id.close();
			}
		},
		TEST_MS,
	);

	it(
		"content text in a message is shown as text, never as markup",
		async () => {
			await save(file(), valid("Deal process").replace("responsible: ae", 'responsible: "<b>ae</b>"'));
			const panel = page.locator("[data-content-problems]");
			await expect.poll(() => text(panel), poll).toContain('`responsible` "<b>ae</b>" is not a valid id');
			expect(await panel.locator("b").count()).toBe(0);
		},
		TEST_MS,
	);

	it(
		"fixed: the panel goes and the new version shows, diagram included, without a manual reload",
		async () => {
			await save(file(), valid("Deal process, revised", "Deal won"));
			await expect.poll(() => text(page.locator("h1")), poll).toBe("Deal process, revised");
			expect(await page.locator("[data-content-problems]").count()).toBe(0);
			expect(await page.locator("svg").filter({ hasText: "Deal won" }).count()).toBeGreaterThan(0);
		},
		TEST_MS,
	);

	it(
		"a new flowchart that never loaded: its address shows its problems, and its page appears once fixed",
		async () => {
			const fresh = join(dir, "content/flowcharts/fresh.yaml");
			await writeFile(
				fresh,
				"title: Fresh process\nroles:\n  ae: Account executive\nsteps:\n  - id: lead\n    type: start\n    label: 'Lead\n",
			);
			await expect
				.poll(
					async () => {
						const response = await page.goto(`${dev.url}flowcharts/fresh/`, { timeout: UPDATE_MS });
						return { status: response?.status(), panel: await page.locator("[data-content-problems]").count() };
					},
					{ timeout: UPDATE_MS, interval: 2_000 },
				)
				.toEqual({ status: 404, panel: 1 });
			expect(await text(page.locator("[data-content-problems] h2"))).toBe("Problems in content/flowcharts/fresh.yaml");
			expect(await text(page.locator("[data-content-problems] code"))).toMatch(
				/^content\/flowcharts\/fresh\.yaml:\d+:\d+$/,
			);
			await save(fresh, valid("Fresh process"));
			await expect.poll(() => text(page.locator("h1")), poll).toBe("Fresh process");
		},
		TEST_MS,
	);

	it(
		"a save made while the page is still loading (live reload not yet connected) shows once it connects, with another tab open",
		async () => {
			// Vite keeps a missed reload for the next browser only while none is connected: an editor's other open tab
			// (here the home page) takes it instead.
			const other = await browser.newPage();
			let otherLive = false;
			other.on("console", (message) => {
				if (message.text().includes("[vite] connected")) otherLive = true;
			});
			await other.goto(dev.url, { timeout: UPDATE_MS });
			await expect.poll(() => otherLive, poll).toBe(true);
			// Hold Vite's client, so the page has its HTML but no live-reload connection while the file changes.
			let release = () => {};
			const held = new Promise<void>((done) => {
				release = done;
			});
			const continued: Promise<void>[] = [];
			await page.route("**/@vite/client", (route) => {
				continued.push(held.then(() => route.continue()));
			});
			try {
				await page.goto(`${dev.url}flowcharts/deal/`, { waitUntil: "commit", timeout: UPDATE_MS });
				await page.locator("h1").waitFor({ timeout: UPDATE_MS });
				const shown = await text(page.locator("h1"));
				expect(shown).toMatch(/^Deal process/);
				await writeFile(file(), valid("Deal process, saved while loading"));
				// The dev server has the new version (and has sent its reload to no one) before the page connects.
				await expect
					.poll(
						async () => (await (await fetch(`${dev.url}flowcharts/deal/`)).text()).includes("saved while loading"),
						poll,
					)
					.toBe(true);
				expect(await text(page.locator("h1"))).toBe(shown);
			} finally {
				release();
				await Promise.all(continued);
				await page.unroute("**/@vite/client");
				await other.close();
			}
			await expect.poll(() => text(page.locator("h1")), poll).toBe("Deal process, saved while loading");
		},
		TEST_MS,
	);
});
