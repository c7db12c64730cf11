/** Finds a top-level key in a YAML source, so review diagnostics point at `review:`. */
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";

/** 1-based line and column of top-level `key`, or undefined when absent or unparsable. */
export function locateKey(source: string, key: string): { line: number; column: number } | undefined {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter });
	if (!isMap(doc.contents)) return undefined;
	for (const pair of doc.contents.items) {
		if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
			const pos = lineCounter.linePos(pair.key.range[0]);
			return { line: pos.line, column: pos.col };
		}
	}
	return undefined;
}
