import { defineConfig } from "vitest/config";

/** Browser tests: build the site once under /sales/, then drive it in headless Chromium. */
export default defineConfig({
	test: {
		include: ["tests/e2e/**/*.test.ts"],
		globalSetup: ["tests/e2e/support/global-setup.ts"],
		testTimeout: 60_000,
		hookTimeout: 600_000,
		// One browser-heavy file at a time on a 2-core machine.
		fileParallelism: false,
	},
});
