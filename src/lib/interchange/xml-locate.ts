/** Where an element with a given id starts in XML text, for `file:line:col` messages. */
export interface Position {
	line: number;
	column: number;
}

export function elementLocator(text: string): (id: string | undefined) => Position | undefined {
	const lineStarts = [0];
	for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
	return (id) => {
		if (!id) return undefined;
		const at = text.search(new RegExp(`\\sid=["']${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']`));
		if (at === -1) return undefined;
		return positionOf(lineStarts, Math.max(0, text.lastIndexOf("<", at)));
	};
}

function positionOf(lineStarts: readonly number[], offset: number): Position {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((lineStarts[mid] as number) <= offset) lo = mid;
		else hi = mid - 1;
	}
	return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

/** Line and column in a bpmn-moddle parse error (`line: 3 column: 5`, counted from 0 by its parser). */
export function positionInMessage(message: string): Position | undefined {
	const line = /line:\s*(\d+)/i.exec(message);
	const column = /column:\s*(\d+)/i.exec(message);
	return line ? { line: Number(line[1]) + 1, column: column ? Number(column[1]) + 1 : 1 } : undefined;
}
