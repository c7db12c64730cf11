/**
 * The `export:crm` command as a function of its arguments and I/O, so tests run it without a process.
 * Exit codes: 0 written (warnings allowed), 1 content errors (nothing written), 2 bad usage or a crash.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isLang, type Lang } from "../../i18n/ui.ts";
import { formatDiagnostic } from "../diagnostics/diagnostic.ts";
import { type CrmFormat, crmFormats, exportCrm } from "./crm-export.ts";

export interface ExportCrmIO {
	cwd: string;
	stdout: (line: string) => void;
	stderr: (line: string) => void;
}

const USAGE =
	"usage: export:crm <flowchart-id> --format salesforce|hubspot [--out DIR] [--lang en|id] [--root DIR]   (default --out crm-export/<id>)";

function oneLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

export async function runExportCrm(args: readonly string[], io: ExportCrmIO): Promise<number> {
	let parsed: ReturnType<typeof parse>;
	try {
		parsed = parse(args);
	} catch (error) {
		io.stderr(`export:crm: ${oneLine(error)}`);
		io.stderr(USAGE);
		return 2;
	}
	if (parsed === "help") {
		io.stdout(USAGE);
		return 0;
	}
	try {
		const root = resolve(io.cwd, parsed.root);
		const result = await exportCrm(root, parsed.id, parsed.format, parsed.lang);
		for (const d of result.diagnostics) io.stderr(formatDiagnostic(d));
		if (!result.files) {
			io.stderr("export:crm: nothing written; fix the errors above.");
			return 1;
		}
		const out = resolve(io.cwd, parsed.out ?? join("crm-export", parsed.id));
		for (const [name, text] of Object.entries(result.files)) {
			const target = join(out, name);
			await mkdir(dirname(target), { recursive: true });
			await writeFile(target, text);
			const shown = relative(io.cwd, target);
			io.stdout(`wrote ${shown.startsWith("..") ? target : shown}`);
		}
		for (const s of result.stages ?? []) {
			const p = s.probability;
			const why = p
				? ` ${percent(p.value)} (${p.source === "history" ? `${p.closedDeals} closed deals` : p.source})`
				: "";
			io.stdout(`  ${s.name} → ${s.step}${why}`);
		}
		return 0;
	} catch (error) {
		io.stderr(`export:crm: unexpected failure: ${oneLine(error)}`);
		return 2;
	}
}

function parse(args: readonly string[]) {
	const { values, positionals } = parseArgs({
		args: [...args],
		options: {
			format: { type: "string" },
			out: { type: "string" },
			lang: { type: "string" },
			root: { type: "string" },
			help: { type: "boolean", short: "h" },
		},
		strict: true,
		allowPositionals: true,
	});
	if (values.help) return "help" as const;
	if (positionals.length !== 1) throw new Error("give exactly one flowchart id, e.g. b2b");
	const format = values.format;
	if (!crmFormats.includes(format as CrmFormat)) {
		throw new Error(`--format must be ${crmFormats.join(" or ")}${format ? `, not ${JSON.stringify(format)}` : ""}`);
	}
	const lang = values.lang ?? "en";
	if (!isLang(lang)) throw new Error(`--lang must be en or id, not ${JSON.stringify(lang)}`);
	return {
		id: positionals[0] as string,
		format: format as CrmFormat,
		out: values.out,
		lang: lang as Lang,
		root: values.root ?? ".",
	};
}
