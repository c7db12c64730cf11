/**
 * Shared browser-test API. global-setup.ts builds the site once (under /sales/), serves it on
 * 127.0.0.1 and starts ONE Chromium for the whole run; every test file connects to both.
 *
 *   import { describe, expect, it } from "vitest";
 *   import { useSite, watchedPage } from "./support/browser.ts";
 *
 *   describe("the thing", () => {
 *     const session = useSite(); // connects in beforeAll, disconnects in afterAll
 *     it("does it", async () => {
 *       const { page, foreign, consoleErrors } = await watchedPage(session.browser, { viewport: { width: 390, height: 844 } });
 *       await page.goto(`${session.site.url}flowcharts/b2b/`); // site.url ends with the base path: …/sales/
 *       await page.locator("figure.diagram svg").waitFor();
 *       expect(foreign).toEqual([]);
 *     });
 *   });
 *
 * - `session.browser`: connected to the shared Chromium. Open pages with `watchedPage(browser, contextOptions?)`
 *   (or `browser.newContext()`); every context opened during a test is closed after that test, so a test never
 *   sees another's cookies, storage or theme. Contexts opened in `beforeAll` stay until the file ends.
 * - `session.site.url` / `session.site.dir`: the served site and the build folder it serves (.cache/e2e-site).
 * - A file with its own build (fixture-project.ts) serves it with `serveSite(dir)` from site.ts and still uses
 *   `session.browser`; never launch a second Chromium.
 * - Waits take a condition (`locator.waitFor()`, `page.waitForURL()`, `page.waitForFunction()`), never a sleep,
 *   and no test asserts a duration (timings belong in `npm run bench`). Actions wait up to 30 s and navigations
 *   60 s, then fail with Playwright's message naming what was awaited; a test gets 120 s (vitest.e2e.config.ts).
 * - Run one file: `npm run test:e2e -- tests/e2e/<file>.test.ts`; add `FLOWBOOK_E2E_SKIP_BUILD=1` to reuse the
 *   last build in .cache/e2e-site when only tests changed.
 */
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import "./provided.ts";

export { launchBrowser } from "./chromium.ts";

/** Longest wait for one action or condition, and for one page load, on a loaded 2-core machine. */
export const ACTION_TIMEOUT = 30_000;
export const NAVIGATION_TIMEOUT = 60_000;

export interface Watched {
	page: Page;
	/** Requests to any host other than 127.0.0.1 (each one blocked). */
	foreign: string[];
	consoleErrors: string[];
}

/** A page in a fresh context that records console errors and every request leaving 127.0.0.1 (and blocks it). */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
	const context = await browser.newContext(options);
	context.setDefaultTimeout(ACTION_TIMEOUT);
	context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
	const page = await context.newPage();
	const foreign: string[] = [];
	const consoleErrors: string[] = [];
	await context.route("**/*", (route) => {
		const url = new URL(route.request().url());
		if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") return route.continue();
		foreign.push(url.toString());
		return route.abort();
	});
	page.on("console", (msg) => {
		if (msg.type() === "error") consoleErrors.push(`${msg.text()} (${msg.location().url})`);
	});
	page.on("pageerror", (error) => consoleErrors.push(error.message));
	return { page, foreign, consoleErrors };
}

export interface SiteSession {
	browser: Browser;
	site: { url: string; dir: string };
}

/** The shared Chromium and site for one test file; read the fields inside tests or hooks, once `beforeAll` ran. */
export function useSite(): SiteSession {
	const session = {} as SiteSession;
	let before = new Set<BrowserContext>();
	beforeAll(async () => {
		const endpoint = inject("flowbookBrowserEndpoint");
		if (!endpoint)
			throw new Error("No shared Chromium: run browser tests with `npm run test:e2e` (vitest.e2e.config.ts).");
		session.site = { url: inject("flowbookSiteUrl"), dir: inject("flowbookSiteDir") };
		session.browser = await chromium.connect(endpoint, { timeout: NAVIGATION_TIMEOUT });
	});
	beforeEach(() => {
		before = new Set(session.browser.contexts());
	});
	afterEach(async () => {
		await Promise.all(
			session.browser
				.contexts()
				.filter((c) => !before.has(c))
				.map((c) => c.close()),
		);
	});
	afterAll(async () => {
		// On a connected browser this closes this file's contexts and disconnects; Chromium keeps running.
		await session.browser?.close();
	});
	return session;
}
