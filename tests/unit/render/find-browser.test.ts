import { chmodSync, mkdtempSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensurePrivateDir, privateBrowserDir, searchBrowser } from "../../../src/lib/render/find-browser.ts";

function deps(executables: string[], env: Record<string, string | undefined> = {}, sparticuz?: string) {
	return {
		env,
		isExecutable: (p: string) => executables.includes(p),
		sparticuz: async () => {
			if (sparticuz === undefined) throw new Error("Cannot find package '@sparticuz/chromium'");
			return sparticuz;
		},
	};
}

describe("searchBrowser", () => {
	it("prefers CHROME_PATH", async () => {
		const r = await searchBrowser(deps(["/opt/chrome", "/usr/bin/chromium"], { CHROME_PATH: "/opt/chrome" }));
		expect(r.found).toEqual({ path: "/opt/chrome", source: "CHROME_PATH" });
	});

	it("skips a CHROME_PATH that is not executable", async () => {
		const r = await searchBrowser(deps(["/usr/bin/chromium"], { CHROME_PATH: "/nope" }));
		expect(r.found).toEqual({ path: "/usr/bin/chromium", source: "system" });
		expect(r.reasons[0]).toBe("CHROME_PATH=/nope is not an executable file");
	});

	it("renders nothing at build time with CHROME_PATH=none, even where a browser exists", async () => {
		const r = await searchBrowser(deps(["/usr/bin/chromium"], { CHROME_PATH: "none" }, "/tmp/chromium"));
		expect(r.found).toBeUndefined();
		expect(r.reasons).toEqual(["CHROME_PATH=none turns build-time rendering off"]);
	});

	it("tries the known system paths in order", async () => {
		const r = await searchBrowser(deps(["/usr/bin/google-chrome", "/usr/bin/chromium-browser"]));
		expect(r.found?.path).toBe("/usr/bin/chromium-browser");
	});

	it("looks on PATH after the known paths", async () => {
		const r = await searchBrowser(deps(["/home/u/bin/google-chrome-stable"], { PATH: "/usr/local/bin:/home/u/bin" }));
		expect(r.found).toEqual({ path: "/home/u/bin/google-chrome-stable", source: "system" });
	});

	it("falls back to @sparticuz/chromium", async () => {
		const r = await searchBrowser(deps(["/tmp/chromium"], {}, "/tmp/chromium"));
		expect(r.found).toEqual({ path: "/tmp/chromium", source: "@sparticuz/chromium" });
	});

	it("reports what it tried when nothing is found", async () => {
		const r = await searchBrowser(deps([], { PATH: "/usr/local/bin" }));
		expect(r.found).toBeUndefined();
		expect(r.tried).toMatchInlineSnapshot(`
			[
			  "CHROME_PATH",
			  "/usr/bin/chromium",
			  "/usr/bin/chromium-browser",
			  "/usr/bin/google-chrome",
			  "/usr/bin/google-chrome-stable",
			  "PATH",
			  "@sparticuz/chromium",
			]
		`);
		expect(r.reasons.at(-1)).toBe("@sparticuz/chromium: Cannot find package '@sparticuz/chromium'");
	});
});

describe("private unpack directory for @sparticuz/chromium", () => {
	it("lives in the user's cache, not in /tmp", () => {
		expect(privateBrowserDir({ XDG_CACHE_HOME: "/home/u/.cache" })).toBe("/home/u/.cache/flowbook-chromium");
		expect(privateBrowserDir({})).not.toMatch(/^\/tmp\b/);
	});

	it("is created closed to other users, and an open one is closed", () => {
		const dir = join(mkdtempSync(join(tmpdir(), "flowbook-cache-")), "flowbook-chromium");
		ensurePrivateDir(dir);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		chmodSync(dir, 0o777);
		ensurePrivateDir(dir);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
	});

	it("refuses a symlink planted in its place", () => {
		const base = mkdtempSync(join(tmpdir(), "flowbook-cache-"));
		const dir = join(base, "flowbook-chromium");
		symlinkSync(base, dir);
		expect(() => ensurePrivateDir(dir)).toThrow("is not a directory");
	});
});
