// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * Streams CRM CSV exports into an EventStore. Every row that cannot be used as-is is counted under a
 * reason and reported with the file:line of its first occurrence; nothing is dropped silently.
 *
 * Policies:
 * - unknown stage, missing stage, missing deal id, unparseable date, too few columns: row dropped;
 * - non-numeric or negative amount: the stage change is kept, the amount ignored;
 * - duplicate (same deal, step and time as an earlier row): the extra copy is dropped;
 * - out of time order within a deal (earlier than a previous row of the same deal, in file order):
 *   reported, then sorted into place and used;
 * - stages listed in `ignore_stages`: counted in `ignored`, not a problem.
 * Severity is `warning`, or `error` when the mapping says `strict: true`.
 */
import { readdir, stat } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { closest } from "../validate/suggest.ts";
import { readCsv } from "./csv.ts";
import { EventColumns, type EventStore, groupByDeal } from "./events.ts";
import type { Mapping } from "./mapping.ts";
import { parseAmount, parseTimestamp } from "./parse.ts";

/** What happens to rows with a given problem. */
export type IssueAction = "dropped" | "extra copy dropped" | "amount ignored" | "sorted and used";

/** One group of bad rows sharing a reason. */
export interface DataIssue {
	/** Stable machine id, e.g. `unknown-stage`. */
	code: string;
	/** Human reason, e.g. "unknown stage 'Demo Scheduled'". */
	reason: string;
	count: number;
	/** First occurrence. */
	file: string;
	line: number;
	action: IssueAction;
}

/** Everything the site needs to show a bad-data report. */
export interface DataQualityReport {
	/** Data rows read (header lines excluded). */
	rows: number;
	/** Rows that became events (after dropping bad rows and duplicates). */
	used: number;
	/** Problem groups, in a stable order (by code order, then first file and line). */
	issues: DataIssue[];
	/** Rows of stages deliberately ignored via `ignore_stages`, by CRM stage name. */
	ignored: { stage: string; count: number }[];
	/** CSV files read, project-relative. */
	files: string[];
}

export interface IngestResult {
	store: EventStore;
	report: DataQualityReport;
	diagnostics: Diagnostic[];
}

/** One CSV to read: where it is on disk and how to name it in reports. */
export interface CsvSource {
	path: string;
	/** Project-relative path with forward slashes, e.g. `content/metrics/b2b/2026-h1.csv`. */
	file: string;
}

const issueOrder = [
	"csv-syntax",
	"missing-columns",
	"missing-deal",
	"missing-stage",
	"unknown-stage",
	"bad-date",
	"bad-amount",
	"negative-amount",
	"duplicate",
	"out-of-order",
];

const actions: Record<string, IssueAction> = {
	"csv-syntax": "dropped",
	"missing-columns": "dropped",
	"missing-deal": "dropped",
	"missing-stage": "dropped",
	"unknown-stage": "dropped",
	"bad-date": "dropped",
	"bad-amount": "amount ignored",
	"negative-amount": "amount ignored",
	duplicate: "extra copy dropped",
	"out-of-order": "sorted and used",
};

const hints: Record<string, string> = {
	"missing-columns": "The row has fewer cells than the header; check the export for broken lines.",
	"missing-deal": "Every row needs a deal id; check the deal id column in mapping.yaml.",
	"missing-stage": "Every row needs a stage; check the stage column in mapping.yaml.",
	"unknown-stage": "Map the CRM stage to a step under `stages:` in mapping.yaml, or list it under `ignore_stages:`.",
	"bad-date": "Check `timestamp_format` in mapping.yaml (iso, us, eu, unix or unix_ms).",
	"bad-amount": "Amounts must be numbers; the stage change is kept without the amount.",
	"negative-amount": "Amounts cannot be negative; the stage change is kept without the amount.",
	duplicate: "The export repeats a row; the extra copy is ignored.",
	"out-of-order": "Rows of a deal should be in time order; they were sorted and used.",
	"csv-syntax":
		"Fix the CSV syntax (often a quote that is never closed); this row was dropped, the rows after it were read.",
};

/** CSV files in a folder, sorted by name (so several exports combine in a stable order). */
export async function csvFilesIn(dir: string, relDir: string): Promise<CsvSource[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return [];
	}
	return names
		.filter((n) => n.toLowerCase().endsWith(".csv"))
		.sort()
		.map((n) => ({ path: `${dir}/${n}`, file: `${relDir}/${n}` }));
}

/** Streams the sources through the mapping into an EventStore plus a bad-data report. */
export async function ingestCsv(
	sources: readonly CsvSource[],
	mapping: Mapping,
	flowchart: Flowchart,
): Promise<IngestResult> {
	const stepIds = flowchart.steps.map((s) => s.id);
	const stepIndex = new Map(stepIds.map((s, i) => [s, i]));
	const IGNORED = -2;
	const UNKNOWN = -1;
	const stageByName = new Map<string, number>();
	for (const [crm, step] of Object.entries(mapping.stages))
		stageByName.set(crm.trim().toLowerCase(), stepIndex.get(step) ?? UNKNOWN);
	for (const crm of mapping.ignore_stages) stageByName.set(crm.trim().toLowerCase(), IGNORED);
	// Raw cell text → step number; CRM exports repeat a handful of names, so this skips lower-casing per row.
	const stageCache = new Map<string, number>();
	const known = [...Object.keys(mapping.stages), ...mapping.ignore_stages];
	const stageSuggestion = (name: string) => {
		const match = closest(name, known);
		return match === undefined ? "" : ` (did you mean '${match}'?)`;
	};
	const lookupStage = (raw: string) => {
		let v = stageCache.get(raw);
		if (v === undefined) {
			v = stageByName.get(raw.trim().toLowerCase()) ?? UNKNOWN;
			stageCache.set(raw, v);
		}
		return v;
	};

	// About 55 bytes a row in typical exports; sizing up front avoids growing (and copying) the columns.
	let bytes = 0;
	for (const source of sources)
		bytes += await stat(source.path).then(
			(s) => s.size,
			() => 0,
		);
	const columns = new EventColumns(bytes / 55);
	const dealIndex = new Map<string, number>();
	const ownerIndex = new Map<string, number>();
	const files: string[] = [];
	let lastAt = new Float64Array(1024);
	const groups = new Map<string, DataIssue>();
	const ignored = new Map<string, number>();
	const diagnostics: Diagnostic[] = [];
	const severity = mapping.strict ? "error" : "warning";
	let rows = 0;

	// Grouped per file and case-insensitively, like stage matching; the first spelling seen is shown.
	// A group never spans files, so every bad row is found at its own file's first line.
	const report = (code: string, reason: string, file: string, line: number) => {
		const key = `${file}\u0000${code}\u0000${reason.toLowerCase()}`;
		const g = groups.get(key);
		if (g) g.count++;
		else groups.set(key, { code, reason, count: 1, file, line, action: actions[code] ?? "dropped" });
	};

	for (const source of sources) {
		const fileNo = files.length;
		files.push(source.file);
		let header: string[] | undefined;
		let cDeal = -1;
		let cStage = -1;
		let cTime = -1;
		let cAmount = -1;
		let cOwner = -1;
		let need = 0;
		let skipFile = false;
		const onRecord = (record: string[], line: number) => {
			if (skipFile) return null;
			if (header === undefined) {
				header = record.map((h) => h.trim().toLowerCase());
				const find = (name: string | undefined) =>
					name === undefined ? -1 : header!.indexOf(name.trim().toLowerCase());
				cDeal = find(mapping.columns.deal);
				cStage = find(mapping.columns.stage);
				cTime = find(mapping.columns.timestamp);
				cAmount = find(mapping.columns.amount);
				cOwner = find(mapping.columns.owner);
				const missing = (["deal", "stage", "timestamp", "amount", "owner"] as const).filter(
					(k, i) => mapping.columns[k] !== undefined && [cDeal, cStage, cTime, cAmount, cOwner][i] === -1,
				);
				if (missing.length > 0) {
					skipFile = true;
					diagnostics.push({
						severity: "error",
						file: source.file,
						line,
						column: 1,
						message: `The CSV header has no column ${missing.map((k) => `'${mapping.columns[k]}'`).join(", ")} (${missing.join(", ")}), so the file was not read.`,
						hint: missingColumnHint(missing, mapping, record),
						code: "metrics-missing-column",
					});
				}
				need = Math.max(cDeal, cStage, cTime, cAmount) + 1;
				return null;
			}
			rows++;
			if (record.length < need) {
				report("missing-columns", "too few columns", source.file, line);
				return null;
			}
			const dealId = record[cDeal]!.trim();
			if (dealId === "") {
				report("missing-deal", "missing deal id", source.file, line);
				return null;
			}
			const stageRaw = record[cStage]!;
			const step = lookupStage(stageRaw);
			if (step < 0) {
				const name = stageRaw.trim();
				if (name === "") report("missing-stage", "missing stage", source.file, line);
				else if (step === IGNORED) ignored.set(name, (ignored.get(name) ?? 0) + 1);
				else report("unknown-stage", `unknown stage '${name}'${stageSuggestion(name)}`, source.file, line);
				return null;
			}
			const at = parseTimestamp(record[cTime]!, mapping.timestamp_format);
			if (Number.isNaN(at)) {
				report("bad-date", "unparseable date", source.file, line);
				return null;
			}
			let amount = parseAmount(record[cAmount]!, mapping.decimal_separator);
			if (amount === undefined) {
				report("bad-amount", "non-numeric amount", source.file, line);
				amount = null;
			} else if (amount !== null && amount < 0) {
				report("negative-amount", "negative amount", source.file, line);
				amount = null;
			}
			let deal = dealIndex.get(dealId);
			if (deal === undefined) {
				deal = dealIndex.size;
				dealIndex.set(dealId, deal);
				if (deal === lastAt.length) {
					const g = new Float64Array(deal * 2);
					g.set(lastAt);
					lastAt = g;
				}
				lastAt[deal] = at;
			} else if (at < lastAt[deal]!) {
				report("out-of-order", "out of time order within the deal", source.file, line);
			} else lastAt[deal] = at;
			let owner = -1;
			if (cOwner >= 0) {
				const o = record[cOwner]?.trim();
				if (o) {
					owner = ownerIndex.get(o) ?? -1;
					if (owner < 0) {
						owner = ownerIndex.size;
						ownerIndex.set(o, owner);
					}
				}
			}
			columns.push(deal, step, at, amount ?? Number.NaN, owner, fileNo, line);
			return null;
		};
		const rowsBefore = rows;
		let unreadable = false;
		await readCsv(source.path, onRecord, (err) => {
			unreadable ||= err.encoding;
			if (!err.encoding) return report("csv-syntax", `CSV syntax error (${err.message})`, source.file, err.line);
			diagnostics.push({
				severity: "error",
				file: source.file,
				line: err.line,
				column: 1,
				message: `The CSV file ${err.message}; the rows from here on were not read.`,
				hint: 'Export it again as "CSV UTF-8" (in Excel: Save as → CSV UTF-8); it was probably saved as Latin-1 / Windows-1252.',
				code: "metrics-encoding",
			});
		});
		if (!unreadable && (header === undefined || (rows === rowsBefore && !skipFile))) {
			diagnostics.push({
				severity,
				file: source.file,
				line: 1,
				column: 1,
				message:
					header === undefined
						? "The CSV file is empty, so it adds no rows."
						: "The CSV file has a header but no rows, so it adds no rows.",
				hint: "Export the deal stage history again, or delete the file if it is not needed.",
				code: header === undefined ? "metrics-empty-file" : "metrics-no-rows",
			});
		}
	}

	const dealIds = [...dealIndex.keys()];
	const { store, duplicates } = groupByDeal(columns, dealIds, [...ownerIndex.keys()], files, stepIds);
	if (duplicates.length > 0) {
		// Duplicates are found after grouping by deal, so pick the earliest by position as "first".
		let first = duplicates[0]!.row;
		for (const { row } of duplicates) {
			const byFile = columns.file[row]! - columns.file[first]!;
			if (byFile < 0 || (byFile === 0 && columns.line[row]! < columns.line[first]!)) first = row;
		}
		groups.set("duplicate", {
			code: "duplicate",
			reason: "duplicated row (same deal, step and time as an earlier row)",
			count: duplicates.length,
			file: files[columns.file[first]!]!,
			line: columns.line[first]!,
			action: "extra copy dropped",
		});
	}
	const issues = [...groups.values()].sort(
		(a, b) =>
			issueOrder.indexOf(a.code) - issueOrder.indexOf(b.code) ||
			files.indexOf(a.file) - files.indexOf(b.file) ||
			a.line - b.line ||
			a.reason.localeCompare(b.reason),
	);
	for (const issue of issues) {
		diagnostics.push({
			severity,
			file: issue.file,
			line: issue.line,
			column: 1,
			message: describeIssue(issue),
			hint: hints[issue.code],
			code: `metrics-${issue.code}`,
		});
	}
	return {
		store,
		report: {
			rows,
			used: store.order.length,
			issues,
			ignored: [...ignored].map(([stage, count]) => ({ stage, count })).sort((a, b) => a.stage.localeCompare(b.stage)),
			files,
		},
		diagnostics,
	};
}

/** "412 rows: unknown stage 'Demo Scheduled', first at content/metrics/b2b/q3.csv:45 (dropped)". */
export function describeIssue(issue: DataIssue): string {
	const n = issue.count.toLocaleString("en-US");
	return `${n} ${issue.count === 1 ? "row" : "rows"}: ${issue.reason}, first at ${issue.file}:${issue.line} (${issue.action})`;
}

/**
 * A column the mapping names is not in this file's header. Blame the mapping only when the header
 * has a near match (the CRM renamed it); otherwise the export itself lacks the column.
 */
function missingColumnHint(missing: readonly string[], mapping: Mapping, header: readonly string[]): string {
	const names = header.map((h) => h.trim());
	const renamed = missing.flatMap((k) => {
		const wanted = mapping.columns[k as keyof Mapping["columns"]] ?? "";
		const near = closest(wanted, names);
		return near === undefined ? [] : [`'${near}' instead of '${wanted}'`];
	});
	if (renamed.length > 0)
		return `The header has ${renamed.join(", ")}: if the CRM renamed the column, update \`columns:\` in mapping.yaml. Header columns are: ${names.join(", ")}.`;
	return `Export the file again including that column. Header columns are: ${names.join(", ")}.`;
}
