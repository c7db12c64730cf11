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
import { EventColumns, type EventStore, groupByDeal } from "../events/store.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { closest } from "../text/suggest.ts";
import { readCsv } from "./csv.ts";
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
	const state = await newIngest(sources, mapping, stepIds);
	for (const source of sources) await readSource(state, source);
	const { columns, files, groups } = state;
	const dealIds = [...state.dealIndex.keys()];
	const { store, duplicates } = groupByDeal(columns, dealIds, [...state.ownerIndex.keys()], files, stepIds);
	if (duplicates.length > 0) groups.set("duplicate", duplicateIssue(columns, files, duplicates));
	const issues = [...groups.values()].sort(
		(a, b) =>
			issueOrder.indexOf(a.code) - issueOrder.indexOf(b.code) ||
			files.indexOf(a.file) - files.indexOf(b.file) ||
			a.line - b.line ||
			a.reason.localeCompare(b.reason),
	);
	for (const issue of issues) {
		state.diagnostics.push({
			severity: state.severity,
			file: issue.file,
			line: issue.line,
			column: 1,
			message: describeIssue(issue),
			hint: hints[issue.code],
			code: `metrics-${issue.code}`,
		});
	}
	const ignored = [...state.ignored].map(([stage, count]) => ({ stage, count }));
	return {
		store,
		report: {
			rows: state.rows,
			used: store.order.length,
			issues,
			ignored: ignored.sort((a, b) => a.stage.localeCompare(b.stage)),
			files,
		},
		diagnostics: state.diagnostics,
	};
}

const IGNORED = -2;
const UNKNOWN = -1;

/** What reading the sources builds up, file after file. */
interface Ingest {
	mapping: Mapping;
	/** Raw stage cell → step number, `UNKNOWN` or `IGNORED`. */
	lookupStage: (raw: string) => number;
	/** " (did you mean 'X'?)" for an unknown stage name, or "". */
	stageSuggestion: (name: string) => string;
	columns: EventColumns;
	dealIndex: Map<string, number>;
	ownerIndex: Map<string, number>;
	files: string[];
	/** Latest time seen per deal, to notice rows out of time order. */
	lastAt: Float64Array;
	groups: Map<string, DataIssue>;
	ignored: Map<string, number>;
	diagnostics: Diagnostic[];
	severity: Diagnostic["severity"];
	rows: number;
}

async function newIngest(sources: readonly CsvSource[], mapping: Mapping, stepIds: string[]): Promise<Ingest> {
	// About 55 bytes a row in typical exports; sizing up front avoids growing (and copying) the columns.
	let bytes = 0;
	for (const source of sources)
		bytes += await stat(source.path).then(
			(s) => s.size,
			() => 0,
		);
	return {
		mapping,
		...stageLookup(mapping, stepIds),
		columns: new EventColumns(bytes / 55),
		dealIndex: new Map(),
		ownerIndex: new Map(),
		files: [],
		lastAt: new Float64Array(1024),
		groups: new Map(),
		ignored: new Map(),
		diagnostics: [],
		severity: mapping.strict ? "error" : "warning",
		rows: 0,
	};
}

function stageLookup(mapping: Mapping, stepIds: string[]): Pick<Ingest, "lookupStage" | "stageSuggestion"> {
	const stepIndex = new Map(stepIds.map((s, i) => [s, i]));
	const stageByName = new Map<string, number>();
	for (const [crm, step] of Object.entries(mapping.stages))
		stageByName.set(crm.trim().toLowerCase(), stepIndex.get(step) ?? UNKNOWN);
	for (const crm of mapping.ignore_stages) stageByName.set(crm.trim().toLowerCase(), IGNORED);
	// Raw cell text → step number; CRM exports repeat a handful of names, so this skips lower-casing per row.
	const stageCache = new Map<string, number>();
	const known = [...Object.keys(mapping.stages), ...mapping.ignore_stages];
	return {
		stageSuggestion: (name) => {
			const match = closest(name, known);
			return match === undefined ? "" : ` (did you mean '${match}'?)`;
		},
		lookupStage: (raw) => {
			let v = stageCache.get(raw);
			if (v === undefined) {
				v = stageByName.get(raw.trim().toLowerCase()) ?? UNKNOWN;
				stageCache.set(raw, v);
			}
			return v;
		},
	};
}

/**
 * Counts a bad row. Grouped per file and case-insensitively, like stage matching; the first spelling
 * seen is shown. A group never spans files, so every bad row is found at its own file's first line.
 */
function report(state: Ingest, code: string, reason: string, file: string, line: number): void {
	const key = `${file}\u0000${code}\u0000${reason.toLowerCase()}`;
	const g = state.groups.get(key);
	if (g) g.count++;
	else state.groups.set(key, { code, reason, count: 1, file, line, action: actions[code] ?? "dropped" });
}

/** Column numbers of one file's header (-1 when absent) and how many cells a row needs. */
interface Header {
	deal: number;
	stage: number;
	time: number;
	amount: number;
	owner: number;
	need: number;
}

/** Reads the header; a column the mapping names but the header lacks is an error and the file is skipped. */
function readHeader(state: Ingest, source: CsvSource, record: string[], line: number): Header | undefined {
	const { mapping } = state;
	const names = record.map((h) => h.trim().toLowerCase());
	const find = (name: string | undefined) => (name === undefined ? -1 : names.indexOf(name.trim().toLowerCase()));
	const deal = find(mapping.columns.deal);
	const stage = find(mapping.columns.stage);
	const time = find(mapping.columns.timestamp);
	const amount = find(mapping.columns.amount);
	const owner = find(mapping.columns.owner);
	const missing = (["deal", "stage", "timestamp", "amount", "owner"] as const).filter(
		(k, i) => mapping.columns[k] !== undefined && [deal, stage, time, amount, owner][i] === -1,
	);
	if (missing.length > 0) {
		state.diagnostics.push({
			severity: "error",
			file: source.file,
			line,
			column: 1,
			message: `The CSV header has no column ${missing.map((k) => `'${mapping.columns[k]}'`).join(", ")} (${missing.join(", ")}), so the file was not read.`,
			hint: missingColumnHint(missing, mapping, record),
			code: "metrics-missing-column",
		});
		return undefined;
	}
	return { deal, stage, time, amount, owner, need: Math.max(deal, stage, time, amount) + 1 };
}

/** One data row into an event, or a counted problem. */
function readRow(state: Ingest, h: Header, record: string[], file: string, fileNo: number, line: number): void {
	const { mapping } = state;
	state.rows++;
	if (record.length < h.need) {
		report(state, "missing-columns", "too few columns", file, line);
		return;
	}
	const dealId = record[h.deal]!.trim();
	if (dealId === "") {
		report(state, "missing-deal", "missing deal id", file, line);
		return;
	}
	const stageRaw = record[h.stage]!;
	const step = state.lookupStage(stageRaw);
	if (step < 0) {
		const name = stageRaw.trim();
		if (name === "") report(state, "missing-stage", "missing stage", file, line);
		else if (step === IGNORED) state.ignored.set(name, (state.ignored.get(name) ?? 0) + 1);
		else report(state, "unknown-stage", `unknown stage '${name}'${state.stageSuggestion(name)}`, file, line);
		return;
	}
	const at = parseTimestamp(record[h.time]!, mapping.timestamp_format);
	if (Number.isNaN(at)) {
		report(state, "bad-date", "unparseable date", file, line);
		return;
	}
	let amount = parseAmount(record[h.amount]!, mapping.decimal_separator);
	if (amount === undefined) {
		report(state, "bad-amount", "non-numeric amount", file, line);
		amount = null;
	} else if (amount !== null && amount < 0) {
		report(state, "negative-amount", "negative amount", file, line);
		amount = null;
	}
	const deal = dealNumber(state, dealId, at, file, line);
	const owner = h.owner >= 0 ? ownerNumber(state, record[h.owner]?.trim()) : -1;
	state.columns.push(deal, step, at, amount ?? Number.NaN, owner, fileNo, line);
}

/** The deal's number (a new one for a new id); reports a row earlier than the deal's previous one. */
function dealNumber(state: Ingest, dealId: string, at: number, file: string, line: number): number {
	let deal = state.dealIndex.get(dealId);
	if (deal === undefined) {
		deal = state.dealIndex.size;
		state.dealIndex.set(dealId, deal);
		if (deal === state.lastAt.length) {
			const g = new Float64Array(deal * 2);
			g.set(state.lastAt);
			state.lastAt = g;
		}
		state.lastAt[deal] = at;
	} else if (at < state.lastAt[deal]!) {
		report(state, "out-of-order", "out of time order within the deal", file, line);
	} else state.lastAt[deal] = at;
	return deal;
}

function ownerNumber(state: Ingest, name: string | undefined): number {
	if (!name) return -1;
	let owner = state.ownerIndex.get(name);
	if (owner === undefined) {
		owner = state.ownerIndex.size;
		state.ownerIndex.set(name, owner);
	}
	return owner;
}

/** Reads one CSV file: its header, then every row; says so when it adds no rows or is not UTF-8. */
async function readSource(state: Ingest, source: CsvSource): Promise<void> {
	const fileNo = state.files.length;
	state.files.push(source.file);
	let header: Header | undefined;
	let seenHeader = false;
	const onRecord = (record: string[], line: number) => {
		if (!seenHeader) {
			seenHeader = true;
			header = readHeader(state, source, record, line);
		} else if (header) readRow(state, header, record, source.file, fileNo, line);
		return null;
	};
	const rowsBefore = state.rows;
	let unreadable = false;
	await readCsv(source.path, onRecord, (err) => {
		unreadable ||= err.encoding;
		if (!err.encoding) return report(state, "csv-syntax", `CSV syntax error (${err.message})`, source.file, err.line);
		state.diagnostics.push({
			severity: "error",
			file: source.file,
			line: err.line,
			column: 1,
			message: `The CSV file ${err.message}; the rows from here on were not read.`,
			hint: 'Export it again as "CSV UTF-8" (in Excel: Save as → CSV UTF-8); it was probably saved as Latin-1 / Windows-1252.',
			code: "metrics-encoding",
		});
	});
	const skipped = seenHeader && header === undefined;
	if (!unreadable && (!seenHeader || (state.rows === rowsBefore && !skipped))) {
		state.diagnostics.push({
			severity: state.severity,
			file: source.file,
			line: 1,
			column: 1,
			message: !seenHeader
				? "The CSV file is empty, so it adds no rows."
				: "The CSV file has a header but no rows, so it adds no rows.",
			hint: "Export the deal stage history again, or delete the file if it is not needed.",
			code: !seenHeader ? "metrics-empty-file" : "metrics-no-rows",
		});
	}
}

/** Duplicates are found after grouping by deal, so the earliest by position is shown as "first". */
function duplicateIssue(columns: EventColumns, files: string[], duplicates: readonly { row: number }[]): DataIssue {
	let first = duplicates[0]!.row;
	for (const { row } of duplicates) {
		const byFile = columns.file[row]! - columns.file[first]!;
		if (byFile < 0 || (byFile === 0 && columns.line[row]! < columns.line[first]!)) first = row;
	}
	return {
		code: "duplicate",
		reason: "duplicated row (same deal, step and time as an earlier row)",
		count: duplicates.length,
		file: files[columns.file[first]!]!,
		line: columns.line[first]!,
		action: "extra copy dropped",
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
