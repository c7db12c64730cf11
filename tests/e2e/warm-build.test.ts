/**
 * A warm build of unchanged content reuses the last content check (src/lib/cache/check-result.ts) and must print
 * and build exactly what a full check would: the same diagnostics and summary, the same exit code, the same site.
 */
import { createHash } from "node:crypto";
import { appendFile, cp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { astroBuild, BUILD_TIMEOUT, fixtureProject } from "./support/fixture-project.ts";
import { ROOT } from "./support/site.ts";

/** What the check printed: stderr up to and including the `flowbook: N errors, …` summary line. */
function checkOutput(stderr: string): string {
	const end = stderr.search(/^flowbook: \d+ errors?, .*$/m);
	expect(end, stderr).toBeGreaterThanOrEqual(0);
	return stderr.slice(0, stderr.indexOf("\n", end) + 1);
}

const CACHES = ["diagrams", "markdown", "charts", "metrics", "pages"];
const MONTH_AGO = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);

/**
 * Dates every entry of the build's caches a month back and adds one stale entry to each (a drawing or text of
 * content that is gone); returns each cache's entries before the stale one.
 */
async function ageCaches(dir: string): Promise<Map<string, string[]>> {
	const before = new Map<string, string[]>();
	for (const cache of CACHES) {
		const folder = join(dir, ".cache/flowbook", cache);
		const names = (await readdir(folder)).sort();
		expect(names.length, cache).toBeGreaterThan(0);
		before.set(cache, names);
		const ext = (names[0] as string).slice((names[0] as string).lastIndexOf("."));
		await writeFile(join(folder, `0stale${ext}`), "gone");
		for (const name of [...names, `0stale${ext}`]) await utimes(join(folder, name), MONTH_AGO, MONTH_AGO);
	}
	return before;
}

/** A digest of every file of the built site by path. */
async function siteDigest(dist: string): Promise<Map<string, string>> {
	const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
	const out = new Map<string, string>();
	for (const f of files) {
		const path = join(f.parentPath, f.name);
		out.set(
			path.slice(dist.length),
			createHash("sha256")
				.update(await readFile(path))
				.digest("hex"),
		);
	}
	return out;
}

describe("a warm build of unchanged content", () => {
	let dir = "";
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});
	it(
		"prints the same check output and builds the same site without checking again; an edit checks again",
		async () => {
			dir = await fixtureProject({});
			await cp(join(ROOT, "content"), join(dir, "content"), { recursive: true });
			// A label file with a YAML merge key (the manager's entry starts from the AE's and overrides both fields):
			// Astro's reader (js-yaml) and the check's must read it alike, or the pages miss the early diagrams.
			const labels = join(dir, "content/i18n/id/flowcharts/b2b.yaml");
			const text = await readFile(labels, "utf8");
			const merged = text
				.replace("\n  ae:\n", "\n  ae: &ae\n")
				.replace("\n  manager:\n", "\n  manager:\n    <<: *ae\n");
			expect(merged.match(/&ae|<<: \*ae/g)).toHaveLength(2);
			await writeFile(labels, merged);
			const env = { FLOWBOOK_BASE: "/sales/", FLOWBOOK_TODAY: "2026-11-27", FLOWBOOK_TIMING: "1" };
			const first = astroBuild(dir, env);
			expect(first.status, first.stderr).toBe(0);
			expect(first.stdout).not.toContain("content check and diagrams before the pages reused");
			expect(first.stdout).toContain("flowbook: page generation launched Chromium 0 time(s)");
			const firstSite = await siteDigest(join(dir, "dist"));

			const cached = await ageCaches(dir);
			const warm = astroBuild(dir, env);
			expect(warm.status, warm.stderr).toBe(0);
			// The build used every entry it had, so it kept and re-dated them all, and deleted only the stale ones.
			for (const [cache, names] of cached) {
				const folder = join(dir, ".cache/flowbook", cache);
				expect((await readdir(folder)).sort(), cache).toEqual(names);
				for (const name of names)
					expect((await stat(join(folder, name))).mtimeMs, name).toBeGreaterThan(+MONTH_AGO + 1);
			}
			expect(warm.stdout).toContain("flowbook: content check and diagrams before the pages reused");
			expect(checkOutput(warm.stderr)).toBe(checkOutput(first.stderr));
			// The early diagrams were skipped, and the pages still found every diagram in the cache.
			expect(warm.stdout).toContain("flowbook: page generation launched Chromium 0 time(s)");
			// Pages rendered four at a time came out the same, so the kept search index was copied back, not rebuilt.
			expect(warm.stdout).toContain("unchanged pages, index reused");
			expect(await siteDigest(join(dir, "dist"))).toEqual(firstSite);

			await appendFile(join(dir, "content/flowcharts/b2b.yaml"), "\n# edited\n");
			const edited = astroBuild(dir, env);
			expect(edited.status, edited.stderr).toBe(0);
			expect(edited.stdout).not.toContain("content check and diagrams before the pages reused");
			expect(edited.stdout).toMatch(/flowbook: diagrams before the pages \d+/);
		},
		3 * BUILD_TIMEOUT,
	);
});
