import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pruneUnused, UNUSED_MAX_AGE_MS, usedEntries } from "../../../src/lib/charts/prune.ts";
import { cachedSvg } from "../../../src/lib/charts/svg-cache.ts";

const ROOT = join(import.meta.dirname, "../../..");
const DAY = 24 * 60 * 60 * 1000;

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fb-chart-prune-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the cache folder, last written `daysAgo` days ago. */
function entry(name: string, daysAgo: number): void {
	writeFileSync(join(dir, name), "<svg/>");
	const at = new Date(Date.now() - daysAgo * DAY);
	utimesSync(join(dir, name), at, at);
}

const ageDays = (name: string) => (Date.now() - statSync(join(dir, name)).mtimeMs) / DAY;

/** A build in its own process: draws (or reads) the chart of `spec` into `dir`, then exits with `code`. */
function build(spec: string, code: number): void {
	const script = `import { cachedSvg } from ${JSON.stringify(join(ROOT, "src/lib/charts/svg-cache.ts"))};
await cachedSvg(${JSON.stringify(dir)}, ${spec}, async () => "<svg>drawn</svg>");
process.exit(${code});`;
	const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
	expect(run.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, "")).toBe("");
	expect(run.status).toBe(code);
}

describe("pruneUnused", () => {
	it("deletes old drawings and temporary files this build did not use, and nothing else", () => {
		entry("old-unused.svg", 30);
		entry("old-used.svg", 30);
		entry("new-unused.svg", 0.01); // another build's, written a moment ago
		entry("crashed-write.svg.1234.tmp", 30);
		entry("writing.svg.5678.tmp", 0);
		entry("notes.txt", 30);
		const removed = pruneUnused(dir, new Set(["old-used.svg"]), UNUSED_MAX_AGE_MS);
		expect(removed.sort()).toEqual(["crashed-write.svg.1234.tmp", "old-unused.svg"]);
		expect(readdirSync(dir).sort()).toEqual(["new-unused.svg", "notes.txt", "old-used.svg", "writing.svg.5678.tmp"]);
	});

	it("leaves a missing folder alone", () => {
		expect(pruneUnused(join(dir, "none"), new Set(), UNUSED_MAX_AGE_MS)).toEqual([]);
	});
});

describe("the chart cache between builds", () => {
	it("notes every drawing a build reads or writes", async () => {
		await cachedSvg(dir, { mark: 1 }, async () => "<svg>1</svg>");
		const [name] = readdirSync(dir).filter((f) => f.endsWith(".svg"));
		expect(usedEntries(dir)).toEqual(new Set([name]));
		entry("other.svg", 30);
		expect(await cachedSvg(dir, { mark: 1 }, async () => "<svg>again</svg>")).toBe("<svg>1</svg>");
		expect(usedEntries(dir)).toEqual(new Set([name]));
	});

	it("is pruned when a build ends well, keeping what it used, and left as it is when a build fails", () => {
		entry("stale.svg", 30);
		build('{ "chart": 1 }', 1);
		expect(existsSync(join(dir, "stale.svg"))).toBe(true);
		const [drawn] = readdirSync(dir).filter((f) => f !== "stale.svg");
		expect(drawn).toMatch(/\.svg$/);

		build('{ "chart": 1 }', 0);
		expect(readdirSync(dir)).toEqual([drawn]);

		// Old, but this build read it: kept, and its time refreshed for the builds after it.
		const at = new Date(Date.now() - 30 * DAY);
		utimesSync(join(dir, drawn as string), at, at);
		build('{ "chart": 1 }', 0);
		expect(readdirSync(dir)).toEqual([drawn]);
		expect(ageDays(drawn as string)).toBeLessThan(1);

		// The export changed: the new chart is drawn, the old one (unused for over a week) goes.
		utimesSync(join(dir, drawn as string), at, at);
		build('{ "chart": 2 }', 0);
		const left = readdirSync(dir);
		expect(left).toHaveLength(1);
		expect(left).not.toContain(drawn);
	});
});
