/**
 * Guides benchmark (`npm run bench -- guides`): `astro build` of the sample content plus N MDX guides with one
 * ```mermaid fence each, every k-th also translated to Indonesian (same fence), cold then warm. Prints wall and CPU
 * time (user + system of the build and its Chromium), since the machine is shared and wall time alone misleads.
 *
 *   node bench/run.ts guides [--guides 100] [--translate-every 2] [--runs 1] [--name guides]
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { mdxPage } from "./generate.ts";
import { type BuildRun, build, clearBuildCaches, makeProject, ROOT } from "./project.ts";

const { values: args } = parseArgs({
	args: process.argv.slice(3),
	options: {
		guides: { type: "string", default: "100" },
		"translate-every": { type: "string", default: "2" },
		runs: { type: "string", default: "1" },
		/** Folder under bench/out, so two variants can be measured side by side. */
		name: { type: "string", default: "guides" },
	},
});
const GUIDES = Number(args.guides);
const TRANSLATE_EVERY = Number(args["translate-every"]);
const RUNS = Math.max(1, Number(args.runs));

const load = () =>
	loadavg()
		.map((n) => n.toFixed(1))
		.join(" ");
const seconds = (run: BuildRun) => `${(run.ms / 1000).toFixed(1)} s wall, ${run.cpuS?.toFixed(1) ?? "?"} s CPU`;

const dir = join(ROOT, "bench", "out", args.name ?? "guides");
makeProject(dir);
let translated = 0;
for (let i = 0; i < GUIDES; i++) {
	const slug = `guide-${String(i + 1).padStart(4, "0")}`;
	const page = mdxPage(i, 1);
	writeFileSync(join(dir, "content", "pages", `${slug}.mdx`), page);
	if (TRANSLATE_EVERY > 0 && i % TRANSLATE_EVERY === 0) {
		writeFileSync(join(dir, "content", "pages", "id", `${slug}.mdx`), page.replace("Benchmark page", "Halaman uji"));
		translated++;
	}
}
console.log(`guides: ${GUIDES} guides with one mermaid fence each, ${translated} translated; load ${load()}`);
for (let r = 0; r < RUNS; r++) {
	clearBuildCaches(dir);
	const cold = await build(dir);
	writeFileSync(join(dir, "cold.log"), cold.output);
	console.log(`  cold (no diagram cache, no data store): ${seconds(cold)}; load ${load()}`);
	const warm = await build(dir);
	writeFileSync(join(dir, "warm.log"), warm.output);
	console.log(`  warm (nothing changed):                 ${seconds(warm)}; load ${load()}`);
}
console.log(`  build logs: ${join(dir, "cold.log")}, warm.log`);
