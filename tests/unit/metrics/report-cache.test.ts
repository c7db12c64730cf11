import { existsSync, readdirSync, readFileSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadMetrics } from "../../../src/lib/metrics/index.ts";
import {
	keepLoad,
	METRICS_CODE_DIRS,
	type MetricsCacheOptions,
	metricsCacheKey,
} from "../../../src/lib/metrics/report-cache.ts";
import { type Flowchart, FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const flowchartText = readFileSync(join(repo, "tests/fixtures/metrics/b2b.yaml"), "utf8");
const b2b = (): Flowchart => FlowchartSchema.parse(parse(flowchartText));

// Under the repository, so the parsers' versions resolve from the fake `src/` as they do from a project's.
let root: string;
let cache: MetricsCacheOptions;
const folder = () => join(root, "content/metrics/b2b");
const options = (extra: Record<string, unknown> = {}) => ({ root, id: "b2b", flowchart: b2b(), ...extra });
const key = (extra: Record<string, unknown> = {}) => metricsCacheKey(cache, folder(), options(extra));

beforeEach(async () => {
	await mkdir(join(repo, ".cache"), { recursive: true });
	root = await mkdtemp(join(repo, ".cache", "metrics-cache-test-"));
	await cp(join(repo, "content/metrics/b2b"), folder(), { recursive: true });
	const src = join(root, "src");
	await mkdir(join(src, "lib/metrics"), { recursive: true });
	await mkdir(join(src, "i18n"), { recursive: true });
	await writeFile(join(src, "lib/metrics/compute.ts"), "export const a = 1;\n");
	await writeFile(join(src, "i18n/ui.ts"), "export const b = 2;\n");
	cache = { dir: join(root, ".cache/flowbook/metrics"), srcDir: src };
});

afterEach(async () => {
	await rm(root, { recursive: true, force: true });
});

/** A later mtime, so the per-process memo of `loadMetrics` reads again while the bytes stay the same. */
async function touchExport(): Promise<void> {
	const later = new Date(Date.now() + 60_000);
	for (const name of await readdir(folder())) await utimes(join(folder(), name), later, later);
}

describe("metrics kept between builds", () => {
	it("keeps a load and reads it back equal, typed arrays and all", async () => {
		const fresh = await loadMetrics({ ...options(), cache });
		expect(fresh.report).toBeDefined();
		expect(readdirSync(cache.dir).filter((f) => f.endsWith(".bin"))).toHaveLength(1);
		await touchExport();
		const kept = await loadMetrics({ ...options(), cache });
		expect(kept).not.toBe(fresh);
		expect(kept).toEqual(fresh);
		expect(kept.store?.order).toBeInstanceOf(Int32Array);
		expect(JSON.stringify(kept.report)).toBe(JSON.stringify(fresh.report));
	});

	it("keeps a load made before the cache was set (the content check loads before the pages)", async () => {
		const checked = await loadMetrics(options());
		expect(existsSync(cache.dir)).toBe(false);
		expect(await loadMetrics({ ...options(), cache })).toBe(checked);
		expect(readdirSync(cache.dir)).toHaveLength(1);
	});

	it("reads the kept load instead of the export when nothing changed", async () => {
		await loadMetrics({ ...options(), cache });
		const [file] = readdirSync(cache.dir);
		await keepLoad(cache, (file as string).replace(/\.bin$/, ""), { diagnostics: [], note: "from the cache" });
		await touchExport();
		expect((await loadMetrics({ ...options(), cache })).note).toBe("from the cache");
	});

	it("treats a corrupt or foreign entry as a miss and computes the load", async () => {
		await loadMetrics({ ...options(), cache });
		const file = join(cache.dir, readdirSync(cache.dir)[0] as string);
		for (const junk of ["not a kept load", Buffer.from("garbage").toString("base64")]) {
			await writeFile(file, junk);
			await touchExport();
			expect((await loadMetrics({ ...options(), cache })).report).toBeDefined();
		}
	});

	it("changes the key with every input: export bytes, a new file, mapping, flowchart, options, code, time zone", async () => {
		const base = await key();
		expect(base).toMatch(/^[0-9a-f]{32}$/);
		expect(await key()).toBe(base);
		const changes: [string, () => Promise<unknown>][] = [
			["a CSV's bytes", () => appendFile(join(folder(), "2026-h1.csv"), "\n")],
			["a new CSV", () => writeFile(join(folder(), "2027.csv"), "Id\n")],
			["the mapping", () => appendFile(join(folder(), "mapping.yaml"), "\n# edited\n")],
			["the metrics code", () => appendFile(join(cache.srcDir, "lib/metrics/compute.ts"), "// edited\n")],
			["a new lib module", () => writeFile(join(cache.srcDir, "lib/other.ts"), "export {};\n")],
			["the interface strings", () => appendFile(join(cache.srcDir, "i18n/ui.ts"), "// edited\n")],
			[
				"the installed packages",
				() =>
					mkdir(join(root, "node_modules"), { recursive: true }).then(() =>
						writeFile(join(root, "node_modules/.package-lock.json"), "{}"),
					),
			],
		];
		const seen = new Set([base]);
		for (const [what, change] of changes) {
			await change();
			const next = await key();
			expect(seen.has(next), what).toBe(false);
			seen.add(next as string);
		}
		const flowchart = b2b();
		flowchart.steps[1] = { ...(flowchart.steps[1] as Flowchart["steps"][number]), label: "Renamed" };
		for (const extra of [{ flowchart }, { since: 1 }, { minSample: 3 }, { id: "other" }]) {
			const next = await key(extra);
			expect(seen.has(next as string), JSON.stringify(Object.keys(extra))).toBe(false);
			seen.add(next as string);
		}
		const tz = process.env.TZ;
		process.env.TZ = "Asia/Jakarta";
		try {
			expect(seen.has((await key()) as string)).toBe(false);
		} finally {
			if (tz === undefined) delete process.env.TZ;
			else process.env.TZ = tz;
		}
	});

	it("keeps nothing when the code folder is missing (a project without Flowbook's src/)", async () => {
		await rm(cache.srcDir, { recursive: true });
		expect(await key()).toBeUndefined();
		expect((await loadMetrics({ ...options(), cache })).report).toBeDefined();
		expect(existsSync(cache.dir)).toBe(false);
	});

	it("hashes all the code a load runs: every module loadMetrics imports", () => {
		const src = join(repo, "src");
		const hashed = METRICS_CODE_DIRS.map((d) => join(src, d) + sep);
		const modules = imports(join(src, "lib/metrics/index.ts"));
		expect(modules.length).toBeGreaterThan(20);
		expect(modules.filter((m) => !hashed.some((dir) => m.startsWith(dir))).map((m) => relative(src, m))).toEqual([]);
	});
});

/** Modules reachable from `entry` through relative imports (not type-only ones). */
function imports(entry: string): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		for (const m of readFileSync(file, "utf8").matchAll(
			/^(?:import|export)\s+(type\s+)?(?:[^"';]*?from\s+)?["']([^"']+)["']/gm,
		)) {
			if (m[1]) continue;
			const spec = m[2] as string;
			if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
		}
	};
	visit(entry);
	return [...seen];
}
