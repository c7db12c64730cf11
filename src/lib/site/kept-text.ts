/**
 * Page outputs kept between builds: text that `src/lib` code makes from values the page already holds (a
 * flowchart's BPMN, the FAQ's structured data). Each costs tens of milliseconds every warm build for the same
 * bytes (bpmn-moddle's serialiser, a Markdown parse per answer); a text made before is read back from
 * `<dir>/<digest>.txt`, keyed by its kind, its inputs and Flowbook's code and packages.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { textKey } from "../cache/digest.ts";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomic } from "../cache/write-file.ts";
import { sourceDigest } from "../metrics/report-cache.ts";

export const KEPT_TEXT_DIR = ".cache/flowbook/pages";

export interface KeptTextOptions {
	/** Folder of the kept texts (absolute). */
	dir: string;
	/** Flowbook's `src/` folder (absolute); nothing is kept when it has no code (a fixture folder). */
	srcDir: string;
}

/**
 * The text `make` returns for `inputs`: read back when made before with the same code. `inputs` must hold everything
 * `make` reads (the caller's JSON of its arguments); `kind` keeps different outputs of the same inputs apart.
 */
export async function keptText(
	kept: KeptTextOptions,
	kind: string,
	inputs: string,
	make: () => Promise<string> | string,
): Promise<string> {
	const code = await sourceDigest(kept.srcDir);
	if (code === undefined) return make();
	const name = `${textKey(kind, code, inputs)}.txt`;
	const file = join(kept.dir, name);
	noteUsed(kept.dir, name);
	try {
		return await readFile(file, "utf8");
	} catch {
		// Not made yet.
	}
	const text = await make();
	await writeFileAtomic(file, text).catch(() => {
		// A cache that cannot be written costs the next build this text, never this one.
	});
	return text;
}
