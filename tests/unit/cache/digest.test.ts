import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheKey, packageVersion, packageVersionSync, treeFiles } from "../../../src/lib/cache/digest.ts";

let dir: string;
let code: string;
let input: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fb-digest-"));
	code = join(dir, "code");
	input = join(dir, "input");
	mkdirSync(join(code, "sub"), { recursive: true });
	mkdirSync(join(input, "a"), { recursive: true });
	writeFileSync(join(code, "make.ts"), "export const v = 1;");
	writeFileSync(join(code, "sub", "other.ts"), "x");
	writeFileSync(join(input, "index.html"), "home");
	writeFileSync(join(input, "a", "index.html"), "a");
	writeFileSync(join(input, "a", "style.css"), "css");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = (extra = "") =>
	cacheKey({ extra, code: pathToFileURL(join(code, "make.ts")).href, dir: input, keep: (f) => f.endsWith(".html") });

describe("treeFiles", () => {
	it("lists the kept files under a folder by /-separated relative path, sorted", async () => {
		expect(await treeFiles(input, () => true)).toEqual(["a/index.html", "a/style.css", "index.html"]);
		expect(await treeFiles(input, (f) => f.endsWith(".html"))).toEqual(["a/index.html", "index.html"]);
	});
});

describe("cacheKey", () => {
	it("changes with a kept input file, its name, the settings and the code folder's files, nothing else", async () => {
		const first = await key();
		expect(await key()).toBe(first);
		writeFileSync(join(input, "a", "style.css"), "css, edited");
		writeFileSync(join(code, "sub", "other.ts"), "not the code folder itself");
		expect(await key()).toBe(first);
		expect(await key("v2")).not.toBe(first);
		writeFileSync(join(code, "make.ts"), "export const v = 2;");
		const codeChanged = await key();
		expect(codeChanged).not.toBe(first);
		writeFileSync(join(input, "a", "index.html"), "a, edited");
		const pageChanged = await key();
		expect(pageChanged).not.toBe(codeChanged);
		rmSync(join(input, "a", "index.html"));
		writeFileSync(join(input, "b.html"), "a, edited");
		expect(await key()).not.toBe(pageChanged);
	});
});

describe("packageVersionSync", () => {
	it("reads the installed version as packageVersion does, and undefined for a package that is not there", async () => {
		const from = pathToFileURL(join(process.cwd(), "src/lib/markdown/inline.ts")).href;
		const unified = packageVersionSync("unified", from);
		expect(unified).toMatch(/^\d+\.\d+\.\d+/);
		expect(unified).toBe(await packageVersion("unified", from));
		expect(packageVersionSync("no-such-package-flowbook", from)).toBeUndefined();
	});
});
