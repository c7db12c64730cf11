import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
	type ProcReader,
	parsePpid,
	parseSmapsRollup,
	procfs,
	sampleTree,
	treePids,
	watchTree,
} from "../../../bench/memory.ts";

const FIXTURE = join(import.meta.dirname, "../../fixtures/bench/proc");

/** /proc as a folder of `<pid>/stat` and `<pid>/smaps_rollup`; `extraPids` are listed but have no files (gone). */
function fixtureProc(extraPids: number[] = []): ProcReader {
	const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);
	return {
		pids: () => [...readdirSync(FIXTURE).map(Number), ...extraPids],
		stat: (pid) => read(join(FIXTURE, String(pid), "stat")),
		smapsRollup: (pid) => read(join(FIXTURE, String(pid), "smaps_rollup")),
	};
}

describe("bench memory sampler", () => {
	it("reads the parent pid after the last parenthesis, whatever the command name holds", () => {
		expect(parsePpid("101 (node) S 100 100 100 0 -1")).toBe(100);
		expect(parsePpid("104 (chromium (zygote)) S 103 100 100")).toBe(103);
		expect(parsePpid("105 (Chrome_ChildIOT) ) R 104 100 100")).toBe(104);
		expect(parsePpid("garbage")).toBeUndefined();
	});

	it("parses Rss and Pss of smaps_rollup in kB", () => {
		expect(parseSmapsRollup(readFileSync(join(FIXTURE, "101", "smaps_rollup"), "utf8"))).toEqual({
			rssKb: 400000,
			pssKb: 380000,
		});
		expect(parseSmapsRollup("Rss: 12 kB\n")).toBeUndefined();
	});

	it("walks every descendant of the root and nothing else", () => {
		const parents = new Map([
			[100, 1],
			[101, 100],
			[103, 101],
			[104, 103],
			[105, 104],
			[200, 1],
			[201, 200],
		]);
		expect(treePids(100, parents).sort()).toEqual([100, 101, 103, 104, 105]);
		expect(treePids(200, parents).sort()).toEqual([200, 201]);
		expect(treePids(999, parents)).toEqual([999]);
	});

	it("sums RSS and PSS over the tree, skipping processes that vanished", () => {
		// 106 is a zombie without smaps_rollup; 107 is listed but gone before its stat was read.
		const sample = sampleTree(100, fixtureProc([107]));
		expect(sample).toEqual({
			rssKb: 1000 + 400000 + 200000 + 100000 + 150000,
			pssKb: 200 + 380000 + 120000 + 30000 + 50000,
			processes: 5,
		});
	});

	it("counts a real child process in the live /proc tree", async () => {
		const child = spawn("sleep", ["30"]);
		try {
			await new Promise((resolve) => child.once("spawn", resolve));
			const alone = sampleTree(child.pid as number);
			const withChild = sampleTree(process.pid, procfs);
			expect(alone.processes).toBe(1);
			expect(alone.pssKb).toBeGreaterThan(0);
			expect(withChild.processes).toBeGreaterThanOrEqual(2);
			expect(withChild.rssKb).toBeGreaterThan(alone.rssKb);
		} finally {
			child.kill();
		}
	});

	it("keeps the peaks of its samples in MB", () => {
		const watch = watchTree(100, 10_000, fixtureProc());
		const peak = watch.stop();
		expect(peak?.samples).toBe(1);
		expect(peak?.peakRssMb).toBeCloseTo((851000 * 1024) / 1e6, 3);
		expect(peak?.peakPssMb).toBeCloseTo((580200 * 1024) / 1e6, 3);
		expect(peak?.peakProcesses).toBe(5);
	});
});
