/**
 * The `import` command as a function of its arguments and I/O (tests call it directly):
 * `import <file> [--id ID] [--root DIR]` writes `content/flowcharts/<id>.yaml`, never over a file.
 */
import { access, readFile, writeFile } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type Diagnostic, formatDiagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { flowchartIdPattern, loadFlowchartSource, suggestFileName } from "../load/load-flowcharts.ts";
import { type ImportResult, importBpmn } from "./bpmn-import.ts";
import { importDrawio } from "./drawio-import.ts";
import { flowchartYaml } from "./flowchart-yaml.ts";
import { importMermaid } from "./mermaid-import.ts";

export interface ImportIo {
	cwd: string;
	stdout: (text: string) => void;
	stderr: (line: string) => void;
}

const usage = "usage: npm run import -- <file.bpmn|.mmd|.drawio|.drawio.svg> [--id ID] [--root DIR]";
type Importer = (file: string, text: string, fallbackId: string) => Promise<ImportResult>;
const importers: [RegExp, Importer][] = [
	[/\.(bpmn|bpmn2|xml)$/i, importBpmn],
	[/\.(mmd|mermaid)$/i, importMermaid],
	[/\.(drawio|dio|drawio\.svg)$/i, importDrawio],
];

export async function runImport(args: readonly string[], io: ImportIo): Promise<number> {
	let options: ReturnType<typeof parse>;
	try {
		options = parse(args);
	} catch (error) {
		io.stderr(`import: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
		return 2;
	}
	const root = resolve(io.cwd, options.root);
	const shown = relative(io.cwd, resolve(io.cwd, options.file)).replace(/\\/g, "/");
	const importer = importers.find(([pattern]) => pattern.test(options.file))?.[1];
	if (!importer) {
		io.stderr(
			`${shown} error: unknown file type\n  hint: import reads BPMN 2.0 XML (.bpmn), Mermaid flowcharts (.mmd) and draw.io diagrams (.drawio, .drawio.svg).`,
		);
		return 1;
	}
	const text = await readFile(resolve(io.cwd, options.file), "utf8").catch((e: NodeJS.ErrnoException) => e);
	if (typeof text !== "string") {
		io.stderr(`${shown} error: the file cannot be read (${text.code ?? text.message})`);
		return 1;
	}
	const result = await importer(shown, text, suggestFileName(basename(shown).replace(/\..*$/, ""), ""));
	for (const d of result.diagnostics) io.stderr(formatDiagnostic(d));
	if (!result.data || hasErrors(result.diagnostics)) return 1;
	return write(result, options.id ?? result.id ?? "imported", root, shown, io);
}

async function write(result: ImportResult, id: string, root: string, source: string, io: ImportIo): Promise<number> {
	if (!flowchartIdPattern.test(id)) {
		io.stderr(
			`import: ${JSON.stringify(id)} cannot be a flowchart id\n  hint: pass --id with lower-case letters, digits, '-' and '_'.`,
		);
		return 2;
	}
	const target = `content/flowcharts/${id}.yaml`;
	const path = resolve(root, target);
	if (
		await access(path).then(
			() => true,
			() => false,
		)
	) {
		io.stderr(
			`${target} error: the file already exists; import never overwrites\n  hint: pass --id <new-id> to write content/flowcharts/<new-id>.yaml instead.`,
		);
		return 1;
	}
	const yaml = flowchartYaml(
		result.data as never,
		`Imported from ${basename(source)} by npm run import: check the warnings it printed.`,
	);
	const check = loadFlowchartSource(target, yaml);
	if (!check.flowchart) return invalid(check.diagnostics, io);
	await writeFile(path, yaml, { flag: "wx" });
	const steps = check.flowchart.data.steps.length;
	const warnings = result.diagnostics.length;
	io.stderr(
		`import: wrote ${target} (${steps} steps${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"} above` : ""})`,
	);
	return 0;
}

function invalid(diagnostics: readonly Diagnostic[], io: ImportIo): number {
	for (const d of diagnostics) io.stderr(formatDiagnostic(d));
	io.stderr("import: nothing written: the imported flowchart would not pass validation (problems above)");
	return 1;
}

function parse(args: readonly string[]) {
	const { values, positionals } = parseArgs({
		args: [...args],
		allowPositionals: true,
		options: { id: { type: "string" }, root: { type: "string", default: "." } },
	});
	const file = positionals[0];
	if (!file || positionals.length > 1) throw new Error(file ? "one file at a time" : "which file?");
	return { file, id: values.id, root: values.root };
}
