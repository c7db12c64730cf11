/**
 * Command-line options of the bench scripts, read the way the CLIs in src/cli read theirs: `--help` prints the
 * script's usage and exits 0; an unknown option or a missing value says what was wrong, prints the usage and exits 2,
 * without a stack trace.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

/** What a bench script gets back: its options' values (and positionals, when allowed). */
export type BenchArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

export interface BenchArgsIo {
	stdout(text: string): void;
	stderr(text: string): void;
	exit(code: number): never;
}

const processIo: BenchArgsIo = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	exit: (code) => process.exit(code),
};

export function benchArgs<T extends ParseArgsConfig>(
	usage: string,
	config: T,
	io: BenchArgsIo = processIo,
): BenchArgs<T> {
	const argv = config.args ?? process.argv.slice(2);
	if (argv.includes("--help") || argv.includes("-h")) {
		io.stdout(`${usage}\n`);
		return io.exit(0);
	}
	try {
		// The same configuration with the arguments made explicit, so the result has the caller's option types.
		return parseArgs({ ...config, args: argv } as T);
	} catch (error) {
		io.stderr(`bench: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
		return io.exit(2);
	}
}
