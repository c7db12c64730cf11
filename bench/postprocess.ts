/**
 * Node's post-processing of freshly drawn diagrams (src/lib/render/postprocess.ts), on a corpus of raw Mermaid SVGs:
 *
 *   node_modules/.bin/node bench/postprocess.ts dump <dir> [--guides 24]
 *     draws the guide fences (bench/generate.ts guideFence), the Mermaid and flowchart fixtures under tests/fixtures
 *     once in Chromium and writes each raw SVG as <dir>/<name>.json ({ svg, title }). Other raw SVGs (a build's
 *     site diagrams) can be dropped in the same folder in the same form.
 *   node_modules/.bin/node bench/postprocess.ts compare <dir> <old postprocess.ts> [<new postprocess.ts>] [--runs 5]
 *     runs both versions over the corpus alternately (old, new, old, new, …), checks that every output is the same
 *     bytes and prints the CPU (user + system, process.cpuUsage) per diagram, median of the runs, with the load.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadFlowchartSource } from "../src/lib/load/load-flowcharts.ts";
import { compileFlowchart } from "../src/lib/mermaid/compile.ts";
import { createMermaidRenderer } from "../src/lib/render/renderer.ts";
import { benchArgs } from "./args.ts";
import { guideFence } from "./generate.ts";

const USAGE =
	"usage: node_modules/.bin/node bench/postprocess.ts dump <dir> [--guides 24] | compare <dir> <old postprocess.ts> [<new postprocess.ts>] [--runs 5]";
const { values: args, positionals } = benchArgs(USAGE, {
	args: process.argv.slice(2),
	allowPositionals: true,
	options: { guides: { type: "string", default: "24" }, runs: { type: "string", default: "5" } },
});
const [mode, dir, oldModule, newModule = "../src/lib/render/postprocess.ts"] = positionals;

interface Raw {
	svg: string;
	title?: string;
}

/** Mermaid sources to draw: guide fences, then the fixtures that render (.mmd, valid flowcharts). */
function corpusSources(guides: number): [string, string][] {
	const out: [string, string][] = [];
	for (let i = 0; i < guides; i++) out.push([`guide-${i}`, guideFence(i).slice(1, -1).join("\n")]);
	for (const folder of ["tests/fixtures/mermaid", "tests/fixtures/render"]) {
		for (const file of readdirSync(folder).filter((f) => f.endsWith(".mmd")))
			out.push([`mmd-${file}`, readFileSync(join(folder, file), "utf8")]);
	}
	for (const folder of [
		"tests/fixtures/flowcharts",
		"tests/fixtures/flowcharts/several-ok",
		"tests/fixtures/mermaid",
	]) {
		for (const file of readdirSync(folder).filter((f) => f.endsWith(".yaml"))) {
			const fc = loadFlowchartSource(join(folder, file), readFileSync(join(folder, file), "utf8")).flowchart;
			if (fc) out.push([`yaml-${folder.split("/").pop()}-${file}`, compileFlowchart(fc, { href: (id) => `#${id}` })]);
		}
	}
	return out;
}

async function dump(target: string): Promise<void> {
	mkdirSync(target, { recursive: true });
	const sources = corpusSources(Number(args.guides));
	const renderer = createMermaidRenderer();
	try {
		const results = await renderer.render(sources.map(([id, source]) => ({ id, source })));
		results.forEach((result, i) => {
			const [name] = sources[i] as [string, string];
			if ("svg" in result) writeFileSync(join(target, `${name}.json`), JSON.stringify({ svg: result.svg }));
			else console.log(`${name}: not drawn (${JSON.stringify(result).slice(0, 120)})`);
		});
	} finally {
		await renderer.close();
	}
	console.log(`${readdirSync(target).length} raw SVGs in ${target}`);
}

type Postprocess = (svg: string, options?: { title?: string }) => string;

async function load(module: string): Promise<Postprocess> {
	const url =
		module.startsWith(".") && !module.startsWith("./")
			? new URL(module, import.meta.url)
			: pathToFileURL(resolve(module));
	return ((await import(url.href)) as { postprocessSvg: Postprocess }).postprocessSvg;
}

function cpuMs(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function compare(corpus: string, oldPath: string, newPath: string): Promise<void> {
	const raws: Raw[] = readdirSync(corpus)
		.filter((f) => f.endsWith(".json"))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(corpus, f), "utf8")) as Raw);
	const versions = { old: await load(oldPath), new: await load(newPath) };
	const pass = (run: Postprocess) => raws.map((r) => run(r.svg, r.title ? { title: r.title } : {}));
	const outOld = pass(versions.old);
	const outNew = pass(versions.new);
	const differ = outOld.flatMap((o, i) => (o === outNew[i] ? [] : [i]));
	console.log(`${raws.length} diagrams, ${differ.length} differ${differ.length ? `: ${differ.join(", ")}` : ""}`);
	const cpu: Record<"old" | "new", number[]> = { old: [], new: [] };
	for (let run = 0; run < Number(args.runs); run++) {
		for (const name of ["old", "new"] as const) {
			const t = cpuMs();
			pass(versions[name]);
			cpu[name].push((cpuMs() - t) / raws.length);
		}
	}
	const loadavg = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
	const line = (name: "old" | "new") =>
		`${name}: median ${median(cpu[name]).toFixed(2)} ms CPU a diagram (runs: ${cpu[name].map((x) => x.toFixed(2)).join(", ")})`;
	console.log(`${line("old")}\n${line("new")}\nload ${loadavg}`);
}

if (mode === "dump" && dir) await dump(dir);
else if (mode === "compare" && dir && oldModule) await compare(dir, oldModule, newModule);
else {
	process.stderr.write(`${USAGE}\n`);
	process.exitCode = 2;
}
