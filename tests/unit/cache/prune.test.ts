import { spawnSync } from "node:child_process";
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { noteUsed, pruneUnused, UNUSED_MAX_AGE_MS, usedEntries } from "../../../src/lib/cache/prune.ts";
import { cachedSvg } from "../../../src/lib/charts/svg-cache.ts";
import { keptHtml } from "../../../src/lib/markdown/html-cache.ts";
import { keepLoad, readKeptLoad } from "../../../src/lib/metrics/report-cache.ts";
import { renderDiagrams } from "../../../src/lib/render/cache.ts";
import { writePageFiles } from "../../../src/lib/render/page-files.ts";
import type { MermaidRenderer } from "../../../src/lib/render/renderer.ts";
import { keptText } from "../../../src/lib/site/kept-text.ts";

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

/**
 * A process that draws (or reads) the chart of `spec` into `dir`, then exits with `code`: a build (which asks for the
 * pruning, as the integration does) or, with `asBuild` false, a dev session or CLI.
 */
function build(spec: string, code: number, asBuild = true): void {
	const script = `import { cachedSvg } from ${JSON.stringify(join(ROOT, "src/lib/charts/svg-cache.ts"))};
import { pruneWhenBuildEnds } from ${JSON.stringify(join(ROOT, "src/lib/cache/prune.ts"))};
${asBuild ? "pruneWhenBuildEnds();" : ""}
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
		entry("notes.md", 30);
		const removed = pruneUnused(dir, new Set(["old-used.svg"]), UNUSED_MAX_AGE_MS);
		expect(removed.sort()).toEqual(["crashed-write.svg.1234.tmp", "old-unused.svg"]);
		expect(readdirSync(dir).sort()).toEqual(["new-unused.svg", "notes.md", "old-used.svg", "writing.svg.5678.tmp"]);
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

describe("which processes prune", () => {
	it("prunes only in a build: a dev session or CLI that used the cache refreshes what it used and deletes nothing", () => {
		entry("stale.svg", 30);
		build('{ "chart": 1 }', 0, false);
		const [drawn] = readdirSync(dir).filter((f) => f !== "stale.svg");
		expect(readdirSync(dir).sort()).toEqual([drawn, "stale.svg"].sort());
		const at = new Date(Date.now() - 30 * DAY);
		utimesSync(join(dir, drawn as string), at, at);
		build('{ "chart": 1 }', 0, false);
		expect(ageDays(drawn as string)).toBeLessThan(1);
		expect(existsSync(join(dir, "stale.svg"))).toBe(true);
	});

	it("is one record per process, though Astro loads a second copy of this module for the pages", async () => {
		// A second instance of the module, as Astro's page bundle has: a query makes Vite load the file again.
		const path = "../../../src/lib/cache/prune.ts?page-bundle";
		const copy = (await import(/* @vite-ignore */ path)) as typeof import("../../../src/lib/cache/prune.ts");
		expect(copy.noteUsed).not.toBe(noteUsed);
		copy.noteUsed(dir, "from-pages.svg");
		noteUsed(dir, "from-integration.svg");
		expect(usedEntries(dir)).toEqual(new Set(["from-pages.svg", "from-integration.svg"]));
		expect(copy.usedEntries(dir)).toEqual(usedEntries(dir));
	});

	it("keeps one set of used entries per folder, however the folder is named", () => {
		const relativeDir = relative(process.cwd(), dir);
		noteUsed(relativeDir, "a.svg");
		noteUsed(`${dir}/`, "b.svg");
		expect(usedEntries(dir)).toEqual(new Set(["a.svg", "b.svg"]));
	});
});

/** Every cache under .cache/flowbook notes the entries a build reads or writes, so pruning keeps them. */
describe("the caches a build prunes", () => {
	const SRC = join(ROOT, "src");
	const fakeRenderer = (): MermaidRenderer => ({
		async render(jobs) {
			return jobs.map((job) => ({ id: job.id, svg: '<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>' }));
		},
		async close() {},
	});
	const written = (folder: string) => readdirSync(folder).filter((f) => !f.endsWith(".tmp"));
	const cases: [string, (folder: string) => Promise<unknown>][] = [
		[
			"diagrams",
			(folder) =>
				renderDiagrams([{ id: "a", source: "flowchart LR\n  a --> b" }], { cacheDir: folder, renderer: fakeRenderer }),
		],
		[
			"rendered Markdown",
			async (folder) => keptHtml(folder, "v1", "inline", "**bold**", () => "<strong>bold</strong>"),
		],
		["kept page texts", (folder) => keptText({ dir: folder, srcDir: SRC }, "faq", "[1]", () => "text")],
		[
			"metrics loads",
			async (folder) =>
				(await readKeptLoad({ dir: folder, srcDir: SRC }, "k1")) ??
				keepLoad({ dir: folder, srcDir: SRC }, "k1", { n: 1 }),
		],
	];
	it.each(cases)("%s: an entry written is noted, and so is one read back", async (_name, use) => {
		await use(dir);
		const files = written(dir);
		expect(files.length).toBeGreaterThan(0);
		expect([...usedEntries(dir)].sort()).toEqual(files.sort());
		// Another build's folder holding the same entries: they are read, not made again, and noted all the same.
		const other = mkdtempSync(join(tmpdir(), "fb-prune-read-"));
		try {
			for (const f of files) writeFileSync(join(other, f), readFileSync(join(dir, f)));
			const before = files.map((f) => statSync(join(other, f)).mtimeMs);
			await use(other);
			expect(written(other).sort()).toEqual(files.sort());
			expect(files.map((f) => statSync(join(other, f)).mtimeMs)).toEqual(before);
			expect([...usedEntries(other)].sort()).toEqual(files.sort());
		} finally {
			rmSync(other, { recursive: true, force: true });
		}
	});

	it("render page files: the scripts found in place are noted with the page written beside them", async () => {
		const write = (folder: string) => writePageFiles(folder, "body {}", ["globalThis.x = 1;"]);
		await write(dir);
		const scripts = written(dir).filter((f) => f.endsWith(".js"));
		expect(scripts).toHaveLength(1);
		// The page names its scripts by absolute URL, so another folder gets its own page; the script is reused.
		const other = mkdtempSync(join(tmpdir(), "fb-prune-page-"));
		try {
			for (const f of scripts) writeFileSync(join(other, f), readFileSync(join(dir, f)));
			const at = new Date(Date.now() - 3 * DAY);
			for (const f of scripts) utimesSync(join(other, f), at, at);
			await write(other);
			expect(scripts.map((f) => Math.round((Date.now() - statSync(join(other, f)).mtimeMs) / DAY))).toEqual([3]);
			expect([...usedEntries(other)].sort()).toEqual(written(other).sort());
			expect(written(other)).toHaveLength(2);
		} finally {
			rmSync(other, { recursive: true, force: true });
		}
	});
});
