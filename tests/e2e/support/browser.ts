/**
 * The Chromium the build renders with also drives the browser tests. No
 * browser is ever downloaded; without one these tests fail and say how to fix it.
 */
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { CHROMIUM_ARGS, searchBrowser } from "../../../src/lib/render/find-browser.ts";
import { serveSite } from "./site.ts";

export async function launchBrowser(): Promise<Browser> {
	const search = await searchBrowser();
	if (!search.found) {
		throw new Error(
			`No Chromium for the browser tests (tried: ${search.tried.join(", ")}). Install one (Debian: apt-get install chromium) or set CHROME_PATH.`,
		);
	}
	return chromium.launch({ executablePath: search.found.path, args: [...CHROMIUM_ARGS], headless: true });
}

export interface Watched {
	page: Page;
	/** Requests to any host other than 127.0.0.1. */
	foreign: string[];
	consoleErrors: string[];
}

/** A page that records console errors and every request leaving 127.0.0.1 (and blocks it). */
export async function watchedPage(browser: Browser): Promise<Watched> {
	const context = await browser.newContext();
	// Waits fail with Playwright's own message well before the test's 60 s timeout; page loads get longer on 2 cores.
	context.setDefaultTimeout(15_000);
	context.setDefaultNavigationTimeout(45_000);
	const page = await context.newPage();
	const foreign: string[] = [];
	const consoleErrors: string[] = [];
	await page.route("**/*", (route) => {
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
	site: { url: string; close: () => Promise<void> };
}

/**
 * Serves the built site and starts Chromium for one test file (closed after it); read the
 * returned object's fields inside tests, once `beforeAll` has run.
 */
export function useSite(): SiteSession {
	const session = {} as SiteSession;
	beforeAll(async () => {
		session.site = await serveSite();
		session.browser = await launchBrowser();
	});
	afterAll(async () => {
		await session.browser?.close();
		await session.site?.close();
	});
	return session;
}
