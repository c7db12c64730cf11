/**
 * Digests for the build caches under `.cache/flowbook/` (PDFs, search index, charts): a cache entry is reused only
 * when everything that made it is the same, so each key covers the inputs and the code that turned them into output.
 */
import { createHash, type Hash } from "node:crypto";
import { type Dirent, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { findPackageJSON } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Every file under `dir` that `keep` accepts (given its `/`-separated path relative to `dir`), sorted. */
export async function treeFiles(dir: string, keep: (file: string) => boolean): Promise<string[]> {
	return filesOf(dir, await readdir(dir, { recursive: true, withFileTypes: true }), keep);
}

/** The files among `entries` (a recursive `readdir` of `dir`) as sorted `/` paths relative to `dir`. */
export function filesOf(
	dir: string,
	entries: readonly Dirent[],
	keep: (file: string) => boolean = () => true,
): string[] {
	return entries
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
		.filter(keep)
		.sort();
}

/** Files read at once while hashing: enough to keep the disk busy, few enough not to exhaust file handles. */
const READ_BATCH = 64;

/** A part with its length in front, so no two different sequences of parts hash the same bytes. */
export function hashPart(hash: Hash, part: string | Buffer): void {
	hash.update(`${Buffer.byteLength(part)}:`).update(part);
}

/** Adds each file's path and bytes to `hash`, in the given order; read a batch at a time (thousands of files). */
export async function hashFiles(hash: Hash, dir: string, files: readonly string[]): Promise<void> {
	for (let i = 0; i < files.length; i += READ_BATCH) {
		const batch = files.slice(i, i + READ_BATCH);
		const bytes = await Promise.all(batch.map((file) => readFile(join(dir, file))));
		batch.forEach((file, j) => {
			hashPart(hash, file);
			hashPart(hash, bytes[j] as Buffer);
		});
	}
}

export interface DigestParts {
	/** Settings that change the output without being in a file (base path, versions). */
	extra?: string;
	/** `import.meta.url` of a module whose folder holds the code that makes the output (its files, not subfolders). */
	code: string;
	/** The input folder, and which of its files are inputs. */
	dir: string;
	keep: (file: string) => boolean;
}

/** A digest of the settings, the making code's folder and the input files (names and bytes). */
export async function cacheKey({ extra = "", code, dir, keep }: DigestParts): Promise<string> {
	const hash = createHash("sha256").update(extra);
	const codeDir = dirname(fileURLToPath(code));
	await hashFiles(hash, codeDir, await treeFiles(codeDir, (file) => !file.includes("/")));
	await hashFiles(hash, dir, await treeFiles(dir, keep));
	return hash.digest("hex").slice(0, 32);
}

/** A digest of values rather than files (a chart's spec and the versions of the code that draws it). */
export function textKey(...parts: string[]): string {
	const hash = createHash("sha256");
	for (const part of parts) hash.update(part).update("\0");
	return hash.digest("hex").slice(0, 32);
}

/** The version of the package `name` that a module at `from` (its `import.meta.url`) imports; undefined if not found. */
export async function packageVersion(name: string, from: string): Promise<string | undefined> {
	try {
		const manifest = findPackageJSON(name, from);
		return manifest ? (JSON.parse(await readFile(manifest, "utf8")) as { version?: string }).version : undefined;
	} catch {
		return undefined;
	}
}

/** `packageVersion` for code that cannot wait (a synchronous renderer); undefined if not found. */
export function packageVersionSync(name: string, from: string): string | undefined {
	try {
		const manifest = findPackageJSON(name, from);
		return manifest ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version : undefined;
	} catch {
		return undefined;
	}
}
