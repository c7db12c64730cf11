/**
 * `node src/cli/validate.ts [--root DIR] [--format text|github]`: runs every content check of the
 * build (flowcharts, pages, FAQ, onboarding, labels, metrics, reviews) and prints all problems.
 * Exit 1 on errors (or warnings when strict), 2 on bad usage or an unexpected failure.
 */
import { runValidate } from "./validate-run.ts";

try {
	const code = await runValidate(process.argv.slice(2), {
		cwd: process.cwd(),
		stdout: (line) => process.stdout.write(`${line}\n`),
		stderr: (line) => process.stderr.write(`${line}\n`),
		color: process.stdout.isTTY === true && !process.env.NO_COLOR,
		env: process.env,
	});
	process.exitCode = code;
} catch (error) {
	process.stderr.write(`validate: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
}
