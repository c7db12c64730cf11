/** Bench projects: a copy of Flowbook with its own content and caches, and a timed `astro build` of it. */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { watchTree } from "./memory.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Astro keeps its data store in `cacheDir` (default `node_modules/.astro`). node_modules is a symlink to the
 * project's, so without this every bench project (and the project itself) would share one data store, and a
 * "cold" build would reuse the last one's parsed content.
 */
const CACHE_DIR = ".astro-cache";

/**
 * Vite's own cache (pre-bundled dependencies, default `node_modules/.vite`) is also shared through the symlink: the
 * floor and Flowbook projects then overwrite each other's dependency metadata, and every build of the bench logs
 * "Re-optimizing dependencies because vite config has changed", which a single project never does.
 */
export const VITE_CACHE_DIR = ".vite-cache";

/** A copy of the project with its own content/ and caches; node_modules is shared through a symlink. */
export function makeProject(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const item of [
		"src",
		"public",
		"content",
		"astro.config.mjs",
		"flowbook.config.ts",
		"tsconfig.json",
		"package.json",
	]) {
		cpSync(join(ROOT, item), join(dir, item), { recursive: true });
	}
	symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
	const config = join(dir, "astro.config.mjs");
	const text = readFileSync(config, "utf8");
	if (!text.includes("defineConfig({")) throw new Error("astro.config.mjs no longer has `defineConfig({`");
	if (!text.includes("\tvite: {")) throw new Error("astro.config.mjs no longer has `vite: {`");
	writeFileSync(
		config,
		text
			.replace("defineConfig({", `defineConfig({\n\tcacheDir: "./${CACHE_DIR}",`)
			.replace("\tvite: {", `\tvite: {\n\t\tcacheDir: "./${VITE_CACHE_DIR}",`),
	);
}

/** Everything a clean checkout would not have: diagram cache, Astro's data store, generated types, output. */
export function clearBuildCaches(dir: string): void {
	for (const d of [".cache", ".astro", CACHE_DIR, VITE_CACHE_DIR, "dist"])
		rmSync(join(dir, d), { recursive: true, force: true });
}

export interface BuildRun {
	ms: number;
	/** CPU seconds (user + system) of the build and every child it waited for (Chromium), when measurable. */
	cpuS?: number;
	/** Diagram phase from the FLOWBOOK_TIMING hook in src/site/diagrams.ts, when that hook exists. */
	diagramMs?: number;
	/** Peak memory of the whole process tree (/usr/bin/time, Node, workers, Chromium and its children), in MB. */
	peakRssMb?: number;
	peakPssMb?: number;
	/** CPU seconds of every process sampled in the tree, Chromium's helpers included (bench/memory.ts). */
	treeCpuS?: number;
	/** The part of `treeCpuS` Chromium used (bench/memory.ts). */
	browserCpuS?: number;
	output: string;
}

const TIME = "/usr/bin/time";

/**
 * `astro build` in `dir` under this Node (24): wall time, CPU time through /usr/bin/time, peak memory of the process
 * tree sampled from /proc (bench/memory.ts).
 */
export function build(dir: string, env: Record<string, string> = {}): Promise<BuildRun> {
	return new Promise((resolvePromise, reject) => {
		const t0 = performance.now();
		// This Node (24), not whatever `node` is first on PATH: the astro bin's shebang would pick that one.
		const argv = [process.execPath, join(ROOT, "node_modules", "astro", "bin", "astro.mjs"), "build"];
		const timed = existsSync(TIME);
		const [cmd, ...args] = timed ? [TIME, "-f", "FLOWBOOK_CPU %U %S", ...argv] : argv;
		const child = spawn(cmd as string, args, {
			cwd: dir,
			env: {
				...process.env,
				PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`,
				ASTRO_TELEMETRY_DISABLED: "1",
				FLOWBOOK_TIMING: "1",
				FLOWBOOK_TODAY: "2026-06-01",
				...env,
			},
			stdio: ["ignore", "pipe", "pipe"],
		});
		// The tree is rooted at the spawned process (/usr/bin/time when present), so it includes everything under it.
		const memory = child.pid === undefined ? undefined : watchTree(child.pid);
		let output = "";
		child.stdout.on("data", (d) => {
			output += d;
		});
		child.stderr.on("data", (d) => {
			output += d;
		});
		child.on("error", (error) => {
			memory?.stop();
			reject(error);
		});
		child.on("close", (code) => {
			const elapsed = performance.now() - t0;
			const peak = memory?.stop();
			if (code !== 0) {
				reject(new Error(`astro build in ${dir} failed (${code}):\n${output.slice(-4000)}`));
				return;
			}
			const run: BuildRun = { ms: elapsed, output };
			if (peak) {
				run.peakRssMb = peak.peakRssMb;
				run.peakPssMb = peak.peakPssMb;
				run.treeCpuS = peak.treeCpuS;
				run.browserCpuS = peak.browserCpuS;
			}
			const cpu = /FLOWBOOK_CPU ([\d.]+) ([\d.]+)/.exec(output);
			if (cpu) run.cpuS = Number(cpu[1]) + Number(cpu[2]);
			// Hook line, if present: "flowbook: diagrams <lang> <n> in <ms> ms"
			const phases = [...output.matchAll(/flowbook: diagrams .* in ([\d.]+) ms/g)].map((m) => Number(m[1]));
			if (phases.length > 0) run.diagramMs = phases.reduce((a, b) => a + b, 0);
			resolvePromise(run);
		});
	});
}
