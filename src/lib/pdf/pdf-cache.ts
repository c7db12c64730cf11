/**
 * The playbook PDFs kept between builds. Printing them is the longest step of a warm build (a minute for a
 * 100-guide playbook on two cores) and its result depends only on the built site and the code that prints it:
 * when neither changed, the PDFs of the last build are copied instead of printed again.
 */
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { cacheKey } from "../cache/digest.ts";

export const DEFAULT_PDF_CACHE = ".cache/flowbook/pdf";

/**
 * A digest of every file of the built site that can end up in a PDF (the PDFs and search index left out) and of
 * this folder's code (so a change to how PDFs are made prints them anew).
 */
export function pdfCacheKey(distDir: string, extra = ""): Promise<string> {
	return cacheKey({
		extra,
		code: import.meta.url,
		dir: distDir,
		keep: (file) => !file.endsWith(".pdf") && !file.startsWith("pagefind/"),
	});
}

/** Copies the cached PDFs named `names` into `outDir`; false (and nothing copied) unless all of them are there. */
export async function restorePdfs(cacheDir: string, key: string, names: string[], outDir: string): Promise<boolean> {
	const folder = join(cacheDir, key);
	try {
		const held = new Set(await readdir(folder));
		if (!names.every((name) => held.has(name))) return false;
		await Promise.all(names.map((name) => copyFile(join(folder, name), join(outDir, name))));
		return true;
	} catch {
		return false;
	}
}

/** Keeps `files` under `key`, replacing whatever an older build left (one playbook's PDFs, not one per build). */
export async function storePdfs(cacheDir: string, key: string, files: string[]): Promise<void> {
	await rm(cacheDir, { recursive: true, force: true });
	const folder = join(cacheDir, key);
	await mkdir(folder, { recursive: true });
	await Promise.all(files.map((file) => copyFile(file, join(folder, file.split(/[\\/]/).pop() as string))));
}
