/**
 * A build that checks its content starts the shared browser at once, so Chromium and its render pages start while
 * the check runs (src/integration/flowbook.ts). A fake shared renderer records what the hook asks of it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flowbook } from "../../../src/integration/flowbook.ts";
import { defineFlowbookConfig } from "../../../src/lib/config.ts";
import type { MermaidRenderer } from "../../../src/lib/render/renderer.ts";
import { closeSharedRenderer, getSharedRenderer } from "../../../src/lib/render/shared.ts";

let root: string;
const config = defineFlowbookConfig({ today: "2026-11-27", pdf: false }, {});
let events: string[] = [];

/** Makes the fake the process's shared renderer, as the first `getSharedRenderer` call of a build would. */
function installFakeRenderer(): void {
	const fake: MermaidRenderer = {
		render: async (jobs) => jobs.map((job) => ({ id: job.id, svg: "<svg/>" })),
		prepare: () => void events.push("prepare"),
		close: async () => void events.push("close"),
	};
	getSharedRenderer({}, () => fake);
}

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-early-browser-"));
	mkdirSync(join(root, "content/pages"), { recursive: true });
	mkdirSync(join(root, "content/flowcharts"));
	writeFileSync(join(root, "content/pages/tips.mdx"), "---\ntitle: Tips\n---\n\nText.\n");
	events = [];
	installFakeRenderer();
});
afterEach(async () => {
	vi.restoreAllMocks();
	await closeSharedRenderer();
	rmSync(root, { recursive: true, force: true });
});

/** Runs the hook as `astro build` would; what it printed on stderr, and the exit code it asked for. */
async function build(): Promise<{ stderr: string; exit?: number }> {
	let stderr = "";
	vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
		stderr += String(chunk);
		events.push("stderr");
		return true;
	});
	vi.spyOn(process, "exit").mockImplementation((code) => {
		events.push(`exit ${code}`);
		throw new Error("exit called");
	});
	const hook = flowbook(config, root).hooks["astro:config:setup"] as (options: unknown) => Promise<void>;
	try {
		await hook({ command: "build", addWatchFile: () => {} });
		return { stderr };
	} catch {
		return { stderr, exit: 1 };
	} finally {
		vi.restoreAllMocks();
	}
}

describe("the browser during a build's content check", () => {
	it("is started before the check prints anything, and closed before the bundling", async () => {
		const result = await build();
		expect(result.exit, result.stderr).toBeUndefined();
		expect(events[0]).toBe("prepare");
		expect(events).toContain("close");
	});

	it("is closed before a build with content errors exits 1, after every message and without a stack trace", async () => {
		writeFileSync(join(root, "content/pages/broken.mdx"), "---\ntitle: [unclosed\n---\n\nText.\n");
		const result = await build();
		expect(result.exit).toBe(1);
		expect(result.stderr).toMatch(/content\/pages\/broken\.mdx:\d+:\d+ error:/);
		expect(result.stderr).toContain("flowbook: the build stopped because the content has errors");
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(events.slice(events.indexOf("prepare"))).toEqual(["prepare", "stderr", "close", "stderr", "exit 1"]);
	});

	it("is not started when the diagram cache already holds drawings (an edit build, CI with the cache kept)", async () => {
		mkdirSync(join(root, ".cache/flowbook/diagrams"), { recursive: true });
		writeFileSync(join(root, ".cache/flowbook/diagrams/kept.svg"), "<svg/>");
		expect((await build()).exit).toBeUndefined();
		expect(events).not.toContain("prepare");
	});

	it("is not started by a build that reuses the stored check result", async () => {
		expect((await build()).exit).toBeUndefined();
		await closeSharedRenderer();
		events = [];
		installFakeRenderer();
		expect((await build()).exit).toBeUndefined();
		expect(events).not.toContain("prepare");
	});
});
