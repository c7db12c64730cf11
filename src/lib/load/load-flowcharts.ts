/**
 * Reads flowchart YAML files into validated data plus diagnostics. Framework-free: the Astro
 * site, the CLI and tests all go through here.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { FlowchartSchema, type LoadedFlowchart } from "../schema/flowchart.ts";
import { validateFlowchart } from "../validate/index.ts";
import { loadCleanFlowchart } from "./fast-path.ts";
import { loadYamlSource } from "./load-yaml-file.ts";
import type { DataPath } from "./parse-yaml.ts";
import { explainedBySchema, partialFlowchart } from "./partial-flowchart.ts";
import { decodeText } from "./read-text.ts";

export interface LoadResult {
	/** Present when the file has no errors (warnings allowed). */
	flowchart?: LoadedFlowchart;
	diagnostics: Diagnostic[];
}

const yamlFile = /\.ya?ml$/i;

const EMPTY_HINT = "Write a flowchart with `title:`, `roles:` and `steps:`, or delete the file.";

/**
 * A flowchart's id is its page address and its Mermaid and search key: a safe slug, so every link
 * resolves under any base path (`%`, `#`, `?`, spaces, dots and non-ASCII letters do not).
 */
export const flowchartIdPattern = /^[a-z0-9][a-z0-9_-]*$/;

/** A file name that makes a safe id: `Résumé v2.yaml` → `resume-v2.yaml`. */
export function suggestFileName(id: string, ext = ".yaml"): string {
	const slug = id
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, "-")
		.replace(/^[-_]+|-+$/g, "");
	return `${slug || "my-process"}${ext}`;
}

function fileNameProblem(file: string, id: string): Diagnostic | undefined {
	if (flowchartIdPattern.test(id)) return undefined;
	return {
		severity: "error",
		file,
		code: "bad-file-name",
		message: `the file name ${JSON.stringify(basename(file))} cannot be a page address`,
		hint: `Rename it to ${suggestFileName(id, extname(file).toLowerCase())}: a flowchart's file name may hold only lower-case letters a-z, digits, '-' and '_'.`,
	};
}

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
	const loaded = loadYamlSource(FlowchartSchema, path, source, EMPTY_HINT);
	if (loaded.data === undefined) {
		// The references and graph of what did parse, in the same run; findings inside a rejected field are left out.
		const partial = loaded.issuePaths && partialFlowchart(loaded.value);
		if (partial) {
			const issuePaths = loaded.issuePaths ?? [];
			const fc = { id: flowchartId(path), file: path, data: partial.data };
			const skip = (p: DataPath, code: string) => explainedBySchema(p, code, issuePaths, partial.anonymous);
			loaded.diagnostics.push(...validateFlowchart(fc, loaded.locate, skip));
		}
		return { diagnostics: sortDiagnostics(loaded.diagnostics) };
	}

	const flowchart: LoadedFlowchart = { id: flowchartId(path), file: path, data: loaded.data };
	const sorted = sortDiagnostics([...loaded.diagnostics, ...validateFlowchart(flowchart, loaded.locate)]);
	return sorted.some((d) => d.severity === "error") ? { diagnostics: sorted } : { flowchart, diagnostics: sorted };
}

/**
 * Loads every `*.yaml`/`*.yml` in `dir` (relative to `rootDir`), in file-name order. Problems in
 * one file never stop the others: all diagnostics from all files come back together.
 */
export async function loadFlowcharts(
	rootDir: string,
	dir = "content/flowcharts",
): Promise<{ flowcharts: LoadedFlowchart[]; diagnostics: Diagnostic[]; broken: string[] }> {
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
			broken: [],
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
			readFile(join(absDir, name)).then(
				(bytes) => ({ name, bytes }),
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
		const badName = fileNameProblem(file, id);
		if (badName) {
			diagnostics.push(badName);
			continue;
		}
		const decoded = decodeText(file, entry.bytes);
		if (decoded.diagnostic) {
			diagnostics.push(decoded.diagnostic);
			continue;
		}
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
		const loaded = loadFlowchartSource(file, decoded.text);
		diagnostics.push(...loaded.diagnostics);
		if (loaded.flowchart) flowcharts.push(loaded.flowchart);
	}
	// Files that exist but did not load: their own errors say why, so a reference to one elsewhere is not another.
	const broken = [...seen.keys()].filter((id) => !flowcharts.some((fc) => fc.id === id));
	return { flowcharts, diagnostics: sortDiagnostics(diagnostics), broken };
}
