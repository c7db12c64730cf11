/**
 * Streams a CSV file record by record with exact 1-based line numbers.
 *
 * csv-parse is the parser of record, but on its own it reads about 12 MB/s, too slow for a million-row
 * export in 5 s. Most CRM export lines contain no quote at all, and for those splitting on commas
 * gives exactly what csv-parse would. So: lines without `"` take that fast path; a line with a quote
 * (plus the following lines while its quotes are unbalanced, for fields with line breaks) goes to
 * csv-parse. Empty lines are skipped, a UTF-8 BOM and CRLF line ends are handled.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse/sync";

export class CsvSyntaxError extends Error {
	line: number;
	/** True when the file is not UTF-8 text (reading stopped there). */
	encoding: boolean;
	constructor(message: string, line: number, encoding = false) {
		super(message);
		this.line = line;
		this.encoding = encoding;
	}
}

function quotes(s: string): number {
	let n = 0;
	for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
	return n;
}

/**
 * Calls `onRecord(cells, line)` for each record; `line` is where the record starts.
 * A syntax error calls `onError` and reading goes on: a quote still open at the end of the file is
 * reported where it opened and the lines after it are read as rows, so one stray `"` does not
 * silently swallow the rest of the export. Without `onError` the first error rejects with CsvSyntaxError.
 */
export async function readCsv(
	path: string,
	onRecord: (cells: string[], line: number) => void,
	onError: (error: CsvSyntaxError) => void = (error) => {
		throw error;
	},
): Promise<void> {
	const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
	let rest = "";
	let lineNo = 0;
	let first = true;
	// A quoted record spanning lines: its lines so far, start line and quote count.
	let pending: string[] | undefined;
	let pendingLine = 0;
	let pendingQuotes = 0;
	const quoted = (text: string, line: number) => {
		let records: string[][];
		try {
			records = parse(text, { relax_column_count: true, relax_quotes: false });
		} catch (err) {
			onError(new CsvSyntaxError((err as Error).message.split("\n")[0] ?? "CSV syntax error", line));
			return;
		}
		for (const r of records) onRecord(r, line);
	};
	const handle = (raw: string) => {
		lineNo++;
		const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
		if (pending !== undefined) {
			pending.push(line);
			pendingQuotes += quotes(line);
			if (pendingQuotes % 2 === 0) {
				const text = pending.join("\n");
				pending = undefined;
				quoted(text, pendingLine);
			}
			return;
		}
		if (line === "") return;
		if (line.indexOf('"') < 0) {
			onRecord(line.split(","), lineNo);
			return;
		}
		const q = quotes(line);
		if (q % 2 === 0) quoted(line, lineNo);
		else {
			pending = [line];
			pendingLine = lineNo;
			pendingQuotes = q;
		}
	};
	/** The quote opened at `pendingLine` never closes: report it there, then read the lines after it again. */
	const recover = () => {
		while (pending !== undefined) {
			const after = pending.slice(1);
			const openedAt = pendingLine;
			pending = undefined;
			onError(new CsvSyntaxError("Unclosed quote: this quoted field never ends", openedAt));
			lineNo = openedAt;
			for (const line of after) handle(line);
		}
	};
	for await (const chunk of stream as AsyncIterable<string>) {
		// Bytes that are not UTF-8 decode to "�": a CRM export saved as Latin-1 would lose its "é"
		// and miss its stages. Read the whole lines before it, then stop there.
		const bad = chunk.indexOf("\uFFFD");
		if (bad >= 0) {
			const good = rest + chunk.slice(0, bad);
			for (const line of good
				.slice(0, good.lastIndexOf("\n") + 1)
				.split("\n")
				.slice(0, -1))
				handle(line);
			recover();
			onError(new CsvSyntaxError("is not UTF-8 text from this line on", lineNo + 1, true));
			return;
		}
		let text = rest + chunk;
		if (first) {
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
			first = false;
		}
		let start = 0;
		for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
			handle(text.slice(start, nl));
			start = nl + 1;
		}
		rest = text.slice(start);
	}
	if (rest !== "") handle(rest);
	recover();
}
