/**
 * The Chromium the build renders with also drives the browser tests. No browser is ever
 * downloaded; without one these tests fail and say how to fix it.
 */
import { type Browser, type BrowserServer, chromium, type LaunchOptions } from "playwright-core";
import { CHROMIUM_ARGS, searchBrowser } from "../../../src/lib/render/find-browser.ts";

async function launchOptions(): Promise<LaunchOptions> {
	const search = await searchBrowser();
	if (!search.found) {
		throw new Error(
			`No Chromium for the browser tests (tried: ${search.tried.join(", ")}). Install one (Debian: apt-get install chromium) or set CHROME_PATH.`,
		);
	}
	// A loaded 2-core machine can take a while to start Chromium; the default 3 min is plenty, say so if not.
	return { executablePath: search.found.path, args: [...CHROMIUM_ARGS], headless: true, timeout: 180_000 };
}

/** A Chromium for this process only (closed by whoever launched it). */
export async function launchBrowser(): Promise<Browser> {
	return chromium.launch(await launchOptions());
}

/** A Chromium that test files in other processes `connect` to (see global-setup.ts). */
export async function launchBrowserServer(): Promise<BrowserServer> {
	return chromium.launchServer(await launchOptions());
}
