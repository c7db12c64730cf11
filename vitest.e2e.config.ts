import { defineConfig } from "vitest/config";

/**
 * Browser tests: global-setup.ts builds the site once under /sales/, serves it and starts one Chromium that
 * every file connects to (tests/e2e/support/browser.ts). Limits are generous for a loaded 2-core machine; the
 * waits inside tests are shorter (30 s per action, 60 s per page load), so a stuck wait fails with
 * Playwright's message naming what it waited for rather than with a bare test timeout.
 */
export default defineConfig({
	test: {
		include: ["tests/e2e/**/*.test.ts"],
		globalSetup: ["tests/e2e/support/global-setup.ts"],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// One file at a time: the files share one Chromium, and the crawl in site.test.ts already keeps both cores busy.
		fileParallelism: false,
	},
});
