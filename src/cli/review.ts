/**
 * `node src/cli/review.ts <flowchart-id> [--root DIR]`: prints the review checklist (Markdown).
 * Exit 1 for an unknown or broken flowchart, 2 on bad usage or an unexpected failure.
 */
import { runReview } from "./review-run.ts";

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
	try {
		return await runReview(argv, {
			cwd: process.cwd(),
			env: process.env,
			stdout: (text) => process.stdout.write(text),
			stderr: (line) => process.stderr.write(`${line}\n`),
		});
	} catch (error) {
		process.stderr.write(`review: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
}

if (import.meta.main) process.exitCode = await main();
