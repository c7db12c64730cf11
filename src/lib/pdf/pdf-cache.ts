/**
 * The playbook PDFs kept between builds. Printing them is the longest step of a warm build (a minute for a
 * 100-guide playbook on two cores) and its result depends only on the built site and the code that prints it:
 * when neither changed, the PDFs of the last build are copied instead of printed again.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_PDF_CACHE = ".cache/flowbook/pdf";

/** Every file of the built site that can end up in a PDF, in a stable order (the PDFs and search index left out). */
async function siteFiles(distDir: string): Promise<string[]> {
	const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && !e.name.endsWith(".pdf"))
		.map((e) => relative(distDir, join(e.parentPath, e.name)).split(sep).join("/"))
		.filter((file) => !file.startsWith("pagefind/"))
		.sort();
}

/** A digest of the built site and of this folder's code (so a change to how PDFs are made prints them anew). */
export async function pdfCacheKey(distDir: string, extra = ""): Promise<string> {
	const hash = createHash("sha256").update(extra);
	const codeDir = dirname(fileURLToPath(import.meta.url));
	for (const file of (await readdir(codeDir)).sort()) hash.update(file).update(await readFile(join(codeDir, file)));
	for (const file of await siteFiles(distDir)) hash.update(file).update(await readFile(join(distDir, file)));
	return hash.digest("hex").slice(0, 32);
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
