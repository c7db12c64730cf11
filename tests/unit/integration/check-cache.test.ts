/**
 * The build's check before Astro (src/integration/flowbook.ts) with its result cache (src/lib/cache/check-result.ts):
 * a second build of unchanged content prints the stored output instead of checking again, and any change, or a
 * failing check, checks again. The content has no flowcharts or fences, so no diagram is drawn; the browser a build
 * starts during its check is a fake that draws nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flowbook } from "../../../src/integration/flowbook.ts";
import { CHECK_RESULT_FILE } from "../../../src/lib/cache/check-result.ts";
import { defineFlowbookConfig, type FlowbookConfig } from "../../../src/lib/config.ts";
import { closeSharedRenderer, getSharedRenderer } from "../../../src/lib/render/shared.ts";

let root: string;
const config = defineFlowbookConfig({ today: "2026-11-27", pdf: false }, {});
const overdue =
	"---\ntitle: Pricing\nowner: ops\nreview:\n  every: 3 months\n  log:\n    - date: 2026-01-05\n      by: Sales operations\n      summary: First version.\n---\n\nText.\n";

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-check-cache-"));
	mkdirSync(join(root, "content/pages"), { recursive: true });
	mkdirSync(join(root, "content/flowcharts"));
	writeFileSync(join(root, "content/pages/pricing.mdx"), overdue);
	writeFileSync(join(root, "content/pages/tips.mdx"), "---\ntitle: Tips\n---\n\nText.\n");
	getSharedRenderer({}, () => ({ render: async () => [], prepare: () => {}, close: async () => {} }));
});
afterEach(async () => {
	await closeSharedRenderer();
	vi.restoreAllMocks();
	rmSync(root, { recursive: true, force: true });
});

/** Runs the hook as `astro build` would; returns what it wrote to stderr and the exit code it asked for, if any. */
async function build(settings: FlowbookConfig = config): Promise<{ stderr: string; exit?: number }> {
	let stderr = "";
	vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
		stderr += String(chunk);
		return true;
	});
	const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
		throw new ExitCalled(Number(code));
	});
	const hook = flowbook(settings, root).hooks["astro:config:setup"] as (options: unknown) => Promise<void>;
	try {
		await hook({ command: "build", addWatchFile: () => {} });
		return { stderr };
	} catch (error) {
		if (error instanceof ExitCalled) return { stderr, exit: error.code };
		throw error;
	} finally {
		vi.mocked(process.stderr.write).mockRestore();
		exit.mockRestore();
	}
}

class ExitCalled extends Error {
	readonly code: number;
	constructor(code: number) {
		super(`exit ${code}`);
		this.code = code;
	}
}

/** Replaces the stored output, keeping its key: a build that prints this did not check again. */
function markStoredOutput(): void {
	const file = join(root, CHECK_RESULT_FILE);
	const record = JSON.parse(readFileSync(file, "utf8"));
	writeFileSync(file, JSON.stringify({ ...record, output: "STORED\n" }));
}

describe("the build's check with its result cache", () => {
	it("prints the same diagnostics and summary again, from the record, when nothing changed", async () => {
		const first = await build();
		expect(first.exit, first.stderr).toBeUndefined();
		expect(first.stderr).toContain("content/pages/pricing.mdx:4:1 warning: The review of page");
		expect(first.stderr).toMatch(/flowbook: 0 errors, 2 warnings in 0 valid flowcharts\n$/);
		expect(await build()).toEqual(first);
		markStoredOutput();
		expect((await build()).stderr).toBe("STORED\n");
	});

	it("checks again after any change to a content file, or to a setting", async () => {
		await build();
		markStoredOutput();
		writeFileSync(join(root, "content/pages/tips.mdx"), "---\ntitle: Tips!\n---\n\nText.\n");
		const edited = await build();
		expect(edited.stderr).toContain("warning: The review of page");
		markStoredOutput();
		const strict = await build({ ...config, strict: true });
		expect(strict.stderr).toContain("pricing.mdx:4:1 error: The review of page");
		expect(strict.exit).toBe(1);
	});

	it("never stores a failing check: the same errors and exit code every time", async () => {
		writeFileSync(join(root, "content/pages/broken.mdx"), "---\ntitle: [unclosed\n---\n\nText.\n");
		const first = await build();
		expect(first.exit).toBe(1);
		expect(first.stderr).toMatch(/content\/pages\/broken\.mdx:\d+:\d+ error:/);
		expect(first.stderr).toContain("flowbook: the build stopped because the content has errors");
		expect(await build()).toEqual(first);
		expect(() => readFileSync(join(root, CHECK_RESULT_FILE))).toThrow();
	});

	it("checks as before when the record is corrupt", async () => {
		const first = await build();
		writeFileSync(join(root, CHECK_RESULT_FILE), "{corrupt");
		expect(await build()).toEqual(first);
		expect(JSON.parse(readFileSync(join(root, CHECK_RESULT_FILE), "utf8")).output).toBe(first.stderr);
	});
});
