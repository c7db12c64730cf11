import { accessSync, chmodSync, constants, lstatSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { processShared } from "../process-shared.ts";

export type BrowserSource = "CHROME_PATH" | "system" | "@sparticuz/chromium";

export interface FoundBrowser {
	path: string;
	source: BrowserSource;
}

export interface BrowserSearch {
	found?: FoundBrowser;
	/** What was tried, in order, for the "no Chromium found" message. */
	tried: string[];
	/** Why each candidate was rejected (missing, not executable, failed to extract). */
	reasons: string[];
}

/** Launch flags for a root user on a closed network; Playwright adds a fresh user-data-dir itself. */
export const CHROMIUM_ARGS: readonly string[] = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
	"/usr/bin/chromium",
	"/usr/bin/chromium-browser",
	"/usr/bin/google-chrome",
	"/usr/bin/google-chrome-stable",
];

const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export interface FindBrowserDeps {
	env: Record<string, string | undefined>;
	isExecutable: (path: string) => boolean;
	/** Extracts the browser bundled with the `@sparticuz/chromium` package; undefined when unavailable. */
	sparticuz: () => Promise<string | undefined>;
}

function isExecutableFile(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Where `@sparticuz/chromium` may unpack its browser: a directory only this user can write.
 * The package unpacks into `os.tmpdir()`, and in a shared, world-writable /tmp another user could
 * plant a "chromium" there that the build would then run.
 */
export function privateBrowserDir(env: Record<string, string | undefined> = process.env): string {
	const cache = env.XDG_CACHE_HOME || join(homedir(), ".cache");
	return join(cache, "flowbook-chromium");
}

/** Creates `dir` (mode 0700) or checks an existing one: a real directory, ours, closed to others. */
export function ensurePrivateDir(dir: string): void {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const st = lstatSync(dir);
	if (!st.isDirectory()) throw new Error(`${dir} is not a directory`);
	if (typeof process.getuid === "function" && st.uid !== process.getuid())
		throw new Error(`${dir} belongs to another user`);
	if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

async function extractSparticuz(): Promise<string | undefined> {
	const dir = privateBrowserDir();
	ensurePrivateDir(dir);
	// The package reads os.tmpdir() (TMPDIR) when it loads and when it unpacks: point it at our directory.
	const saved = process.env.TMPDIR;
	process.env.TMPDIR = dir;
	try {
		// Optional devDependency: a production install without it must still fall back cleanly.
		const mod = (await import("@sparticuz/chromium")) as { default: { executablePath(): Promise<string> } };
		return await mod.default.executablePath();
	} finally {
		if (saved === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = saved;
	}
}

export const defaultFindBrowserDeps: FindBrowserDeps = {
	env: process.env,
	isExecutable: isExecutableFile,
	sparticuz: extractSparticuz,
};

/** Finds a Chromium without downloading anything: CHROME_PATH, system installs, PATH, then @sparticuz/chromium. */
export async function searchBrowser(deps: Partial<FindBrowserDeps> = {}): Promise<BrowserSearch> {
	const { env, isExecutable, sparticuz } = { ...defaultFindBrowserDeps, ...deps };
	const tried: string[] = [];
	const reasons: string[] = [];

	const fromEnv = env.CHROME_PATH;
	tried.push("CHROME_PATH");
	// An explicit opt-out: build without a browser (diagrams are then drawn in the reader's browser).
	if (fromEnv === "none") return { tried, reasons: ["CHROME_PATH=none turns build-time rendering off"] };
	if (fromEnv) {
		if (isExecutable(fromEnv)) return { found: { path: fromEnv, source: "CHROME_PATH" }, tried, reasons };
		reasons.push(`CHROME_PATH=${fromEnv} is not an executable file`);
	} else {
		reasons.push("CHROME_PATH is not set");
	}

	const pathDirs = (env.PATH ?? "").split(delimiter).filter((d) => d !== "");
	const candidates = [...SYSTEM_CHROMIUM_PATHS];
	for (const dir of pathDirs) for (const name of PATH_NAMES) candidates.push(join(dir, name));
	const seen = new Set<string>();
	for (const candidate of candidates) {
		if (seen.has(candidate)) continue;
		seen.add(candidate);
		if (SYSTEM_CHROMIUM_PATHS.includes(candidate)) tried.push(candidate);
		if (isExecutable(candidate)) return { found: { path: candidate, source: "system" }, tried, reasons };
	}
	tried.push("PATH");
	reasons.push(`no executable ${PATH_NAMES.join(", ")} in ${SYSTEM_CHROMIUM_PATHS.length} known paths or on PATH`);

	tried.push("@sparticuz/chromium");
	try {
		const path = await sparticuz();
		if (path && isExecutable(path)) return { found: { path, source: "@sparticuz/chromium" }, tried, reasons };
		reasons.push("@sparticuz/chromium gave no executable");
	} catch (error) {
		reasons.push(`@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
	}
	return { tried, reasons };
}

export interface UsedBrowser extends FoundBrowser {
	/** As Chromium reports it, e.g. `156.0.8078.114`. */
	version: string;
}

/** The browser that drew this build's diagrams; per process, as the integration and the pages are loaded apart. */
const used = processShared("browserUsed", () => ({ browser: undefined as UsedBrowser | undefined, launches: 0 }));

/** Called once a browser has started, so the build can say which one it used. */
export function noteBrowserUsed(found: FoundBrowser, version: string): void {
	used.browser = { ...found, version };
	used.launches++;
}

/** How many browsers this process has started so far (the build reports those its pages started). */
export function browserLaunches(): number {
	return used.launches;
}

/** `Chromium 156.0.8078.114 (/usr/bin/chromium, system)`, or undefined when no browser started in this process. */
export function browserUsedLine(): string | undefined {
	const b = used.browser;
	return b && `Chromium ${b.version} (${b.path}, ${b.source === "system" ? "system install" : b.source})`;
}
