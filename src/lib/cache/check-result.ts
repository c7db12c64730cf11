/**
 * The build's content check and early diagram phase, remembered: a warm build whose inputs did not change prints
 * the stored diagnostics and summary instead of reading every content file, CRM export and diagram again.
 *
 * The key covers everything those two phases read or depend on: every file under content/ (bytes, not times: CI
 * restores caches onto fresh checkouts), the resolved settings, the build date, the code (every file of the folders
 * the check's modules live in, which a unit test holds to the check's imports) and the installed packages. A record
 * only says the early diagrams need not run if their cache files are all still there.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FlowbookConfig } from "../config.ts";
import { filesOf, hashFiles, hashPart } from "./digest.ts";
import { noteUsed } from "./prune.ts";
import { writeFileAtomic } from "./write-file.ts";

export const CHECK_RESULT_FILE = ".cache/flowbook/check-result.json";

/** Bumped when the record's shape changes; a record of another shape is ignored. */
const RECORD_FORMAT = 1;

/** The folders of `src/` whose code makes the check's result (tests/unit/cache/check-result.test.ts holds this). */
export const CHECK_CODE_DIRS = ["lib", "i18n", "integration"] as const;

const SRC_DIR = fileURLToPath(new URL("../../", import.meta.url));

export interface CheckKeyOptions {
	/** Folders of code whose files are hashed (default: CHECK_CODE_DIRS under this project's src/). */
	codeDirs?: readonly string[];
	/** The folder holding node_modules and the lock files (default: the one above this project's src/). */
	packagesDir?: string;
	env?: Record<string, string | undefined>;
	now?: Date;
}

type CheckSettings = Pick<FlowbookConfig, "strict"> & Partial<Omit<FlowbookConfig, "strict">>;

/**
 * A digest of everything the check and the early diagrams depend on, or undefined when content/ or the code holds a
 * symbolic link (its target could change without anything under the folder changing, so nothing is remembered).
 */
export async function checkInputsKey(
	rootDir: string,
	config: CheckSettings,
	options: CheckKeyOptions = {},
): Promise<string | undefined> {
	const env = options.env ?? process.env;
	const hash = createHash("sha256").update(`flowbook-check-${RECORD_FORMAT}\0`);
	const content = await filesUnder(join(rootDir, "content"));
	if (content === undefined) return undefined;
	hashPart(hash, JSON.stringify(settingsPart(config, env, options.now ?? new Date())));
	// The diagram cache is found from the working folder (render/cache.ts), so a build run from elsewhere differs.
	hashPart(hash, process.cwd());
	for (const [i, dir] of (options.codeDirs ?? CHECK_CODE_DIRS.map((d) => join(SRC_DIR, d))).entries()) {
		const files = await filesUnder(dir);
		if (files === undefined) return undefined;
		hashPart(hash, `code ${i}`);
		await hashFiles(hash, dir, files);
	}
	for (const file of LOCK_FILES) {
		hashPart(hash, await readFile(join(options.packagesDir ?? dirname(SRC_DIR), file)).catch(() => ""));
	}
	hashPart(hash, "content");
	await hashFiles(hash, join(rootDir, "content"), content);
	return hash.digest("hex").slice(0, 40);
}

/** Settings, the date and the environment that change the printed result. */
function settingsPart(config: CheckSettings, env: Record<string, string | undefined>, now: Date) {
	const intl = Intl.DateTimeFormat().resolvedOptions();
	// FLOWBOOK_TIMING only adds timing lines printed live, never stored.
	const flowbookEnv = Object.entries(env)
		.filter(([name]) => name.startsWith("FLOWBOOK_") && name !== "FLOWBOOK_TIMING")
		.sort(([a], [b]) => a.localeCompare(b));
	return {
		config,
		// Overdue reviews depend on the day when `today` is not set (src/lib/review/due.ts buildDate).
		today: config.today ?? now.toISOString().slice(0, 10),
		flowbookEnv,
		// Diagnostics are sorted with localeCompare and some messages hold dates: the locale and zone of this process.
		locale: intl.locale,
		timeZone: intl.timeZone,
		node: process.version,
	};
}

/**
 * The installed dependency tree, so upgrading a parser or Mermaid misses: npm's record of what it installed, and the
 * lock files (another package manager, or node_modules installed without npm).
 */
const LOCK_FILES = ["node_modules/.package-lock.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock"];

/** Every file under `dir` (sorted `/` paths), [] when it does not exist, undefined if it holds a symbolic link. */
async function filesUnder(dir: string): Promise<string[] | undefined> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries.some((e) => e.isSymbolicLink()) ? undefined : filesOf(dir, entries);
}

/** What a check printed, and the diagram cache files its early diagram phase found or wrote. */
export interface CheckResult {
	output: string;
	diagrams: string[];
}

interface CheckRecord extends CheckResult {
	format: number;
	key: string;
}

function isRecord(value: unknown): value is CheckRecord {
	const r = value as Partial<CheckRecord> | null;
	return (
		typeof r === "object" &&
		r !== null &&
		r.format === RECORD_FORMAT &&
		typeof r.key === "string" &&
		typeof r.output === "string" &&
		Array.isArray(r.diagrams) &&
		r.diagrams.every((d) => typeof d === "string")
	);
}

/**
 * The stored output for `key`, when the record is for that key and every diagram file it names still exists;
 * otherwise undefined (no record, another key, a corrupt or foreign file, a cleared diagram cache).
 */
export async function storedCheckOutput(rootDir: string, key: string): Promise<string | undefined> {
	let record: unknown;
	try {
		record = JSON.parse(await readFile(join(rootDir, CHECK_RESULT_FILE), "utf8"));
	} catch {
		return undefined;
	}
	if (!isRecord(record) || record.key !== key) return undefined;
	const present = await Promise.all(
		record.diagrams.map((file) =>
			stat(file).then(
				(s) => s.isFile(),
				() => false,
			),
		),
	);
	if (!present.every(Boolean)) return undefined;
	// The pages will read these drawings: in use for the cache pruning (prune.ts), like the ones a build draws.
	for (const file of record.diagrams) noteUsed(dirname(file), basename(file));
	return record.output;
}

/** Remembers a passing check's result; a failed write only costs the next build a full check. */
export async function storeCheckResult(rootDir: string, key: string, result: CheckResult): Promise<void> {
	const record: CheckRecord = { format: RECORD_FORMAT, key, ...result };
	await writeFileAtomic(join(rootDir, CHECK_RESULT_FILE), JSON.stringify(record)).catch(() => {});
}
