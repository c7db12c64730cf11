/**
 * Peak memory of a whole process tree (the build, its workers, Chromium and Chromium's children), sampled from /proc.
 * RSS counts a shared page once per process that maps it, so it over-counts Chromium's renderers (they share most of
 * their memory); PSS divides each shared page among the processes sharing it, so its sum is the tree's real share.
 * Both are reported. Linux only: elsewhere the sampler reports nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** How a sampler reads /proc; a fixture in tests. Each returns undefined when the process has gone. */
export interface ProcReader {
	pids(): number[];
	stat(pid: number): string | undefined;
	smapsRollup(pid: number): string | undefined;
}

function readOrUndefined(path: string): string | undefined {
	try {
		return readFileSync(path, "utf8");
	} catch {
		// The process exited between listing /proc and reading it, or is not ours to read.
		return undefined;
	}
}

export const procfs: ProcReader = {
	pids: () =>
		readdirSync("/proc")
			.filter((name) => /^\d+$/.test(name))
			.map(Number),
	stat: (pid) => readOrUndefined(`/proc/${pid}/stat`),
	smapsRollup: (pid) => readOrUndefined(`/proc/${pid}/smaps_rollup`),
};

export interface ProcStat {
	ppid: number;
	/** utime + stime in clock ticks: CPU this process has used so far (its threads included, children not). */
	cpuTicks: number;
	/** Start time in ticks since boot: with the pid, tells a reused pid from the process sampled before. */
	start: number;
	/** The command name (field 2, e.g. `node`, `chromium`, `chromium (zygote)`). */
	name: string;
}

/** USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux, whatever the kernel's own tick rate. */
export const TICKS_PER_SECOND = 100;

/**
 * Fields of a /proc/<pid>/stat line. The command name (field 2) is in parentheses and may itself contain spaces and
 * parentheses ("(Chrome_ChildIOT)", "(chromium (zygote))"), so fields are counted after the LAST ")".
 */
export function parseStat(stat: string): ProcStat | undefined {
	const open = stat.indexOf("(");
	const close = stat.lastIndexOf(")");
	if (open < 0 || close < open) return undefined;
	// After ")": field 3 (state) at 0, so field n is at n - 3: ppid 4, utime 14, stime 15, starttime 22.
	const fields = stat
		.slice(close + 1)
		.trim()
		.split(/\s+/)
		.map(Number);
	const [ppid, utime, stime, start] = [fields[1], fields[11], fields[12], fields[19]];
	if (![ppid, utime, stime, start].every(Number.isInteger)) return undefined;
	return {
		ppid: ppid as number,
		cpuTicks: (utime as number) + (stime as number),
		start: start as number,
		name: stat.slice(open + 1, close),
	};
}

/** `root` and every process whose chain of parents leads to it. */
export function treePids(root: number, parents: ReadonlyMap<number, number>): number[] {
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of parents) {
		const list = children.get(ppid);
		if (list) list.push(pid);
		else children.set(ppid, [pid]);
	}
	const tree: number[] = [];
	const queue = [root];
	const seen = new Set<number>();
	while (queue.length > 0) {
		const pid = queue.shift() as number;
		if (seen.has(pid)) continue;
		seen.add(pid);
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

export interface Footprint {
	rssKb: number;
	pssKb: number;
}

/** "Rss:" and "Pss:" of /proc/<pid>/smaps_rollup, in kB; undefined if either is missing. */
export function parseSmapsRollup(text: string): Footprint | undefined {
	const rss = /^Rss:\s+(\d+) kB/m.exec(text);
	const pss = /^Pss:\s+(\d+) kB/m.exec(text);
	if (!rss || !pss) return undefined;
	return { rssKb: Number(rss[1]), pssKb: Number(pss[1]) };
}

export interface TreeSample extends Footprint {
	processes: number;
	/** CPU ticks used so far by each process of the tree, keyed `<pid>@<start>`. */
	cpuTicks: Map<string, number>;
	/** The keys of `cpuTicks` that are the browser's processes (Chromium draws the diagrams). */
	browser: Set<string>;
}

/** Chromium's processes name themselves `chromium`, `chrome` or `headless_shell`; Node and its workers never do. */
const BROWSER_NAME = /chrom|headless_shell/i;

/** One sample: the tree under `root` now, RSS and PSS summed; processes that vanish mid-sample are skipped. */
export function sampleTree(root: number, proc: ProcReader = procfs): TreeSample {
	const stats = new Map<number, ProcStat>();
	for (const pid of proc.pids()) {
		const text = proc.stat(pid);
		const stat = text === undefined ? undefined : parseStat(text);
		if (stat) stats.set(pid, stat);
	}
	const parents = new Map([...stats].map(([pid, stat]) => [pid, stat.ppid]));
	const total: TreeSample = { rssKb: 0, pssKb: 0, processes: 0, cpuTicks: new Map(), browser: new Set() };
	for (const pid of treePids(root, parents)) {
		const stat = stats.get(pid);
		if (stat) total.cpuTicks.set(`${pid}@${stat.start}`, stat.cpuTicks);
		if (stat && BROWSER_NAME.test(stat.name)) total.browser.add(`${pid}@${stat.start}`);
		const rollup = proc.smapsRollup(pid);
		const footprint = rollup === undefined ? undefined : parseSmapsRollup(rollup);
		if (!footprint) continue;
		total.rssKb += footprint.rssKb;
		total.pssKb += footprint.pssKb;
		total.processes++;
	}
	return total;
}

/** /proc counts in KiB; peaks are reported in MB (10^6 bytes), like the "1.5 GB". */
const kbToMb = (kb: number) => (kb * 1024) / 1e6;

export interface PeakMemory {
	peakRssMb: number;
	peakPssMb: number;
	/** Most processes seen in the tree at once. */
	peakProcesses: number;
	/**
	 * CPU seconds of every process seen in the tree, each at its last sample: unlike /usr/bin/time, this counts the
	 * processes nobody waited for (Chromium's helpers), but misses up to one interval of each process that exits.
	 */
	treeCpuS: number;
	/** The part of `treeCpuS` used by Chromium's processes: the diagrams' own render time. */
	browserCpuS: number;
	samples: number;
}

/** Samples the tree under `root` every `everyMs` until `stop()`, which returns the peaks (undefined off Linux). */
export function watchTree(
	root: number,
	everyMs = 200,
	proc: ProcReader = procfs,
): { stop: () => PeakMemory | undefined } {
	if (!existsSync("/proc/self/smaps_rollup") && proc === procfs) return { stop: () => undefined };
	const peak = { rssKb: 0, pssKb: 0, processes: 0, samples: 0 };
	const cpuTicks = new Map<string, number>();
	const browser = new Set<string>();
	const sample = () => {
		const now = sampleTree(root, proc);
		for (const [key, ticks] of now.cpuTicks) cpuTicks.set(key, ticks);
		for (const key of now.browser) browser.add(key);
		peak.rssKb = Math.max(peak.rssKb, now.rssKb);
		peak.pssKb = Math.max(peak.pssKb, now.pssKb);
		peak.processes = Math.max(peak.processes, now.processes);
		peak.samples++;
	};
	sample();
	const timer = setInterval(sample, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			if (peak.samples === 0) return undefined;
			return {
				peakRssMb: kbToMb(peak.rssKb),
				peakPssMb: kbToMb(peak.pssKb),
				peakProcesses: peak.processes,
				treeCpuS: [...cpuTicks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND,
				browserCpuS: [...browser].reduce((a, key) => a + (cpuTicks.get(key) ?? 0), 0) / TICKS_PER_SECOND,
				samples: peak.samples,
			};
		},
	};
}
