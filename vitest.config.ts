import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["tests/unit/**/*.test.ts"],
		// Generous for a loaded 2-core machine (some tests start Chromium); no test asserts a duration.
		testTimeout: 60_000,
		hookTimeout: 120_000,
	},
});
