/**
 * The flowcharts at a git ref against the working tree, as Markdown for a pull-request comment.
 * Used by `src/cli/diff.ts`.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { conformanceMarkdown, replayConformance } from "../lib/diff/conformance.ts";
import { annotatedDiagram } from "../lib/diff/diagram.ts";
import { diffMarkdown, type FlowchartDiff } from "../lib/diff/markdown.ts";
import { parseFlowchartVersion } from "../lib/diff/parse.ts";
import { diffFlowcharts } from "../lib/diff/semantic-diff.ts";
import { GitError, git, gitListFiles, gitShow } from "../lib/git/git.ts";
import { flowchartId, loadFlowchartSource } from "../lib/load/load-flowcharts.ts";
import type { Flowchart, LoadedFlowchart } from "../lib/schema/flowchart.ts";

export interface DiffIo {
	cwd: string;
	stdout: (text: string) => void;
	stderr: (line: string) => void;
}

const usage = "usage: npm run diff -- <base-ref> [--root DIR] [--dir content/flowcharts] [--no-diagrams] [--no-replay]";
const yamlFile = /\.ya?ml$/i;

export interface FlowchartVersions {
	flowcharts: FlowchartDiff[];
	diagrams: Record<string, string>;
	notes: string[];
}

/** Compares every flowchart in `dir` at `ref` with the working tree under `rootDir`. */
export async function compareWithRef(
	rootDir: string,
	ref: string,
	options: { dir?: string; diagrams?: boolean; replay?: boolean; timing?: (line: string) => void } = {},
): Promise<FlowchartVersions> {
	const dir = (options.dir ?? "content/flowcharts").replace(/\/+$/, "");
	const before = new Map<string, Flowchart | undefined>();
	for (const path of gitListFiles(rootDir, ref, dir)) {
		const rest = path.slice(dir.length + 1);
		if (rest.includes("/") || !yamlFile.test(rest)) continue;
		const text = gitShow(rootDir, ref, path);
		before.set(flowchartId(path), text === undefined ? undefined : parseFlowchartVersion(text));
	}
	const after = new Map<string, { loaded?: LoadedFlowchart; file: string; problem?: string }>();
	let names: string[] = [];
	try {
		names = (await readdir(join(rootDir, dir))).filter((n) => yamlFile.test(n)).sort();
	} catch {
		// No flowchart folder in the working tree: every flowchart at the ref was removed.
	}
	for (const name of names) {
		const file = `${dir}/${name}`;
		const source = await readFile(join(rootDir, file), "utf8");
		const result = loadFlowchartSource(file, source);
		if (result.flowchart) {
			after.set(result.flowchart.id, { loaded: result.flowchart, file });
			continue;
		}
		// Invalid now: still describe what changed when the schema accepts it, and say it is invalid.
		const data = parseFlowchartVersion(source);
		const first = result.diagnostics.find((d) => d.severity === "error");
		const where = first?.line === undefined ? file : `${file}:${first.line}:${first.column ?? 1}`;
		after.set(flowchartId(file), {
			loaded: data ? { id: flowchartId(file), file, data } : undefined,
			file,
			problem: `\`${where}\` has errors (${first?.message ?? "not a valid flowchart"}); run \`npm run validate\`.`,
		});
	}
	const out: FlowchartVersions = { flowcharts: [], diagrams: {}, notes: [] };
	const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
	for (const id of ids) {
		const old = before.get(id);
		const now = after.get(id);
		if (now?.problem) out.notes.push(now.problem);
		if (before.has(id) && old === undefined) {
			out.notes.push(`\`${dir}/${id}\` at \`${ref}\` is not a valid flowchart, so it is compared as if it were new.`);
		}
		if (now && now.loaded === undefined) continue;
		const changes = diffFlowcharts(old, now?.loaded?.data);
		if (changes.length === 0) continue;
		const status = old === undefined ? "added" : now === undefined ? "removed" : "changed";
		const title = now?.loaded?.data.title ?? old?.title ?? id;
		const added = status === "added" ? now?.loaded?.data : undefined;
		const diff: FlowchartDiff = { id, file: now?.file ?? `${dir}/${id}.yaml`, title, status, changes, added };
		if (options.replay !== false && old && now?.loaded && !now.problem) {
			const replayed = await replayConformance(rootDir, ref, id, old, now.loaded.data);
			if (replayed && "problem" in replayed) {
				diff.conformance = [`The CRM export could not be replayed: ${replayed.problem}.`, ""];
			} else if (replayed) {
				diff.conformance = conformanceMarkdown(replayed, old, now.loaded.data);
				options.timing?.(`flowbook: conformance replay ${id} in ${replayed.ms.toFixed(1)} ms`);
			}
		}
		out.flowcharts.push(diff);
		if (options.diagrams !== false && now?.loaded) {
			out.diagrams[id] = annotatedDiagram(now.loaded, old, changes);
		}
	}
	return out;
}

export async function runDiff(argv: readonly string[], io: DiffIo): Promise<number> {
	let root = io.cwd;
	let dir = "content/flowcharts";
	let diagrams = true;
	let replay = true;
	const refs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === "--root" || arg === "--dir") {
			const value = argv[++i];
			if (value === undefined) {
				io.stderr(`diff: ${arg} needs a value\n${usage}`);
				return 2;
			}
			if (arg === "--root") root = resolve(io.cwd, value);
			else dir = value;
		} else if (arg === "--no-diagrams") diagrams = false;
		else if (arg === "--no-replay") replay = false;
		else if (arg === "--help" || arg === "-h") {
			io.stdout(`${usage}\n`);
			return 0;
		} else if (arg.startsWith("-")) {
			io.stderr(`diff: unknown option ${arg}\n${usage}`);
			return 2;
		} else refs.push(arg);
	}
	const ref = refs[0];
	if (ref === undefined || refs.length > 1) {
		io.stderr(`diff: give exactly one base ref, e.g. origin/main\n${usage}`);
		return 2;
	}
	try {
		git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
	} catch (error) {
		const reason =
			error instanceof GitError && error.code === "no-git"
				? "git is not installed"
				: `"${ref}" is not a commit, branch or tag in ${root} (in CI, fetch the base branch first, e.g. \`git fetch origin main\`)`;
		io.stderr(`diff: ${reason}`);
		return 1;
	}
	// FLOWBOOK_TIMING: what the replay costs, for docs/benchmarks.md.
	const timing = process.env.FLOWBOOK_TIMING ? io.stderr : undefined;
	const result = await compareWithRef(root, ref, { dir, diagrams, replay, ...(timing ? { timing } : {}) });
	let md = diffMarkdown(result.flowcharts, result.diagrams, { baseRef: ref });
	if (result.notes.length > 0) md += `\n**Notes**\n\n${result.notes.map((n) => `- ${n}`).join("\n")}\n`;
	io.stdout(md);
	return 0;
}
