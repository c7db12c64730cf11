/**
 * `node src/cli/diff.ts <base-ref> [--root DIR]`: what changed in the flowcharts since `base-ref`,
 * as Markdown with annotated Mermaid diagrams, for a pull-request comment. Exit 1 when the ref
 * cannot be read, 2 on bad usage or an unexpected failure.
 */
import { runDiff } from "./diff-run.ts";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
	try {
		return await runDiff(argv, {
			cwd: process.cwd(),
			stdout: (text) => process.stdout.write(text),
			stderr: (line) => process.stderr.write(`${line}\n`),
		});
	} catch (error) {
		process.stderr.write(`diff: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
}

if (import.meta.main) process.exitCode = await main();
