/**
 * Reads flowchart YAML files into validated data plus diagnostics. Framework-free: the Astro
 * site, the CLI and tests all go through here.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { friendlyIssues } from "../schema/error-map.ts";
import { FlowchartSchema, type LoadedFlowchart } from "../schema/flowchart.ts";
import { loadCleanFlowchart } from "../validate/fast-path.ts";
import { validateFlowchart } from "../validate/index.ts";
import { parseYaml } from "./parse-yaml.ts";

export interface LoadResult {
	/** Present when the file has no errors (warnings allowed). */
	flowchart?: LoadedFlowchart;
	diagnostics: Diagnostic[];
}

const yamlFile = /\.ya?ml$/i;

/** Flowchart id from its file name: `content/flowcharts/b2b.yaml` → `b2b`. */
export function flowchartId(file: string): string {
	const name = basename(file.replace(/\\/g, "/"));
	return name.slice(0, name.length - extname(name).length);
}

/**
 * Parses, schema-checks and graph-checks one file. `file` is the path relative to the project
 * root, used in diagnostics as given. The flowchart is returned only when there are no errors,
 * because its references cannot be trusted otherwise; every problem is in `diagnostics`.
 */
export function loadFlowchartSource(file: string, source: string): LoadResult {
	const path = file.replace(/\\/g, "/");
	const clean = loadCleanFlowchart(flowchartId(path), path, source);
	if (clean) return clean;
	const parsed = parseYaml(path, source);
	const diagnostics = parsed.diagnostics;
	if (!("value" in parsed)) return { diagnostics: sortDiagnostics(diagnostics) };

	if (parsed.value === null || parsed.value === undefined) {
		diagnostics.push({
			severity: "error",
			file: path,
			line: 1,
			column: 1,
			code: "empty-file",
			message: "the file is empty",
			hint: "Write a flowchart with `title:`, `roles:` and `steps:`, or delete the file.",
		});
		return { diagnostics };
	}

	const result = FlowchartSchema.safeParse(parsed.value);
	if (!result.success) {
		for (const issue of friendlyIssues(result.error.issues, parsed.value)) {
			const pos = parsed.locate(issue.path, issue.target);
			diagnostics.push({
				severity: "error",
				file: path,
				...(pos ? { line: pos.line, column: pos.column } : {}),
				message: issue.message,
				...(issue.hint ? { hint: issue.hint } : {}),
				code: issue.code,
			});
		}
		return { diagnostics: sortDiagnostics(diagnostics) };
	}

	const flowchart: LoadedFlowchart = { id: flowchartId(path), file: path, data: result.data };
	diagnostics.push(...validateFlowchart(flowchart, parsed.locate));
	const sorted = sortDiagnostics(diagnostics);
	return sorted.some((d) => d.severity === "error") ? { diagnostics: sorted } : { flowchart, diagnostics: sorted };
}

/**
 * Loads every `*.yaml`/`*.yml` in `dir` (relative to `rootDir`), in file-name order. Problems in
 * one file never stop the others: all diagnostics from all files come back together.
 */
export async function loadFlowcharts(
	rootDir: string,
	dir = "content/flowcharts",
): Promise<{ flowcharts: LoadedFlowchart[]; diagnostics: Diagnostic[] }> {
	const relDir = dir.replace(/\\/g, "/").replace(/\/+$/, "");
	const absDir = resolve(rootDir, dir);
	let names: string[];
	try {
		const entries = await readdir(absDir, { withFileTypes: true });
		names = entries
			.filter((e) => (e.isFile() || e.isSymbolicLink()) && yamlFile.test(e.name))
			.map((e) => e.name)
			.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {
			flowcharts: [],
			diagnostics: [
				{
					severity: "error",
					file: relDir,
					code: "missing-directory",
					message:
						code === "ENOENT"
							? `the flowchart folder ${relDir} does not exist`
							: code === "ENOTDIR"
								? `${relDir} is a file, not a folder`
								: `the flowchart folder ${relDir} cannot be read (${code ?? String(error)})`,
					hint: `Create ${relDir}/ and add one YAML file per sales process (e.g. ${relDir}/b2b.yaml), or run from the project root.`,
				},
			],
		};
	}

	const flowcharts: LoadedFlowchart[] = [];
	const diagnostics: Diagnostic[] = [];
	if (names.length === 0) {
		diagnostics.push({
			severity: "warning",
			file: relDir,
			code: "no-flowcharts",
			message: `no flowcharts found in ${relDir}`,
			hint: `Add one YAML file per sales process, e.g. ${relDir}/b2b.yaml.`,
		});
	}

	const sources = await Promise.all(
		names.map((name) =>
			readFile(join(absDir, name), "utf8").then(
				(text) => ({ name, text }),
				(error: NodeJS.ErrnoException) => ({ name, error }),
			),
		),
	);
	const seen = new Map<string, string>();
	for (const entry of sources) {
		const file = relDir === "." || relDir === "" ? entry.name : `${relDir}/${entry.name}`;
		if ("error" in entry) {
			diagnostics.push({
				severity: "error",
				file,
				code: "read-error",
				message: `the file cannot be read (${entry.error.code ?? entry.error.message})`,
				hint: "Check that the file exists and is readable.",
			});
			continue;
		}
		const id = flowchartId(file);
		const other = seen.get(id);
		if (other !== undefined) {
			diagnostics.push({
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "duplicate-flowchart",
				message: `flowchart id ${JSON.stringify(id)} is already used by ${other}`,
				hint: "Each flowchart's file name becomes its page address: rename or merge one of the files.",
			});
			continue;
		}
		seen.set(id, file);
		const loaded = loadFlowchartSource(file, entry.text);
		diagnostics.push(...loaded.diagnostics);
		if (loaded.flowchart) flowcharts.push(loaded.flowchart);
	}
	return { flowcharts, diagnostics: sortDiagnostics(diagnostics) };
}
