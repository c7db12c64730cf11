/**
 * Bytes of a content file to text, refusing what is not UTF-8: a Latin-1 or UTF-16 file would
 * otherwise be read with "�" in place of letters and published that way.
 */
import { readFile } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export type TextResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** `bytes` as text (a UTF-8 byte-order mark removed), or a located error naming the encoding to save as. */
export function decodeText(file: string, bytes: Uint8Array): TextResult {
	const utf16 =
		(bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes);
	if (utf16) {
		return {
			diagnostic: {
				severity: "error",
				file,
				line: 1,
				column: 1,
				code: "encoding",
				message: "the file is saved as UTF-16, not UTF-8",
				hint: 'Save it as "UTF-8" in your editor (in Notepad: Save as… → Encoding: UTF-8).',
			},
		};
	}
	try {
		return { text: utf8.decode(bytes) };
	} catch {
		return { diagnostic: notUtf8(file, bytes) };
	}
}

/** Reads `path` (absolute) and decodes it; `file` is the project-relative name used in messages. */
export async function readTextFile(path: string, file: string): Promise<TextResult> {
	return decodeText(file, await readFile(path));
}

/** UTF-16 without a byte-order mark: every other byte of plain text is zero. */
function looksUtf16(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 64);
	let zeros = 0;
	for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
	return n >= 4 && zeros >= n / 4;
}

function notUtf8(file: string, bytes: Uint8Array): Diagnostic {
	const lossy = new TextDecoder("utf-8").decode(bytes);
	const at = lossy.indexOf("\uFFFD");
	const before = lossy.slice(0, Math.max(0, at));
	const line = before.split("\n").length;
	const column = before.length - before.lastIndexOf("\n");
	return {
		severity: "error",
		file,
		line,
		column,
		code: "encoding",
		message: "the file is not UTF-8 text: letters such as é or ü here would show as �",
		hint: 'Save it as "UTF-8" in your editor (it was probably saved as Latin-1 / Windows-1252).',
	};
}
