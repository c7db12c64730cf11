/**
 * A flowchart's metrics kept between builds. Ingesting the CRM export, computing the figures and aligning every deal
 * with the flowchart is the metrics pages' whole cost in a warm build (~0.2 s for a 0.9 MB export, every build), and
 * the result depends only on the export folder's files, the flowchart, the options and the code: a load made before
 * is read back from `<dir>/<digest>.bin`.
 *
 * The load holds typed arrays, Maps and `undefined` fields (the event store, figures without a value), which JSON
 * would lose; V8's structured serialisation keeps them exactly, so a kept load renders the same bytes.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { hashFiles, hashPart, treeFiles } from "../cache/digest.ts";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomic } from "../cache/write-file.ts";

export const METRICS_CACHE_DIR = ".cache/flowbook/metrics";

/** Bump when the stored shape changes without a change in the code digest (it cannot today: the code is hashed). */
const FORMAT = "flowbook-metrics-1";

/** The folders of Flowbook's `src/` whose code makes a load (`loadMetrics` imports from `lib` and `i18n` only). */
export const METRICS_CODE_DIRS = ["lib", "i18n"] as const;

/** The installed packages (parsers, schema library), as npm records them; next to `src/`. */
const LOCK_FILE = "node_modules/.package-lock.json";

export interface MetricsCacheOptions {
	/** Folder of the kept loads (absolute), e.g. `<root>/.cache/flowbook/metrics`. */
	dir: string;
	/**
	 * Flowbook's `src/` folder (absolute). Not found from this module's own address: in a build the pages run from
	 * bundled chunks under `dist/`, whose code is not the source.
	 */
	srcDir: string;
}

const codeDigests = new Map<string, { signature: string; digest: Promise<string | undefined> }>();

/**
 * A digest of Flowbook's code (`src/lib`, `src/i18n`) and installed packages; undefined when a code folder is missing.
 * Hashed again only when a code file's or the lock file's name, size or time changed: a dev server keeps this module
 * while other code is edited. Other kept outputs made by `src/lib` code use it too (`src/lib/site/kept-text.ts`).
 */
export async function sourceDigest(srcDir: string): Promise<string | undefined> {
	const signature = await codeSignature(srcDir);
	if (signature === undefined) return undefined;
	let known = codeDigests.get(srcDir);
	if (known?.signature !== signature) {
		known = { signature, digest: hashCode(srcDir) };
		codeDigests.set(srcDir, known);
	}
	return known.digest;
}

async function codeSignature(srcDir: string): Promise<string | undefined> {
	try {
		const parts = await Promise.all(
			METRICS_CODE_DIRS.map(async (name) => {
				const dir = join(srcDir, name);
				const files = await treeFiles(dir, () => true);
				const stats = await Promise.all(files.map((file) => stat(join(dir, file))));
				return files.map((file, i) => `${name}/${file}:${stats[i]?.size}:${stats[i]?.mtimeMs}`).join("|");
			}),
		);
		const lock = await stat(join(srcDir, "..", LOCK_FILE)).catch(() => undefined);
		return `${parts.join("|")}|${lock?.size}:${lock?.mtimeMs}`;
	} catch {
		return undefined;
	}
}

async function hashCode(srcDir: string): Promise<string | undefined> {
	try {
		const hash = createHash("sha256");
		for (const name of METRICS_CODE_DIRS) {
			const dir = join(srcDir, name);
			hashPart(hash, name);
			await hashFiles(hash, dir, await treeFiles(dir, () => true));
		}
		hashPart(hash, await readFile(join(srcDir, "..", LOCK_FILE)).catch(() => ""));
		return hash.digest("hex");
	} catch {
		return undefined;
	}
}

/**
 * The key of a load: the options that shape it (as JSON), the export folder's files (names and bytes), the time zone
 * (timestamps without one are read in local time) and the code. Undefined when it cannot be made (then nothing is
 * kept or read).
 */
export async function metricsCacheKey(
	cache: MetricsCacheOptions,
	folderDir: string,
	options: unknown,
): Promise<string | undefined> {
	const code = await sourceDigest(cache.srcDir);
	if (code === undefined) return undefined;
	const hash = createHash("sha256").update(`${FORMAT}\0`);
	hashPart(hash, code);
	hashPart(hash, `${process.env.TZ ?? ""} ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
	hashPart(hash, JSON.stringify(options));
	const files = await readdir(folderDir, { withFileTypes: true }).then(
		(entries) =>
			entries
				.filter((e) => e.isFile())
				.map((e) => e.name)
				.sort(),
		() => [],
	);
	hashPart(hash, `files ${files.length}`);
	await hashFiles(hash, folderDir, files);
	return hash.digest("hex").slice(0, 32);
}

/** The kept load for `key`, or undefined when there is none or it cannot be read as one. */
export async function readKeptLoad<T extends object>(cache: MetricsCacheOptions, key: string): Promise<T | undefined> {
	// In use whether found or about to be kept (cache/prune.ts).
	noteUsed(cache.dir, `${key}.bin`);
	try {
		const kept = deserialize(Buffer.from(await readFile(join(cache.dir, `${key}.bin`), "utf8"), "base64")) as unknown;
		if (typeof kept !== "object" || kept === null || !("format" in kept) || kept.format !== FORMAT) return undefined;
		return "load" in kept && typeof kept.load === "object" && kept.load !== null ? (kept.load as T) : undefined;
	} catch {
		return undefined;
	}
}

/** Keeps `load` under `key`; a cache that cannot be written costs the next build a load, never this one. */
export async function keepLoad(cache: MetricsCacheOptions, key: string, load: object): Promise<void> {
	// Base64: the shared atomic writer takes text.
	const text = serialize({ format: FORMAT, load }).toString("base64");
	noteUsed(cache.dir, `${key}.bin`);
	await writeFileAtomic(join(cache.dir, `${key}.bin`), text).catch(() => undefined);
}
