/**
 * YAML → plain data, keeping a way back from a data path to a line and column,
 * so every later diagnostic can point at the node an author has to edit.
 */
import {
	type Document,
	isAlias,
	isCollection,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	type Node,
	parseDocument,
	visit,
} from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DataPath, Locator, SourcePosition } from "../diagnostics/position.ts";

export type { DataPath, Locator, SourcePosition };

export interface ParsedYaml {
	/** The plain data; absent when the YAML could not be read. */
	value?: unknown;
	locate: Locator;
	diagnostics: Diagnostic[];
}

/** Far above what a flowchart needs, far below what a "billion laughs" file needs to blow up memory. */
export const MAX_ALIAS_COUNT = 50;

/** The syntax tree of `source` (without a byte-order mark) and a way from offsets to positions: the one place YAML is parsed with positions. */
function readDocument(source: string) {
	const lineCounter = new LineCounter();
	const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
	// `merge`: `<<: *anchor` merge keys, as Astro's YAML reader (js-yaml's default schema) reads them in label files,
	// FAQ and onboarding; without it both readings of one file differ (and the early diagrams miss the pages').
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
	const at = (offset: number): SourcePosition => {
		const { line, col } = lineCounter.linePos(offset);
		return { line, column: col };
	};
	return { doc, text, at };
}

export function parseYaml(file: string, source: string): ParsedYaml {
	const { doc, text, at } = readDocument(source);
	const locate = makeLocator(doc, at);

	const diagnostics: Diagnostic[] = [
		...withoutCascade(
			file,
			doc.errors.map((e) =>
				yamlDiagnostic(file, "error", errorText(e, text), e.code, at(unclosedQuoteStart(doc, text, e) ?? e.pos[0])),
			),
		),
		...doc.warnings.map((e) => yamlDiagnostic(file, "warning", e.message, e.code, at(e.pos[0]))),
	];
	if (doc.errors.length > 0) return { locate, diagnostics };

	try {
		return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate, diagnostics };
	} catch (error) {
		// toJS only throws on alias expansion (resource exhaustion or a reference to a missing anchor).
		const alias = worstAlias(doc);
		const pos = alias?.range ? at(alias.range[0]) : { line: 1, column: 1 };
		diagnostics.push({
			severity: "error",
			file,
			...pos,
			code: "yaml-aliases",
			message: `YAML aliases expand to too much data (${error instanceof Error ? error.message : String(error)})`,
			hint: `Write the values out instead of repeating *aliases; at most ${MAX_ALIAS_COUNT} alias expansions are allowed.`,
		});
		return { locate, diagnostics };
	}
}

/** Syntax errors shown per file; the rest are counted in one message after them. */
export const MAX_SYNTAX_ERRORS = 5;

/**
 * One typo (an unclosed bracket, a line indented one space off) makes the parser report a cascade: the same line
 * three times, then every line after it (38 errors for one `[` in the sample FAQ). Only the first error of a line is
 * kept, and after MAX_SYNTAX_ERRORS lines the rest are counted where the first of them is, so independent errors
 * still show at once and a cascade does not bury the cause.
 */
function withoutCascade(file: string, errors: Diagnostic[]): Diagnostic[] {
	const seen = new Set<number | undefined>();
	const firstPerLine = errors.filter((d) => !seen.has(d.line) && seen.add(d.line));
	if (firstPerLine.length <= MAX_SYNTAX_ERRORS) return firstPerLine;
	const rest = firstPerLine.slice(MAX_SYNTAX_ERRORS);
	const from = rest[0] as Diagnostic;
	return [
		...firstPerLine.slice(0, MAX_SYNTAX_ERRORS),
		{
			severity: "error",
			file,
			...(from.line === undefined ? {} : { line: from.line }),
			...(from.column === undefined ? {} : { column: from.column }),
			code: "yaml-syntax",
			message: `YAML syntax: ${rest.length} more ${rest.length === 1 ? "line" : "lines"} with errors from here on, most likely caused by the errors above`,
			hint: "Fix the first error in this file and check again; the ones after it usually go away with it.",
		},
	];
}

function yamlDiagnostic(
	file: string,
	severity: Diagnostic["severity"],
	message: string,
	yamlCode: string,
	pos: SourcePosition,
): Diagnostic {
	return {
		severity,
		file,
		...pos,
		code: severity === "error" ? "yaml-syntax" : "yaml-warning",
		message: `YAML syntax: ${message.replace(/\s+/g, " ").trim()}`,
		hint: syntaxHint(yamlCode),
	};
}

/**
 * `yaml` reports a missing closing quote where the file ends; the author has to look where the
 * quote opens, which is the start of the last quoted scalar that does not end with its quote.
 */
function unclosedQuoteStart(
	doc: Document,
	text: string,
	error: { code: string; message: string; pos: [number, number] },
) {
	if (error.code !== "MISSING_CHAR" || !/quote/i.test(error.message)) return undefined;
	let start: number | undefined;
	visit(doc, {
		Scalar(_key, node) {
			if (!node.range || (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE")) return;
			const quote = node.type === "QUOTE_DOUBLE" ? '"' : "'";
			const raw = text.slice(node.range[0], node.range[1]);
			const closed = raw.length > 1 && raw.endsWith(quote);
			if (!closed && node.range[0] <= error.pos[0]) start = node.range[0];
		},
	});
	return start;
}

/** The yaml package's message, made concrete where it helps: which key is duplicated. */
function errorText(error: { code: string; message: string; pos: [number, number] }, text: string): string {
	if (error.code === "DUPLICATE_KEY") {
		const key = /^([^:\n]+):/.exec(text.slice(error.pos[0]))?.[1]?.trim();
		if (key) return `key \`${key}\` appears twice in the same mapping`;
	}
	if (error.code === "MISSING_CHAR" && /quote/i.test(error.message)) return "this quote is never closed";
	return error.message;
}

function syntaxHint(code: string): string {
	switch (code) {
		case "DUPLICATE_KEY":
			return "Each key may appear only once in a mapping; remove or rename one of them.";
		case "MISSING_CHAR":
			return "Close the quote or bracket opened here or just before it, on the same line: an open quote swallows the rest of the file.";
		case "BAD_INDENT":
		case "BAD_INDENT_CHAR":
		case "TAB_AS_INDENT":
			return "Indent with spaces only, and line up items of the same list or mapping in the same column.";
		case "MULTIPLE_DOCS":
			return "Keep one flowchart per file: remove the extra `---` line.";
		default:
			return "Check indentation and quoting here; text containing ': ', '#' or starting with [ { * & ! | > ' \" % @ ` must be quoted.";
	}
}

/** The alias that expands to the most nodes: the one an author should look at in an alias bomb. */
function worstAlias(doc: Document): Node | undefined {
	const sizes = new Map<Node, number>();
	const sizeOf = (node: unknown, depth: number): number => {
		if (depth > 64 || node === null || typeof node !== "object") return 1;
		if (isAlias(node)) {
			const target = node.resolve(doc);
			if (!target) return 1;
			const cached = sizes.get(target);
			if (cached !== undefined) return cached;
			const size = sizeOf(target, depth + 1);
			sizes.set(target, size);
			return size;
		}
		if (isCollection(node)) {
			let total = 1;
			for (const item of node.items) {
				total += isMap(node) ? sizeOf((item as { value?: unknown }).value, depth + 1) : sizeOf(item, depth + 1);
				if (total > Number.MAX_SAFE_INTEGER / 2) break;
			}
			return total;
		}
		return 1;
	};
	let worst: Node | undefined;
	let worstSize = 0;
	visit(doc, {
		Alias(_key, node) {
			const size = sizeOf(node, 0);
			if (size > worstSize) {
				worst = node;
				worstSize = size;
			}
		},
	});
	return worst;
}

function makeLocator(doc: Document, at: (offset: number) => SourcePosition): Locator {
	const startOf = (node: unknown): SourcePosition | undefined => {
		const range = (node as Node | null)?.range;
		return range ? at(range[0]) : undefined;
	};
	return (path, target = "value") => {
		let node: unknown = doc.contents;
		let best = startOf(node) ?? { line: 1, column: 1 };
		for (let i = 0; i < path.length; i++) {
			if (isAlias(node)) node = node.resolve(doc);
			const segment = path[i];
			const last = i === path.length - 1;
			if (isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
				if (!pair) return best;
				if (last && target === "key") return startOf(pair.key) ?? best;
				best = startOf(pair.value) ?? startOf(pair.key) ?? best;
				node = pair.value;
			} else if (isSeq(node) && typeof segment === "number") {
				const item = node.items[segment];
				if (item === undefined) return best;
				best = startOf(item) ?? best;
				node = item;
			} else {
				return best;
			}
		}
		return best;
	};
}

/** Position of the top-level `key` as written, even in a file with other syntax errors; undefined when absent. */
export function locateKey(source: string, key: string): SourcePosition | undefined {
	const { doc, at } = readDocument(source);
	if (!isMap(doc.contents)) return undefined;
	const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
	return pair && isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : undefined;
}
