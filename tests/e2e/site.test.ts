/**
 * Whole-site checks on the built sample playbook: every internal link and
 * anchor resolves, every page passes axe-core, nothing is requested from any
 * other host, and the chrome (theme, language, keyboard) behaves.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./support/browser.ts";
import { serveSite } from "./support/site.ts";

interface Crawled {
	url: string;
	status: number;
	ids: Set<string>;
	links: string[];
}

describe("the built site under /sales/", () => {
	let browser: Browser;
	let site: Awaited<ReturnType<typeof serveSite>>;
	const pages = new Map<string, Crawled>();
	const foreignRequests: string[] = [];
	const consoleErrors: string[] = [];

	beforeAll(async () => {
		site = await serveSite();
		browser = await launchBrowser();
		// Crawl from the home pages of both languages, following every same-site link.
		const { page, foreign, consoleErrors: errors } = await watchedPage(browser);
		const queue = [site.url, `${site.url}id/`];
		while (queue.length > 0) {
			const url = queue.shift() as string;
			if (pages.has(url)) continue;
			const response = await page.goto(url);
			const status = response?.status() ?? 0;
			const type = response?.headers()["content-type"] ?? "";
			if (!type.includes("text/html")) {
				pages.set(url, { url, status, ids: new Set(), links: [] });
				continue;
			}
			const { ids, links } = await page.evaluate(() => ({
				ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
				// SVG links (the diagram's stages) have no .href string; resolve the attribute.
				links: [...document.querySelectorAll("a[href]")].map(
					(a) => new URL(a.getAttribute("href") ?? "", location.href).href,
				),
			}));
			pages.set(url, { url, status, ids: new Set(ids), links });
			for (const link of links) {
				const target = new URL(link);
				if (target.origin !== new URL(site.url).origin) continue;
				target.hash = "";
				if (!pages.has(target.href) && !queue.includes(target.href)) queue.push(target.href);
			}
		}
		foreignRequests.push(...foreign);
		consoleErrors.push(...errors);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	it("crawls a site with every page type in both languages", () => {
		const paths = [...pages.keys()].map((u) => new URL(u).pathname);
		for (const expected of [
			"/sales/",
			"/sales/id/",
			"/sales/flowcharts/b2b/",
			"/sales/id/flowcharts/b2b/",
			"/sales/pages/overview/",
			"/sales/flowcharts/b2b/diagram.mmd",
		]) {
			expect(paths).toContain(expected);
		}
		expect(paths.length).toBeGreaterThan(20);
	});

	it("has no broken internal link or anchor", () => {
		const broken: string[] = [];
		for (const page of pages.values()) {
			if (page.status !== 200) broken.push(`${page.url} → HTTP ${page.status}`);
			for (const link of page.links) {
				const target = new URL(link);
				if (target.origin !== new URL(site.url).origin || !target.hash) continue;
				const hash = decodeURIComponent(target.hash.slice(1));
				target.hash = "";
				const linked = pages.get(target.href);
				if (linked && linked.ids.size > 0 && !linked.ids.has(hash)) broken.push(`${page.url} → ${link} (no #${hash})`);
			}
		}
		expect(broken).toEqual([]);
	});

	it("makes no request to any host but 127.0.0.1 and logs no console errors", () => {
		expect(foreignRequests).toEqual([]);
		expect(consoleErrors).toEqual([]);
	});

	it("passes axe-core on every page, in light and dark", async () => {
		const violations: string[] = [];
		const htmlPages = [...pages.values()].filter((p) => p.links.length > 0);
		for (const scheme of ["light", "dark"] as const) {
			const context = await browser.newContext({ colorScheme: scheme });
			const page = await context.newPage();
			// Every page in light; one of each kind in dark, where contrast is what changes.
			const list =
				scheme === "light"
					? htmlPages
					: htmlPages.filter((p, i, all) => {
							const kind = new URL(p.url).pathname.split("/").slice(0, 4).join("/");
							return all.findIndex((q) => new URL(q.url).pathname.split("/").slice(0, 4).join("/") === kind) === i;
						});
			for (const { url } of list) {
				await page.goto(url);
				const result = await new AxeBuilder({ page }).analyze();
				for (const v of result.violations) {
					violations.push(
						`${scheme} ${new URL(url).pathname}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`,
					);
				}
			}
			await context.close();
		}
		expect(violations).toEqual([]);
	}, 300_000);

	it("remembers the theme choice across a reload", async () => {
		const { page } = await watchedPage(browser);
		await page.goto(`${site.url}flowcharts/b2b/`);
		await page.locator("[data-theme-toggle]").click();
		await page.locator('[data-theme-choice][value="dark"]').check();
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
		const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		await page.reload();
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
		await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe(
			background,
		);
		await expect(page.locator('[data-theme-choice][value="dark"]').isChecked()).resolves.toBe(true);
	});

	it("switches language and stays on the same page", async () => {
		const { page } = await watchedPage(browser);
		await page.goto(`${site.url}flowcharts/b2b/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
		await page.locator('[data-lang-link="id"]').click();
		await page.waitForURL(`${site.url}id/flowcharts/b2b/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("id");
		await expect(page.locator("h1").textContent()).resolves.not.toBe("B2B new-business sales process");
		await page.locator('[data-lang-link="en"]').click();
		await page.waitForURL(`${site.url}flowcharts/b2b/`);
	});

	it("shows a visible note where a translation falls back to English", async () => {
		const { page } = await watchedPage(browser);
		await page.goto(`${site.url}id/flowcharts/renewal/`);
		await expect(page.locator("[data-untranslated]").isVisible()).resolves.toBe(true);
		await page.goto(`${site.url}id/flowcharts/b2b/`);
		await expect(page.locator("[data-untranslated]").count()).resolves.toBe(0);
	});

	it("lets a keyboard user reach the search, a diagram stage and the theme switch", async () => {
		const { page } = await watchedPage(browser);
		await page.goto(`${site.url}flowcharts/b2b/`);
		const reached = new Set<string>();
		for (let i = 0; i < 120 && reached.size < 3; i++) {
			await page.keyboard.press("Tab");
			const what = await page.evaluate(() => {
				const el = document.activeElement;
				if (el?.matches("[data-search-open]")) return "search";
				if (el?.matches("[data-theme-toggle]")) return "theme";
				if (el?.closest("figure.diagram svg a")) return "stage";
				return "";
			});
			if (what) reached.add(what);
		}
		expect([...reached].sort()).toEqual(["search", "stage", "theme"]);
	});

	it("prints a flowchart as the diagram and the step sections, without navigation chrome", async () => {
		const { page } = await watchedPage(browser);
		await page.goto(`${site.url}flowcharts/b2b/`);
		await page.emulateMedia({ media: "print" });
		for (const chrome of [".site-header", ".sidebar", ".toc", ".page-actions", ".breadcrumbs", ".site-footer"]) {
			await expect(page.locator(chrome).first().isVisible(), chrome).resolves.toBe(false);
		}
		await expect(page.locator("figure.diagram svg").isVisible()).resolves.toBe(true);
		await expect(page.locator("#step-negotiation").isVisible()).resolves.toBe(true);
		const pdf = await page.pdf({ format: "A4" });
		expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
	});

	it("serves the site's 404 page, with search, for unknown addresses", async () => {
		const { page } = await watchedPage(browser);
		const response = await page.goto(`${site.url}flowcharts/negotation/`);
		expect(response?.status()).toBe(404);
		await page.locator("[data-search-404]").click();
		await expect(page.locator("[data-search-input]").inputValue()).resolves.toBe("negotation");
	});
});
