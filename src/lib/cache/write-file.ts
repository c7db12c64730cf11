import { randomUUID } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Writes `file` (creating its folder) through a temporary file renamed into place, so a build or check running
 * beside this one reads the old file or the new one, never half of one.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
	await mkdir(dirname(file), { recursive: true });
	const tmp = `${file}.${randomUUID()}.tmp`;
	await writeFile(tmp, data);
	await rename(tmp, file);
}

/** `writeFileAtomic` for code that cannot wait (a synchronous renderer inside a template). */
export function writeFileAtomicSync(file: string, data: string): void {
	mkdirSync(dirname(file), { recursive: true });
	const tmp = `${file}.${randomUUID()}.tmp`;
	writeFileSync(tmp, data);
	renameSync(tmp, file);
}
