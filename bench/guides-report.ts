/**
 * The guides benchmark's summary (bench/guides.ts): medians per build, Flowbook/floor ratios and issue 12's three
 * targets. Also a command that prints it again from a result.json (e.g. after a run finished unattended):
 *
 *   node_modules/.bin/node bench/guides-report.ts bench/out/guides/result.json
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type Who = "floor" | "flowbook" | "flowbook-pdf";
export type Kind = "clean" | "warm" | "edit";

export interface Measured {
	who: Who;
	kind: Kind;
	run: number;
	wallS: number;
	/** CPU of the build and the children it waited for (/usr/bin/time). */
	cpuS?: number | undefined;
	/** CPU of every process sampled in the tree, Chromium's helpers included. */
	treeCpuS?: number | undefined;
	peakPssMb?: number | undefined;
	peakRssMb?: number | undefined;
	pages: number;
	/** Sum of the FLOWBOOK_TIMING "flowbook: diagrams" phases (Flowbook only): wall time, two render pages at once. */
	diagramS?: number | undefined;
	/** CPU of Chromium's processes: what drawing the diagrams itself cost. */
	browserCpuS?: number | undefined;
	loadBefore: number[];
	loadAfter: number[];
}

/** The memory target, 1.5 GB, in MB (10^6 bytes) like the peaks. */
export const MEMORY_TARGET_MB = 1500;

type Field = "wallS" | "cpuS" | "treeCpuS" | "browserCpuS" | "peakPssMb" | "peakRssMb" | "pages" | "diagramS";

export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export const fmt = (n: number | undefined, digits = 1) =>
	n === undefined || !Number.isFinite(n) ? "?" : n.toFixed(digits);

/** A target is met, missed, or unknown when a number is missing (not "missed": that would read as a result). */
export type Verdict = "met" | "NOT met" | "not measured";
const verdict = (value: number | undefined, limit: number | undefined): Verdict =>
	value === undefined || limit === undefined || !Number.isFinite(value) || !Number.isFinite(limit)
		? "not measured"
		: value <= limit
			? "met"
			: "NOT met";

interface CleanTarget {
	wallS?: number | undefined;
	limitS?: number | undefined;
	/** The diagrams' render time the limit adds, spread over `cores`. */
	diagramS: number;
	cores: number;
	verdict: Verdict;
}

export interface Targets {
	/**
	 * The "diagrams' own render time spread over the cores", read as the CPU Chromium spent drawing them
	 * divided by the cores. `cleanByPhases` is the stricter reading the first bench used: the render phases' wall
	 * time (already two render pages at once, so already spread) divided by the cores again.
	 */
	clean: CleanTarget;
	cleanByPhases: CleanTarget;
	warm: { wallS?: number | undefined; limitS?: number | undefined; verdict: Verdict };
	memory: {
		peakPssMb?: number | undefined;
		peakRssMb?: number | undefined;
		limitMb: number;
		pss: Verdict;
		rss: Verdict;
	};
}

const KINDS: [Kind, string][] = [
	["clean", "clean (no caches)"],
	["warm", "warm (nothing changed)"],
	["edit", "one guide's text edited"],
];

/** Medians over runs, the Markdown table and the targets (on wall time, Flowbook with the PDF off). */
export function guidesReport(
	results: readonly Measured[],
	cores: number,
): { table: string[]; notes: string[]; targets: Targets } {
	const med = (who: Who, kind: Kind, field: Field) =>
		median(results.filter((m) => m.who === who && m.kind === kind).flatMap((m) => m[field] ?? []));
	const ratio = (kind: Kind, field: Field) => {
		const [a, b] = [med("flowbook", kind, field), med("floor", kind, field)];
		return fmt(a === undefined || b === undefined || b === 0 ? undefined : a / b, 2);
	};
	const pair = (kind: Kind, field: Field, digits = 1) =>
		`${fmt(med("floor", kind, field), digits)} / ${fmt(med("flowbook", kind, field), digits)}`;
	const pdf = (field: Field, digits = 1) => fmt(med("flowbook-pdf", "warm", field), digits);
	/** `+2.3` / `−1.0`: what the PDF adds to a warm build (negative when load noise exceeds it). */
	const extra = (field: Field) => {
		const [a, b] = [med("flowbook-pdf", "warm", field), med("flowbook", "warm", field)];
		return a === undefined || b === undefined ? "?" : `${a >= b ? "+" : "−"}${Math.abs(a - b).toFixed(1)}`;
	};
	const table = [
		"| Build | Wall, floor / Flowbook | × | CPU of the tree, floor / Flowbook | × | CPU waited for (/usr/bin/time) | Peak PSS of the tree | Peak RSS of the tree | HTML pages written |",
		"| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
		...KINDS.map(
			([kind, label]) =>
				`| ${label} | ${pair(kind, "wallS")} s | ${ratio(kind, "wallS")} | ${pair(kind, "treeCpuS")} s | ${ratio(kind, "treeCpuS")} | ${pair(kind, "cpuS")} s | ${pair(kind, "peakPssMb", 0)} MB | ${pair(kind, "peakRssMb", 0)} MB | ${pair(kind, "pages", 0)} |`,
		),
		`| Flowbook warm with the PDF on | – / ${pdf("wallS")} s (${extra("wallS")} s) | | – / ${pdf("treeCpuS")} s (${extra("treeCpuS")} s) | | – / ${pdf("cpuS")} s | – / ${pdf("peakPssMb", 0)} MB | – / ${pdf("peakRssMb", 0)} MB | – / ${pdf("pages", 0)} |`,
	];

	const floorClean = med("floor", "clean", "wallS");
	const floorWarm = med("floor", "warm", "wallS");
	const warmLimit = floorWarm === undefined ? undefined : 1.2 * floorWarm;
	const cleanWall = med("flowbook", "clean", "wallS");
	const cleanTarget = (diagramS: number | undefined): CleanTarget => {
		const limitS = floorClean === undefined || diagramS === undefined ? undefined : 1.5 * floorClean + diagramS / cores;
		return { wallS: cleanWall, limitS, diagramS: diagramS ?? 0, cores, verdict: verdict(cleanWall, limitS) };
	};
	const phasesS = med("flowbook", "clean", "diagramS") ?? 0;
	const chromiumS = med("flowbook", "clean", "browserCpuS");
	const warmWall = med("flowbook", "warm", "wallS");
	// The memory target is for a docs build: Flowbook's builds with the PDF off.
	const peak = (field: "peakPssMb" | "peakRssMb") => {
		const values = results.filter((m) => m.who === "flowbook").flatMap((m) => m[field] ?? []);
		return values.length === 0 ? undefined : Math.max(...values);
	};
	const [peakPss, peakRss] = [peak("peakPssMb"), peak("peakRssMb")];
	const targets: Targets = {
		clean: cleanTarget(chromiumS),
		cleanByPhases: cleanTarget(phasesS),
		warm: { wallS: warmWall, limitS: warmLimit, verdict: verdict(warmWall, warmLimit) },
		memory: {
			peakPssMb: peakPss,
			peakRssMb: peakRss,
			limitMb: MEMORY_TARGET_MB,
			pss: verdict(peakPss, MEMORY_TARGET_MB),
			rss: verdict(peakRss, MEMORY_TARGET_MB),
		},
	};
	const notes = [
		`Diagram render time in Flowbook's clean build: Chromium's CPU ${fmt(chromiumS)} s; the render phases' wall time (sum of the FLOWBOOK_TIMING "flowbook: diagrams" lines) ${fmt(phasesS)} s`,
		`- clean ≤ 1.5 × floor + Chromium's CPU / ${cores} cores: ${fmt(cleanWall)} s vs ${fmt(targets.clean.limitS)} s: ${targets.clean.verdict}`,
		`  (stricter: + render phases' wall / ${cores} cores: ${fmt(cleanWall)} s vs ${fmt(targets.cleanByPhases.limitS)} s: ${targets.cleanByPhases.verdict})`,
		`- warm ≤ 1.2 × floor: ${fmt(warmWall)} s vs ${fmt(warmLimit)} s: ${targets.warm.verdict}`,
		`- peak tree memory ≤ 1.5 GB (Flowbook builds, PDF off): PSS ${fmt(peakPss, 0)} MB ${targets.memory.pss}, RSS ${fmt(peakRss, 0)} MB ${targets.memory.rss}`,
	];
	return { table, notes, targets };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const file = process.argv[2];
	if (!file) {
		process.stderr.write("usage: node bench/guides-report.ts bench/out/<name>/result.json\n");
		process.exit(2);
	}
	const result = JSON.parse(readFileSync(file, "utf8")) as { builds: Measured[]; machine: { cores: number } };
	const { table, notes } = guidesReport(result.builds, result.machine.cores);
	console.log([...table, "", ...notes].join("\n"));
}
