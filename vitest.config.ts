import { defineConfig } from "vitest/config";

/**
 * Positional arguments after `run` are file filters (`npm run test:unit -- tests/unit/load`). Such a run covers part of
 * src/lib only, so coverage (and its floor) is for the full run that `npm test` makes. An option's value given apart
 * (`--reporter dot`) looks like a filter too: that run skips coverage, it never fails on it.
 */
const cliArgs = process.argv.slice(process.argv.indexOf("run") + 1);
const fullRun = process.argv.includes("run") && !cliArgs.some((arg) => !arg.startsWith("-"));

export default defineConfig({
	test: {
		include: ["tests/unit/**/*.test.ts"],
		// Generous for a loaded 2-core machine (some tests start Chromium); no test asserts a duration.
		testTimeout: 60_000,
		hookTimeout: 120_000,
		coverage: {
			enabled: fullRun,
			provider: "v8",
			include: ["src/lib/**"],
			reporter: ["text-summary", "html"],
			reportsDirectory: ".cache/coverage",
			// The floor: 30 Nov 2026 coverage (lines 94.8%, functions 93.3%, branches 82.4%) rounded down, less 2 points.
			// Raise it as coverage grows; see CONTRIBUTING.md.
			thresholds: { lines: 92, functions: 91, branches: 80 },
		},
	},
});
