/**
 * `node src/cli/import.ts <file.bpmn> [--id ID]`: writes content/flowcharts/<id>.yaml from another
 * tool's diagram, reporting what it could not carry over. Exit 1 on problems, 2 on bad usage.
 */
import { runImport } from "../lib/interchange/import-run.ts";

try {
	process.exitCode = await runImport(process.argv.slice(2), {
		cwd: process.cwd(),
		stdout: (text) => process.stdout.write(text),
		stderr: (line) => process.stderr.write(`${line}\n`),
	});
} catch (error) {
	process.stderr.write(`import: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
