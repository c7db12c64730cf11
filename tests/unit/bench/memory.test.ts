import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
	type ProcReader,
	parseSmapsRollup,
	parseStat,
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
	it("reads parent, CPU and start after the last parenthesis, whatever the command name holds", () => {
		const stat = (name: string, ppid: number) =>
			`105 (${name}) R ${ppid} 100 100 0 -1 4194304 101 0 0 0 250 50 0 0 20 0 11 0 967574 3133440 414`;
		expect(parseStat(stat("node", 100))).toEqual({ ppid: 100, cpuTicks: 300, start: 967574, name: "node" });
		expect(parseStat(stat("chromium (zygote)", 103))?.name).toBe("chromium (zygote)");
		expect(parseStat(stat("chromium (zygote)", 103))?.ppid).toBe(103);
		expect(parseStat(stat("Chrome_ChildIOT) ", 104))?.ppid).toBe(104);
		expect(parseStat("garbage")).toBeUndefined();
		expect(parseStat("1 (init) S 0 1")).toBeUndefined();
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
		expect(sample).toMatchObject({
			rssKb: 1000 + 400000 + 200000 + 100000 + 150000,
			pssKb: 200 + 380000 + 120000 + 30000 + 50000,
			processes: 5,
		});
		// CPU of every process in the tree (the zombie too), not of the unrelated bash (200).
		expect([...sample.cpuTicks.values()].reduce((a, b) => a + b)).toBe(300 + 120);
		expect(sample.cpuTicks.has("101@967574")).toBe(true);
		// Chromium's processes, whatever their names' parentheses; not Node (101) nor /usr/bin/time (100).
		expect([...sample.browser].sort()).toEqual(["103@967574", "104@967574", "105@967574", "106@967574"]);
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
		expect(peak?.treeCpuS).toBeCloseTo(4.2, 5);
		expect(peak?.browserCpuS).toBeCloseTo(1.2, 5);
	});
});
