/** Page outputs kept between builds in the project's `.cache/flowbook/pages/` (see src/lib/site/kept-text.ts). */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { hashFiles, hashPart, treeFiles } from "../lib/cache/digest.ts";
import { KEPT_TEXT_DIR, keptText } from "../lib/site/kept-text.ts";
import { project } from "./project.ts";

/**
 * `make()`, or the text it made before from the same `inputs` (everything it reads) with the same code. Kept in
 * `root`'s cache, keyed by the code in `root`'s `src/` (a fixture folder without one keeps nothing).
 */
export function keptPageText(
	kind: string,
	inputs: unknown,
	make: () => Promise<string> | string,
	root = project.rootDir,
): Promise<string> {
	return keptText({ dir: join(root, KEPT_TEXT_DIR), srcDir: join(root, "src") }, kind, JSON.stringify(inputs), make);
}

/** A digest of the names and bytes of every file under each of `folders` (project-relative; a missing one counts). */
export async function filesDigest(root: string, folders: readonly string[]): Promise<string> {
	const hash = createHash("sha256");
	for (const folder of folders) {
		const dir = join(root, folder);
		const files = await treeFiles(dir, () => true).catch(() => undefined);
		hashPart(hash, files === undefined ? `missing ${folder}` : `${folder} ${files.length}`);
		if (files) await hashFiles(hash, dir, files);
	}
	return hash.digest("hex");
}
