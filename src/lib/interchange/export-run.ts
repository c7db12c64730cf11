/**
 * The `export` command as a function of its arguments and I/O (tests call it directly):
 * `export <flowchart-id> --format bpmn|drawio [--out FILE|-] [--root DIR]`.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../load/load-flowcharts.ts";
import { exportBpmn } from "./bpmn-export.ts";
import { exportDrawioSvg } from "./drawio-export.ts";

export interface ExportIo {
	cwd: string;
	stdout: (text: string) => void;
	stderr: (line: string) => void;
}

const usage = "usage: npm run export -- <flowchart-id> --format bpmn|drawio [--out FILE|-] [--root DIR]";
const formats: Record<string, { ext: string; run: typeof exportBpmn }> = {
	bpmn: { ext: ".bpmn", run: exportBpmn },
	drawio: { ext: ".drawio.svg", run: exportDrawioSvg },
};

export async function runExport(args: readonly string[], io: ExportIo): Promise<number> {
	let parsed: ReturnType<typeof parse>;
	try {
		parsed = parse(args);
	} catch (error) {
		io.stderr(`export: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
		return 2;
	}
	const { id, format, out, root } = parsed;
	const target = formats[format];
	if (!id || !target) {
		io.stderr(
			`export: ${id ? `unknown format ${JSON.stringify(format)} (known: ${Object.keys(formats).join(", ")})` : "which flowchart?"}\n${usage}`,
		);
		return 2;
	}
	const rootDir = resolve(io.cwd, root);
	const { flowcharts, diagnostics } = await loadFlowcharts(rootDir);
	const fc = flowcharts.find((f) => f.id === id);
	if (!fc) {
		for (const d of diagnostics.filter((d) => d.file.endsWith(`/${id}.yaml`) || d.file.endsWith(`/${id}.yml`)))
			io.stderr(formatDiagnostic(d));
		const known = flowcharts.map((f) => f.id).join(", ") || "none";
		io.stderr(`export: no valid flowchart ${JSON.stringify(id)} in content/flowcharts (valid ones: ${known})`);
		return 1;
	}
	const text = await target.run(fc);
	if (out === "-") {
		io.stdout(text);
		return 0;
	}
	const file = resolve(io.cwd, out ?? `${id}${target.ext}`);
	await writeFile(file, text);
	io.stderr(`export: wrote ${out ?? `${id}${target.ext}`}`);
	return 0;
}

function parse(args: readonly string[]) {
	const { values, positionals } = parseArgs({
		args: [...args],
		allowPositionals: true,
		options: {
			format: { type: "string", default: "bpmn" },
			out: { type: "string" },
			root: { type: "string", default: "." },
		},
	});
	if (positionals.length > 1) throw new Error(`one flowchart at a time (got ${positionals.join(", ")})`);
	return { id: positionals[0], format: values.format, out: values.out, root: values.root };
}
