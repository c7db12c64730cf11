/**
 * Layout on a phone (390×844) and a laptop (1366×768), on every page of the built site: the page never
 * scrolls sideways, an anchor jump puts its heading below the sticky header, and the chrome (phone menu,
 * theme menu, onboarding "mark as read" and "next") works. One browser, a few pages in parallel.
 */
import { readdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";
import { OUT_DIR } from "./support/site.ts";

const viewports = {
	phone: { width: 390, height: 844 },
	laptop: { width: 1366, height: 768 },
} as const;

/** Every HTML page the build wrote, as a path under the base (`flowcharts/b2b/`, `404.html`). */
function builtPages(): string[] {
	return readdirSync(OUT_DIR, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith(".html"))
		.map((file) => file.replaceAll("\\", "/").replace(/(^|\/)index\.html$/, "$1"))
		.sort();
}

/** Runs `check` on every path with `workers` pages of one context at a time; returns what the checks report. */
async function eachPage(
	browser: Browser,
	viewport: { width: number; height: number },
	paths: string[],
	check: (page: Page, path: string) => Promise<string[]>,
	workers = 3,
): Promise<string[]> {
	const context = await browser.newContext({ viewport });
	context.setDefaultTimeout(15_000);
	context.setDefaultNavigationTimeout(45_000);
	const queue = [...paths];
	const problems: string[] = [];
	await Promise.all(
		Array.from({ length: workers }, async () => {
			const page = await context.newPage();
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				problems.push(...(await check(page, path)));
			}
		}),
	);
	await context.close();
	return problems;
}

/** In the page: jumps to each outline target and reports those whose top ends up under the header. */
function hiddenAfterJump(): Promise<string[]> {
	const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
	return (async () => {
		const header = document.querySelector(".site-header")?.getBoundingClientRect();
		const ids = [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#'], .toc-inline a[href^='#']")]
			.map((a) => decodeURIComponent(a.hash.slice(1)))
			.filter((id, i, all) => all.indexOf(id) === i);
		const hidden: string[] = [];
		for (const id of ids) {
			const target = document.getElementById(id);
			if (!target || !header) continue;
			location.hash = `#${id}`;
			await frame();
			const top = target.getBoundingClientRect().top;
			// At the end of a page there is nothing left to scroll; the target then sits lower, never higher.
			if (top < header.bottom - 1) hidden.push(`#${id} top ${Math.round(top)} < header ${Math.round(header.bottom)}`);
		}
		return hidden;
	})();
}

describe("layout on phones and laptops", () => {
	const session = useSite();
	const pages = builtPages();

	it("finds every page of the built site", () => {
		expect(pages).toEqual(
			expect.arrayContaining(["", "id/", "flowcharts/b2b/", "reviews/", "onboarding/", "404.html"]),
		);
		expect(pages.length).toBeGreaterThan(40);
	});

	for (const [name, viewport] of Object.entries(viewports)) {
		it(`never scrolls sideways and keeps anchored headings below the header (${name})`, async () => {
			const problems = await eachPage(session.browser, viewport, pages, async (page, path) => {
				await page.goto(session.site.url + path);
				const found: string[] = [];
				const overflow = await page.evaluate(
					() => (document.scrollingElement?.scrollWidth ?? 0) - document.documentElement.clientWidth,
				);
				if (overflow > 0) found.push(`${name} /${path}: page scrolls ${overflow}px sideways`);
				for (const hidden of await page.evaluate(hiddenAfterJump)) found.push(`${name} /${path}: ${hidden}`);
				return found;
			});
			expect(problems).toEqual([]);
		}, 300_000);
	}

	it("keeps the phone header on one row, with the menu, search, language and theme controls", async () => {
		const context = await session.browser.newContext({ viewport: viewports.phone });
		const page = await context.newPage();
		for (const path of ["", "id/flowcharts/b2b/"]) {
			await page.goto(session.site.url + path);
			const rows = await page.evaluate(() => {
				const header = document.querySelector(".site-header") as HTMLElement;
				const controls = [
					"[data-menu-toggle]",
					".site-title",
					"[data-search-open]",
					".lang-switcher",
					"[data-theme-toggle]",
				];
				const tops = controls.map((sel) => {
					const box = header.querySelector(sel)?.getBoundingClientRect();
					return box && box.width > 0 ? Math.round(box.top + box.height / 2) : -1;
				});
				return { height: header.getBoundingClientRect().height, tops };
			});
			expect(
				rows.tops.every((top) => top > 0 && Math.abs(top - (rows.tops[0] ?? 0)) <= 2),
				path,
			).toBe(true);
			expect(rows.height).toBeLessThan(64);
		}
		await context.close();
	});

	it("shows a compact 'On this page' on phones and the outline column on laptops", async () => {
		const context = await session.browser.newContext({ viewport: viewports.phone });
		const page = await context.newPage();
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const inline = page.locator("[data-toc-inline]");
		await expect(inline.isVisible()).resolves.toBe(true);
		await expect(page.locator("aside.toc nav").isVisible()).resolves.toBe(false);
		await inline.locator("summary").click();
		await inline.getByRole("link", { name: "Negotiation" }).click();
		await expect(page.evaluate(() => location.hash)).resolves.toBe("#step-negotiation");
		await expect(inline.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
		await page.setViewportSize(viewports.laptop);
		await expect(inline.isVisible()).resolves.toBe(false);
		await expect(page.locator("aside.toc nav").isVisible()).resolves.toBe(true);
		await context.close();
	});

	it("closes the phone menu with Esc and gives focus back to the menu button", async () => {
		const context = await session.browser.newContext({ viewport: viewports.phone });
		const page = await context.newPage();
		await page.goto(`${session.site.url}faq/`);
		const toggle = page.locator("[data-menu-toggle]");
		await toggle.click();
		await expect(page.locator("#sidebar").isVisible()).resolves.toBe(true);
		await page.locator("#sidebar a").first().focus();
		await page.keyboard.press("Escape");
		await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
		await expect(page.locator("#sidebar").isVisible()).resolves.toBe(false);
		await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await context.close();
	});

	it("offers Auto, Light and Dark, remembers the choice, and Auto follows the device", async () => {
		const context = await session.browser.newContext({ viewport: viewports.laptop, colorScheme: "dark" });
		const page = await context.newPage();
		// What the reader sees: the page background is dark or light.
		const scheme = () =>
			page.evaluate(() => {
				const [r = 0, g = 0, b = 0] = (
					getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []
				).map(Number);
				return r + g + b < 384 ? "dark" : "light";
			});
		await page.goto(`${session.site.url}id/roles/`);
		const button = page.locator("[data-theme-toggle]");
		await button.click();
		const radios = page.getByRole("radio");
		await expect(radios.count()).resolves.toBe(3);
		await expect(page.getByRole("radio", { name: /Otomatis/ }).isChecked()).resolves.toBe(true);
		await expect(scheme()).resolves.toBe("dark");
		await page.getByRole("radio", { name: "Terang" }).check();
		await expect(scheme()).resolves.toBe("light");
		// Esc closes the menu and returns focus to its button.
		await page.keyboard.press("Escape");
		await expect(page.locator("#theme-choices").isVisible()).resolves.toBe(false);
		await expect(button.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("light");
		await expect(scheme()).resolves.toBe("light");
		await button.click();
		await expect(page.getByRole("radio", { name: "Light" }).isChecked()).resolves.toBe(true);
		// Keyboard: arrows move the choice, Enter closes.
		await page.keyboard.press("ArrowDown");
		await expect(page.getByRole("radio", { name: "Dark" }).isChecked()).resolves.toBe(true);
		await page.keyboard.press("Enter");
		await expect(page.locator("#theme-choices").isVisible()).resolves.toBe(false);
		await page.reload();
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
		await button.click();
		await page.getByRole("radio", { name: /Auto/ }).check();
		await expect(page.evaluate(() => localStorage.getItem("flowbook-theme"))).resolves.toBeNull();
		await page.emulateMedia({ colorScheme: "light" });
		await expect(scheme()).resolves.toBe("light");
		await page.emulateMedia({ colorScheme: "dark" });
		await expect(scheme()).resolves.toBe("dark");
		await context.close();
	});

	it("walks the onboarding path: mark as read and next on each page, then what to do after it", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}onboarding/`);
		const listed = await page
			.locator("ol.onboarding-list > li a")
			.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
		expect(listed.length).toBeGreaterThan(3);
		await page.goto(new URL(listed[0] ?? "", session.site.url).href);
		for (const [i, path] of listed.entries()) {
			expect(new URL(page.url()).pathname).toBe(path);
			const step = page.locator("[data-path-step]");
			await expect(step.textContent()).resolves.toContain(`item ${i + 1} of ${listed.length}`);
			await step.getByRole("checkbox", { name: /Mark as read/ }).check();
			const next = page.locator("[data-pager-next]");
			if (i < listed.length - 1) {
				await expect(step.locator("[data-path-finish]").count()).resolves.toBe(0);
				await next.click();
				await page.waitForURL((url) => url.pathname === listed[i + 1]);
			} else {
				await expect(next.count()).resolves.toBe(0);
				await expect(step.locator("[data-path-finish]").isVisible()).resolves.toBe(true);
				await expect(step.getByRole("link", { name: "FAQ" }).getAttribute("href")).resolves.toBe("/sales/faq/");
			}
		}
		// The marks made along the way show on the list, which then says what comes after the path.
		await page.goto(`${session.site.url}onboarding/`);
		await expect(page.locator("[data-onboarding-progress]").textContent()).resolves.toContain(
			`${listed.length} of ${listed.length} read`,
		);
		await expect(page.locator("[data-onboarding] [data-path-finish]").isVisible()).resolves.toBe(true);
		await page.locator("ol.onboarding-list input[type=checkbox]").first().uncheck();
		await expect(page.locator("[data-onboarding] [data-path-finish]").isVisible()).resolves.toBe(false);
		await page.goto(new URL(listed[0] ?? "", session.site.url).href);
		await expect(page.locator("[data-path-step]").getByRole("checkbox").isChecked()).resolves.toBe(false);
	});

	it("draws interface icons as inline SVG, not emoji", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const chrome = await page
			.locator(".site-header, .page-actions, .step-actions, .pager, [data-path-step]")
			.evaluateAll((els) => els.map((el) => el.textContent ?? "").join(" "));
		expect(chrome).not.toMatch(/\p{Extended_Pictographic}/u);
		await expect(page.locator("[data-suggest-link] svg[aria-hidden='true']").count()).resolves.toBe(1);
	});
});
