/**
 * The `validate` command as a pure function of its arguments and I/O, so tests can run it
 * without spawning a process. Exit codes: 0 clean or warnings only, 1 errors, 2 bad usage or crash.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { checkContent } from "../lib/check.ts";
import { defineFlowbookConfig, type FlowbookConfig } from "../lib/config.ts";
import { type Diagnostic, formatDiagnostic, formatGithubAnnotation } from "../lib/diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";

export interface ValidateIO {
	/** Directory `--root` is resolved against. */
	cwd: string;
	/** Receives one line (without trailing newline) at a time. */
	stdout: (line: string) => void;
	stderr: (line: string) => void;
	/** Colour the text format (callers pass `process.stdout.isTTY && !NO_COLOR`). */
	color?: boolean;
	/** Environment for the project settings (FLOWBOOK_STRICT, FLOWBOOK_TODAY); default none. */
	env?: Record<string, string | undefined>;
}

const USAGE =
	"usage: validate [--root DIR] [--dir content/flowcharts] [--format text|github]   (--dir checks only the flowcharts in DIR)";

export async function runValidate(args: readonly string[], io: ValidateIO): Promise<number> {
	try {
		let values: { root?: string; dir?: string; format?: string; help?: boolean };
		try {
			({ values } = parseArgs({
				args: [...args],
				options: {
					root: { type: "string" },
					dir: { type: "string" },
					format: { type: "string" },
					help: { type: "boolean", short: "h" },
				},
				strict: true,
				allowPositionals: false,
			}));
		} catch (error) {
			io.stderr(`validate: ${oneLine(error)}`);
			io.stderr(USAGE);
			return 2;
		}
		if (values.help) {
			io.stdout(USAGE);
			return 0;
		}
		const format = values.format ?? "text";
		if (format !== "text" && format !== "github") {
			io.stderr(`validate: unknown format ${JSON.stringify(format)}; use text or github`);
			return 2;
		}

		const root = resolve(io.cwd, values.root ?? ".");
		// The whole project exactly as the build checks it; `--dir` checks one folder of flowcharts only.
		const config = values.dir === undefined ? await projectConfig(root, io.env ?? {}) : undefined;
		const { flowcharts, diagnostics, failed } = config
			? await checkContent(root, config)
			: { ...(await loadFlowcharts(root, values.dir)), failed: false };

		for (const d of diagnostics) {
			io.stdout(format === "github" ? formatGithubAnnotation(d) : colorize(formatDiagnostic(d), d, io.color === true));
		}
		io.stdout(
			summary(
				diagnostics,
				countFiles(
					flowcharts.map((f) => f.file),
					diagnostics,
				),
			) + (config?.strict ? " (strict)" : ""),
		);
		return failed || diagnostics.some((d) => d.severity === "error") ? 1 : 0;
	} catch (error) {
		io.stderr(`validate: unexpected failure: ${oneLine(error)}`);
		return 2;
	}
}

/** The project's `flowbook.config.ts` when `root` has one (its `strict`, `reviewEvery`), else the defaults. */
async function projectConfig(root: string, env: Record<string, string | undefined>): Promise<FlowbookConfig> {
	const file = join(root, "flowbook.config.ts");
	if (!existsSync(file)) return defineFlowbookConfig({}, env);
	const loaded = (await import(pathToFileURL(file).href)) as { default?: FlowbookConfig };
	return loaded.default ?? defineFlowbookConfig({}, env);
}

/** Files seen: the valid ones plus those that produced diagnostics (not the folder itself). */
function countFiles(valid: readonly string[], diagnostics: readonly Diagnostic[]): number {
	const files = new Set(valid);
	for (const d of diagnostics) if (/\.ya?ml$/i.test(d.file)) files.add(d.file);
	return files.size;
}

export function summary(diagnostics: readonly Diagnostic[], flowchartCount: number): string {
	const errors = diagnostics.filter((d) => d.severity === "error").length;
	const warnings = diagnostics.length - errors;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
	return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(flowchartCount, "flowchart")}`;
}

function colorize(text: string, d: Diagnostic, enabled: boolean): string {
	if (!enabled) return text;
	const code = d.severity === "error" ? "31" : "33";
	return text
		.replace(` ${d.severity}: `, ` \u001b[1;${code}m${d.severity}\u001b[0m: `)
		.replace(/\n {2}hint: /, "\n  \u001b[2mhint:\u001b[0m ");
}

function oneLine(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.replace(/\s+/g, " ").trim();
}
