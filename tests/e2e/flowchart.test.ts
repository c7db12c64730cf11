import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { useSite, watchedPage } from "./support/browser.ts";
import { ROOT } from "./support/site.ts";

const sample = parse(readFileSync(join(ROOT, "content/flowcharts/b2b.yaml"), "utf8")) as {
	steps: { id: string; label: string; type?: string }[];
};

describe("flowchart page (b2b, under /sales/)", () => {
	const session = useSite();

	it("shows the diagram as inline SVG with every step label, without console errors or foreign requests", async () => {
		const { page, foreign, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const svg = page.locator("figure.diagram svg");
		await expect(svg.count()).resolves.toBe(1);
		const text = (await svg.textContent()) ?? "";
		for (const step of sample.steps) expect(text).toContain(step.label);
		// Accessible name and description come from accTitle/accDescr.
		await expect(svg.locator("title").first().textContent()).resolves.toBeTruthy();
		await expect(svg.locator("desc").first().textContent()).resolves.toBeTruthy();
		expect(consoleErrors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	it("jumps to a stage's section when its node is clicked", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await page.locator('figure.diagram svg a[href="#step-negotiation"]').first().click();
		await page.waitForURL(/#step-negotiation$/);
		const heading = page.locator("#step-negotiation");
		await expect(heading.isVisible()).resolves.toBe(true);
		const box = await heading.boundingBox();
		const viewport = page.viewportSize();
		expect(box && viewport && box.y >= 0 && box.y < viewport.height).toBe(true);
	});

	it("reaches a stage link with the keyboard and follows it with Enter", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		let reached = false;
		for (let i = 0; i < 80 && !reached; i++) {
			await page.keyboard.press("Tab");
			reached = await page.evaluate(
				() =>
					document.activeElement?.closest("figure.diagram svg a")?.getAttribute("href")?.startsWith("#step-") === true,
			);
		}
		expect(reached).toBe(true);
		const target = await page.evaluate(() => document.activeElement?.closest("a")?.getAttribute("href"));
		await page.keyboard.press("Enter");
		await page.waitForURL(new RegExp(`${target}$`));
	});

	it("shows each step's responsibilities, criteria and next steps in its section", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const section = page.locator('section[data-step="prospecting"]');
		const text = (await section.textContent()) ?? "";
		expect(text).toMatch(/Responsible/);
		expect(text).toMatch(/Accountable/);
		expect(text).toMatch(/Entry criteria/);
		expect(text).toMatch(/Done when/);
		expect(text).toMatch(/Leads to/);
		// Feedback goes straight from the step to the team's repository, prefilled.
		const suggest = new URL((await section.locator("[data-suggest-step]").getAttribute("href")) ?? "");
		expect(suggest.pathname).toMatch(/\/issues\/new$/);
		expect(suggest.searchParams.get("body")).toContain("/sales/flowcharts/b2b/#step-prospecting");
		expect(suggest.searchParams.get("body")).toContain("content/flowcharts/b2b.yaml");
		// RACI table: a row per stage, a column per role.
		const rows = await page.locator("table.raci tbody tr").count();
		expect(rows).toBeGreaterThanOrEqual(8);
	});
});
