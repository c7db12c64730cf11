import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";

async function search(page: Page, term: string): Promise<string[]> {
	await page.keyboard.press("/");
	const input = page.locator("[data-search-input]");
	await input.waitFor({ state: "visible" });
	await input.fill(term);
	await page.locator("[data-search-results] li").first().waitFor();
	return page.locator("[data-search-results] a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

describe("search (Pagefind, served from the site itself)", () => {
	const session = useSite();

	it("finds a step by name and opens its section, without leaving 127.0.0.1", async () => {
		const { page, foreign, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}pages/overview/`);
		const hrefs = await search(page, "Negotiation");
		expect(hrefs).toContain("/sales/flowcharts/b2b/#step-negotiation");
		await page.locator('[data-search-results] a[href="/sales/flowcharts/b2b/#step-negotiation"]').click();
		await page.waitForURL(/\/sales\/flowcharts\/b2b\/#step-negotiation$/);
		await expect(page.locator("#step-negotiation").isVisible()).resolves.toBe(true);
		expect(foreign).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it("narrows results by kind", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}`);
		const all = await search(page, "qualified");
		expect(all.some((h) => h.includes("/faq/#q-"))).toBe(true);
		await page.locator('input[name="kind"][value="faq"]').check();
		await page.waitForFunction(() =>
			[...document.querySelectorAll("[data-search-results] a")].every((a) =>
				a.getAttribute("href")?.includes("/faq/#q-"),
			),
		);
		const faqOnly = await page.locator("[data-search-results] a").count();
		expect(faqOnly).toBeGreaterThan(0);
		await page.locator('input[name="kind"][value="step"]').check();
		await page.waitForFunction(() =>
			[...document.querySelectorAll("[data-search-results] a")].every((a) =>
				a.getAttribute("href")?.includes("#step-"),
			),
		);
	});

	it("narrows results to one flowchart", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}`);
		const all = await search(page, "discount");
		expect(all.some((h) => h.includes("/flowcharts/b2b/"))).toBe(true);
		await page.locator("[data-search-flowchart]").selectOption({ label: "Renewal and expansion" });
		await page.waitForFunction(() => {
			const links = [...document.querySelectorAll("[data-search-results] a")];
			return links.length > 0 && links.every((a) => !a.getAttribute("href")?.includes("/flowcharts/b2b/"));
		});
		const hrefs = await page
			.locator("[data-search-results] a")
			.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
		expect(hrefs.some((h) => h?.includes("/flowcharts/renewal/"))).toBe(true);
	});

	it("searches in Indonesian on /id/ and opens Indonesian pages", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/`);
		const hrefs = await search(page, "Negosiasi");
		expect(hrefs).toContain("/sales/id/flowcharts/b2b/#step-negotiation");
		expect(hrefs.every((h) => h.startsWith("/sales/id/"))).toBe(true);
	});

	it("loads no search code until the search is opened", async () => {
		const { page } = await watchedPage(session.browser);
		const requested: string[] = [];
		page.on("request", (r) => requested.push(r.url()));
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await page.waitForLoadState("networkidle");
		expect(requested.filter((u) => u.includes("/pagefind/"))).toEqual([]);
		await search(page, "prospect");
		expect(requested.some((u) => u.includes("/pagefind/pagefind.js"))).toBe(true);
	});
});
