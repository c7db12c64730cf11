/**
 * A fast reader for the plain block YAML that flowcharts are written in: block mappings and
 * sequences, plain and simply-quoted scalars, one-line flow lists of ids. It gives the same data
 * as the `yaml` package (YAML 1.2 core schema) or `undefined` for anything outside that subset
 * (anchors, tags, block scalars, multi-line scalars, escapes, odd indentation, any syntax error),
 * so callers can fall back to the full parser. It keeps no positions: a file with any problem is
 * read again by the full parser, which locates every message.
 */

interface Line {
	indent: number;
	/** The line's text after the indentation, trailing comment and spaces kept. */
	text: string;
}

/** Thrown (and caught below) when the text leaves the subset. */
class Unsupported extends Error {}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what the fast path refuses
const unsupportedChars = /[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
const keyPattern = /^([A-Za-z_][A-Za-z0-9_.-]*):(?: +|$)/;
const intPattern = /^[-+]?[0-9]+$/;
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain scalars the core schema reads as something other than a string or a decimal number. */
const specialPlain =
	/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;
const flowItem = /^[A-Za-z0-9_][A-Za-z0-9_ .-]*$/;

function fail(): never {
	throw new Unsupported();
}

/** The data of `text` (BOM already removed), or undefined when the full parser must read it. */
export function fastParseYaml(text: string): unknown {
	if (unsupportedChars.test(text)) return undefined;
	const lines: Line[] = [];
	for (const raw of text.split("\n")) {
		let indent = 0;
		while (raw.charCodeAt(indent) === 32) indent++;
		const rest = raw.slice(indent);
		if (rest === "" || rest.trimEnd() === "" || rest.startsWith("#")) continue;
		if (indent === 0 && (rest.startsWith("---") || rest.startsWith("...") || rest.startsWith("%"))) return undefined;
		lines.push({ indent, text: rest });
	}
	if (lines.length === 0) return undefined;
	const reader = { lines, i: 0 };
	try {
		const first = lines[0] as Line;
		if (first.indent !== 0 || isSeqItem(first.text)) return undefined;
		const value = parseMap(reader, 0);
		if (reader.i !== lines.length) return undefined;
		return value;
	} catch (error) {
		if (error instanceof Unsupported) return undefined;
		throw error;
	}
}

interface Reader {
	lines: Line[];
	i: number;
}

function isSeqItem(text: string): boolean {
	return text === "-" || text.startsWith("- ");
}

function parseMap(r: Reader, indent: number): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	while (r.i < r.lines.length) {
		const line = r.lines[r.i] as Line;
		if (line.indent < indent) break;
		if (line.indent > indent || isSeqItem(line.text)) fail();
		const m = keyPattern.exec(line.text);
		if (!m) fail();
		const key = m[1] as string;
		if (key === "__proto__" || Object.hasOwn(out, key)) fail();
		const rest = line.text.slice(m[0].length);
		r.i++;
		out[key] = valueAfter(r, rest, indent);
	}
	return out;
}

function parseSeq(r: Reader, indent: number): unknown[] {
	const out: unknown[] = [];
	while (r.i < r.lines.length) {
		const line = r.lines[r.i] as Line;
		if (line.indent < indent) break;
		if (line.indent > indent || !line.text.startsWith("- ")) fail();
		let spaces = 1;
		while (line.text.charCodeAt(spaces) === 32) spaces++;
		const rest = line.text.slice(spaces);
		if (rest.startsWith("#") || isSeqItem(rest)) fail();
		if (keyPattern.test(rest)) {
			// `- key: value`: a mapping whose keys line up after the dash.
			r.lines[r.i] = { indent: indent + spaces, text: rest };
			out.push(parseMap(r, indent + spaces));
			continue;
		}
		r.i++;
		out.push(scalarOrFlow(rest));
		noContinuation(r, indent);
	}
	return out;
}

/** The value after `key:` — inline, a nested block on the next lines, or null. */
function valueAfter(r: Reader, rest: string, indent: number): unknown {
	const inline = withoutComment(rest);
	if (inline !== "") {
		const value = scalarOrFlow(inline);
		noContinuation(r, indent);
		return value;
	}
	const next = r.lines[r.i];
	if (next === undefined || next.indent < indent) return null;
	if (next.indent === indent) {
		// A sequence at the key's own indentation is valid YAML, but rare here: leave it to the full parser.
		if (isSeqItem(next.text)) fail();
		return null;
	}
	return isSeqItem(next.text) ? parseSeq(r, next.indent) : parseMap(r, next.indent);
}

/** A more indented line after an inline value would continue a multi-line scalar (or be an error). */
function noContinuation(r: Reader, indent: number): void {
	const next = r.lines[r.i];
	if (next !== undefined && next.indent > indent) fail();
}

/** Strips a trailing ` #comment` from unquoted text; quoted text is handled by `scalarOrFlow`. */
function withoutComment(text: string): string {
	const first = text.charAt(0);
	if (first === '"' || first === "'" || first === "#") return first === "#" ? "" : text.trimEnd();
	const hash = text.indexOf(" #");
	return (hash === -1 ? text : text.slice(0, hash)).trimEnd();
}

function scalarOrFlow(text: string): unknown {
	const first = text.charAt(0);
	if (first === '"' || first === "'") return quoted(text, first);
	if (first === "[") return flowList(text);
	return plain(withoutComment(text));
}

function quoted(text: string, quote: string): string {
	const end = text.indexOf(quote, 1);
	if (end === -1) fail();
	const body = text.slice(1, end);
	if (quote === '"' && body.includes("\\")) fail();
	const after = text.slice(end + 1);
	// Anything after the closing quote must be spaces and an optional comment.
	if (after.trim() !== "" && !/^ +#/.test(after)) fail();
	return body;
}

function flowList(text: string): string[] {
	const end = text.indexOf("]");
	if (end === -1) fail();
	const after = text.slice(end + 1);
	if (after.trim() !== "" && !/^ +#/.test(after)) fail();
	const inner = text.slice(1, end).trim();
	if (inner === "") return [];
	return inner.split(",").map((part) => {
		const item = part.trim();
		if (!flowItem.test(item) || specialPlain.test(item) || intPattern.test(item) || floatPattern.test(item)) fail();
		return item;
	});
}

const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/;

function plain(text: string): string | number {
	if (text === "") fail();
	if (intPattern.test(text) || floatPattern.test(text)) {
		const n = Number(text);
		if (!Number.isFinite(n)) fail();
		return n;
	}
	if (indicator.test(text) || specialPlain.test(text)) fail();
	// `a: b: c` is an error in block context, and `a: b:` too; a tab would need the full rules.
	if (text.includes(": ") || text.endsWith(":")) fail();
	return text;
}
