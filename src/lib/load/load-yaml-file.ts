/**
 * Any YAML content file (FAQ, onboarding path, label sets) checked against its
 * Zod schema with the same located, friendly messages as flowcharts.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type FriendlyIssue, friendlyIssues } from "../schema/error-map.ts";
import { type DataPath, type Locator, parseYaml } from "./parse-yaml.ts";
import { decodeText } from "./read-text.ts";

export interface YamlFileResult<T> {
	data?: T;
	/** The parsed YAML before the schema, when it could be read: checks of what did parse use it. */
	value?: unknown;
	/** Where the schema rejected the value, when it did. */
	issuePaths?: DataPath[];
	locate: Locator;
	diagnostics: Diagnostic[];
}

/** Schema problems as located diagnostics: the one converter from Zod issues to what authors read. */
export function issueDiagnostics(file: string, issues: readonly FriendlyIssue[], locate: Locator): Diagnostic[] {
	return issues.map((issue) => {
		const pos = locate(issue.path, issue.target);
		return {
			severity: "error",
			file,
			...(pos ? { line: pos.line, column: pos.column } : {}),
			message: issue.message,
			...(issue.hint ? { hint: issue.hint } : {}),
			code: issue.code,
		};
	});
}

/**
 * YAML text → schema-checked data, the located diagnostics and the parsed value (kept when the
 * schema rejects it, for checks of what did parse). `emptyHint` says what an empty file should hold.
 */
export function loadYamlSource<S extends z.ZodType>(
	schema: S,
	file: string,
	source: string,
	emptyHint?: string,
): YamlFileResult<z.output<S>> {
	const parsed = parseYaml(file, source);
	const diagnostics = [...parsed.diagnostics];
	if (!("value" in parsed) || parsed.value === undefined || parsed.value === null) {
		if (diagnostics.length === 0) {
			diagnostics.push({
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "empty-file",
				message: "the file is empty",
				...(emptyHint ? { hint: emptyHint } : {}),
			});
		}
		return { locate: parsed.locate, diagnostics };
	}
	const result = schema.safeParse(parsed.value);
	if (!result.success) {
		const issues = friendlyIssues(result.error.issues, parsed.value, schema);
		diagnostics.push(...issueDiagnostics(file, issues, parsed.locate));
		return { value: parsed.value, issuePaths: issues.map((i) => i.path), locate: parsed.locate, diagnostics };
	}
	return { data: result.data, value: parsed.value, locate: parsed.locate, diagnostics };
}

/**
 * Reads `file` (project-relative) under `rootDir` and loads it like `loadYamlSource`, refusing a
 * file that is not UTF-8. Undefined when the file does not exist (most content files are optional).
 */
export async function loadYamlFile<S extends z.ZodType>(
	schema: S,
	rootDir: string,
	file: string,
): Promise<YamlFileResult<z.output<S>> | undefined> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(join(rootDir, file));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
		const reason = (error as NodeJS.ErrnoException).code ?? String(error);
		const diagnostic: Diagnostic = {
			severity: "error",
			file,
			code: "read-error",
			message: `the file cannot be read (${reason})`,
			hint: "Check that the file exists and is readable.",
		};
		return { locate: () => undefined, diagnostics: [diagnostic] };
	}
	const decoded = decodeText(file, bytes);
	if (decoded.diagnostic) return { locate: () => undefined, diagnostics: [decoded.diagnostic] };
	return loadYamlSource(schema, file, decoded.text);
}
