/**
 * Guides benchmark (`npm run bench -- guides`), issue 12: Flowbook and a plain Astro build of the same guide pages
 * (bench/floor.ts, the floor) in the same run, interleaved so the shared machine's load hits both alike. The workload:
 * the sample content plus N generated guides (~600 words, one 13-node ```mermaid flowchart each, bench/generate.ts),
 * every k-th also in Indonesian with the same fence. Per run: floor clean, Flowbook clean, floor warm, Flowbook warm,
 * one guide's prose edited, floor and Flowbook rebuilt, then Flowbook warm again with the PDF on (a docs build makes
 * no PDF, so the ratios are with FLOWBOOK_PDF=0 and the PDF's cost is reported apart). Prints wall, CPU, peak memory
 * of the process tree, pages written, ratios and the issue's three targets; writes bench/out/<name>/result.json.
 *
 *   npm run bench -- guides [--guides 100] [--translate-every 2] [--runs 1] [--name guides] [--no-pdf]
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { benchArgs } from "./args.ts";
import { clearFloorCaches, makeFloor } from "./floor.ts";
import { editGuideProse, guidePage } from "./generate.ts";
import { fmt, guidesReport, type Kind, type Measured, type Who } from "./guides-report.ts";
import { type BuildRun, build, clearBuildCaches, makeProject, ROOT } from "./project.ts";

const USAGE =
	"usage: npm run bench -- guides [--guides 100] [--translate-every 2] [--runs 1] [--name guides] [--no-pdf]";
const { values: args } = benchArgs(USAGE, {
	args: process.argv.slice(3),
	options: {
		guides: { type: "string", default: "100" },
		"translate-every": { type: "string", default: "2" },
		runs: { type: "string", default: "1" },
		/** Folder under bench/out, so two variants can be measured side by side. */
		name: { type: "string", default: "guides" },
		/** Skip the PDF-on build (a 1,000-guide playbook PDF takes longer than the rest of the run). */
		"no-pdf": { type: "boolean", default: false },
	},
});
const GUIDES = Number(args.guides);
const TRANSLATE_EVERY = Number(args["translate-every"]);
const RUNS = Math.max(1, Number(args.runs));
const CORES = availableParallelism();

const out = join(ROOT, "bench", "out", args.name ?? "guides");
const flowbookDir = join(out, "flowbook");
const floorDir = join(out, "floor");
const pagesDir = join(flowbookDir, "content", "pages");
const slug = (i: number) => `guide-${String(i + 1).padStart(4, "0")}`;

const loadText = (l: number[]) => l.map((n) => n.toFixed(1)).join(" ");

/** Every .html file under dist/, relative, sorted. */
function htmlFiles(dir: string): string[] {
	return (readdirSync(join(dir, "dist"), { recursive: true }) as string[]).filter((f) => f.endsWith(".html")).sort();
}

/** The guide pages (`pages/<slug>/`, `<lang>/pages/<slug>/`) a build wrote. */
const guideRoutes = (files: string[]) => files.filter((f) => /^([a-z]{2}\/)?pages\/[^/]+\/index\.html$/.test(f));

const results: Measured[] = [];

async function measure(who: Who, kind: Kind, run: number): Promise<Measured> {
	const dir = who === "floor" ? floorDir : flowbookDir;
	const env: Record<string, string> = who === "floor" ? {} : { FLOWBOOK_PDF: who === "flowbook-pdf" ? "1" : "0" };
	const loadBefore = loadavg();
	const result: BuildRun = await build(dir, env);
	const loadAfter = loadavg();
	writeFileSync(join(out, `${who}-${kind}-${run + 1}.log`), result.output);
	const m: Measured = {
		who,
		kind,
		run,
		wallS: result.ms / 1000,
		cpuS: result.cpuS,
		treeCpuS: result.treeCpuS,
		browserCpuS: result.browserCpuS,
		peakPssMb: result.peakPssMb,
		peakRssMb: result.peakRssMb,
		pages: htmlFiles(dir).length,
		diagramS: result.diagramMs === undefined ? undefined : result.diagramMs / 1000,
		loadBefore,
		loadAfter,
	};
	results.push(m);
	// Each project keeps its own Vite cache (bench/project.ts): a warm build that re-bundles dependencies measures the bench.
	if (kind !== "clean" && result.output.includes("Re-optimizing dependencies")) {
		console.log(`  WARNING: ${who} ${kind} re-optimized Vite's dependencies (a shared or changed Vite cache)`);
	}
	console.log(
		`  ${`${who} ${kind}`.padEnd(20)} ${fmt(m.wallS)} s wall, CPU ${fmt(m.treeCpuS)} s tree / ${fmt(m.cpuS)} s waited, peak PSS ${fmt(m.peakPssMb, 0)} MB / RSS ${fmt(m.peakRssMb, 0)} MB, ${m.pages} pages${m.diagramS === undefined ? "" : `, diagrams ${fmt(m.diagramS)} s (Chromium CPU ${fmt(m.browserCpuS)} s)`}; load ${loadText(loadBefore)} → ${loadText(loadAfter)}`,
	);
	return m;
}

// The workload: one Flowbook project with the guides; the floor reads the same MDX files, so an edit hits both.
rmSync(out, { recursive: true, force: true });
makeProject(flowbookDir);
let translated = 0;
for (let i = 0; i < GUIDES; i++) {
	writeFileSync(join(pagesDir, `${slug(i)}.mdx`), guidePage(i));
	if (TRANSLATE_EVERY > 0 && i % TRANSLATE_EVERY === 0) {
		writeFileSync(join(pagesDir, "id", `${slug(i)}.mdx`), guidePage(i, "id"));
		translated++;
	}
}
makeFloor(floorDir, pagesDir);
console.log(
	`guides: ${GUIDES} guides (one 13-node mermaid flowchart each), ${translated} translated, plus the sample content; ${CORES} cores; load ${loadText(loadavg())}`,
);

const edited = join(pagesDir, `${slug(0)}.mdx`);
const original = readFileSync(edited, "utf8");
let routesMatch: boolean | undefined;
for (let r = 0; r < RUNS; r++) {
	clearFloorCaches(floorDir);
	await measure("floor", "clean", r);
	clearBuildCaches(flowbookDir);
	await measure("flowbook", "clean", r);
	if (r === 0) {
		// Both builds must write the same guide pages, or the ratios compare different work.
		const floor = guideRoutes(htmlFiles(floorDir));
		const flowbook = guideRoutes(htmlFiles(flowbookDir));
		routesMatch = floor.length === flowbook.length && floor.every((f, i) => f === flowbook[i]);
		console.log(
			routesMatch
				? `  guide routes: the same ${floor.length} in both builds`
				: `  guide routes DIFFER: floor ${floor.length}, Flowbook ${flowbook.length}`,
		);
	}
	await measure("floor", "warm", r);
	await measure("flowbook", "warm", r);
	writeFileSync(edited, editGuideProse(original, `Edited for the rebuild benchmark, run ${r + 1}.`));
	await measure("floor", "edit", r);
	await measure("flowbook", "edit", r);
	if (!args["no-pdf"]) await measure("flowbook-pdf", "warm", r);
}
writeFileSync(edited, original);

const { table, notes, targets } = guidesReport(results, CORES);
console.log("");
for (const line of [...table, "", ...notes]) console.log(line);

const cpu = cpus()[0]?.model ?? "?";
writeFileSync(
	join(out, "result.json"),
	`${JSON.stringify(
		{
			options: { guides: GUIDES, translateEvery: TRANSLATE_EVERY, translated, runs: RUNS },
			machine: { cpu, cores: CORES, memoryGiB: totalmem() / 2 ** 30, node: process.version },
			routesMatch,
			builds: results,
			table,
			targets,
		},
		null,
		"\t",
	)}\n`,
);
console.log(`  logs and result.json in ${out}`);
