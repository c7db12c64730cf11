/**
 * `node src/cli/export.ts <flowchart-id> --format bpmn [--out FILE|-]`: writes the flowchart in
 * another tool's format. Exit 1 when the flowchart is missing or invalid, 2 on bad usage.
 */
import { runExport } from "../lib/interchange/export-run.ts";

try {
	process.exitCode = await runExport(process.argv.slice(2), {
		cwd: process.cwd(),
		stdout: (text) => process.stdout.write(text),
		stderr: (line) => process.stderr.write(`${line}\n`),
	});
} catch (error) {
	process.stderr.write(`export: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
