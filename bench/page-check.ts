/**
 * The content check on a clean cache (`node_modules/.bin/node bench/page-check.ts [--guides 100] [--runs 5]`): the
 * sample content plus N generated guides (bench/generate.ts, every 2nd also in Indonesian). Per run, each in a fresh
 * process so loading the parser counts: the page bodies alone and the build's whole check (`checkContent` without
 * fences), each after deleting the page-body cache, and `validate` (no cache; Mermaid's parser on every fence).
 * Prints wall and CPU of each run and the medians.
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { benchArgs } from "./args.ts";
import { guidePage } from "./generate.ts";
import { median } from "./guides-report.ts";
import { makeProject, ROOT } from "./project.ts";

type Part = "bodies" | "check" | "validate";
const PARTS: Part[] = ["bodies", "check", "validate"];

const USAGE = "usage: node_modules/.bin/node bench/page-check.ts [--guides 100] [--runs 5]";
const { values: args } = benchArgs(USAGE, {
	options: {
		guides: { type: "string", default: "100" },
		runs: { type: "string", default: "5" },
		/** Internal: time one part (`bodies`, `check`, `validate`) on the project in `--root`, print JSON. */
		part: { type: "string" },
		root: { type: "string" },
	},
});

async function runPart(part: Part, root: string): Promise<void> {
	const { PAGE_BODY_CACHE, checkPageBodies } = await import("../src/lib/content/page-bodies.ts");
	const options = { fences: false, cacheFile: PAGE_BODY_CACHE };
	if (part === "bodies") {
		const { loadPages } = await import("../src/lib/content/pages.ts");
		await checkPageBodies(
			root,
			(await loadPages(root)).pages.map((p) => p.file),
			options,
		);
	} else if (part === "check") {
		const { checkContent } = await import("../src/lib/check.ts");
		await checkContent(root, { strict: false }, options);
	} else {
		const { runValidate } = await import("../src/cli/validate-run.ts");
		await runValidate(["--root", root], { cwd: ROOT, stdout: () => {}, stderr: () => {} });
	}
}

if (args.part && args.root) {
	const started = performance.now();
	const cpu = process.cpuUsage();
	await runPart(args.part as Part, args.root);
	const used = process.cpuUsage(cpu);
	process.stdout.write(
		`${JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 })}\n`,
	);
	process.exit(0);
}

const dir = join(ROOT, "bench", "out", "page-check");
const node = join(ROOT, "node_modules", ".bin", "node");
const load = () =>
	loadavg()
		.map((n) => n.toFixed(1))
		.join(" ");
const s = (ms: number) => (ms / 1000).toFixed(2);

makeProject(dir);
for (let i = 0; i < Number(args.guides); i++) {
	const slug = `guide-${String(i + 1).padStart(4, "0")}`;
	writeFileSync(join(dir, "content", "pages", `${slug}.mdx`), guidePage(i));
	if (i % 2 === 0) writeFileSync(join(dir, "content", "pages", "id", `${slug}.mdx`), guidePage(i, "id"));
}
console.log(`page-check: ${args.guides} guides plus the sample content; load ${load()}`);

const times: Record<Part, { ms: number; cpuMs: number }[]> = { bodies: [], check: [], validate: [] };
for (let r = 0; r < Number(args.runs); r++) {
	const line: string[] = [];
	for (const part of PARTS) {
		rmSync(join(dir, ".cache", "flowbook", "checks"), { recursive: true, force: true });
		const out = execFileSync(node, [join(ROOT, "bench", "page-check.ts"), "--part", part, "--root", dir], {
			encoding: "utf8",
		});
		const time = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { ms: number; cpuMs: number };
		times[part].push(time);
		line.push(`${part} ${s(time.ms)} s wall / ${s(time.cpuMs)} s CPU`);
	}
	console.log(`  run ${r + 1}: ${line.join("; ")}; load ${load()}`);
}
const medians = PARTS.map(
	(part) =>
		`${part} ${s(median(times[part].map((t) => t.ms)) ?? 0)} s wall / ${s(median(times[part].map((t) => t.cpuMs)) ?? 0)} s CPU`,
);
console.log(`median: ${medians.join("; ")}`);
