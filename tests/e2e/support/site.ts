/**
 * Builds the sample site under the base path /sales/ once, and serves it on
 * 127.0.0.1 like an intranet web server would (404s get the site's 404 page).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve, sep } from "node:path";
import sirv from "sirv";

export const BASE = "/sales/";
export const ROOT = resolve(import.meta.dirname, "../../..");
export const OUT_DIR = join(ROOT, ".cache/e2e-site");

/** Build date for review status, fixed so tests don't change with the calendar. */
export const TEST_TODAY = "2026-11-27";

/** Longest the sample build may take on a loaded 2-core machine (1-3 min is usual). */
const BUILD_TIMEOUT = 600_000;

export function buildSite(outDir = OUT_DIR, env: Record<string, string> = {}): void {
	try {
		runBuild(outDir, env);
	} catch (error) {
		const timedOut = (error as NodeJS.ErrnoException).code === "ETIMEDOUT";
		throw new Error(
			timedOut
				? `The site build for the browser tests did not finish within ${BUILD_TIMEOUT / 1000} s; is the machine overloaded (uptime)?`
				: `The site build for the browser tests failed (its output is above): ${(error as Error).message.split("\n")[0]}`,
		);
	}
}

function runBuild(outDir: string, env: Record<string, string>): void {
	execFileSync("npm", ["run", "--silent", "build", "--", "--outDir", outDir], {
		cwd: ROOT,
		stdio: ["ignore", "pipe", "inherit"],
		env: {
			...process.env,
			// vitest sets NODE_ENV=test, which Astro keeps: `import.meta.env.DEV` would be true in the built pages.
			NODE_ENV: "production",
			ASTRO_TELEMETRY_DISABLED: "1",
			FLOWBOOK_BASE: BASE,
			FLOWBOOK_SITE: "http://127.0.0.1",
			FLOWBOOK_TODAY: TEST_TODAY,
			...env,
		},
		maxBuffer: 64 * 1024 * 1024,
		timeout: BUILD_TIMEOUT,
	});
}

export async function serveSite(dir = OUT_DIR): Promise<{ url: string; close: () => Promise<void> }> {
	const assets = sirv(dir, { dev: false, etag: false, dotfiles: false });
	const notFound = existsSync(join(dir, "404.html")) ? readFileSync(join(dir, "404.html")) : Buffer.from("Not found");
	const server: Server = createServer((req, res) => {
		const url = req.url ?? "/";
		if (!url.startsWith(BASE)) {
			res.statusCode = 404;
			res.end(notFound);
			return;
		}
		req.url = url.slice(BASE.length - 1);
		assets(req, res, () => {
			res.statusCode = 404;
			res.setHeader("Content-Type", "text/html; charset=utf-8");
			res.end(notFound);
		});
	});
	await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${BASE}`,
		close: () => new Promise<void>((done) => server.close(() => done())),
	};
}

/**
 * Every HTML page in a built site, as paths under the base: `""` (home), `"id/roles/"`, `"404.html"`.
 * Read from the folder itself, so a page no link leads to is still listed.
 */
export function builtPages(dir = OUT_DIR): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((file) => file.endsWith(".html"))
		.map((file) => file.split(sep).join("/"))
		.map((file) =>
			file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file,
		)
		.sort();
}
