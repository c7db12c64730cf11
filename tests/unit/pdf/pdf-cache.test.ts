import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pdfCacheKey, restorePdfs, storePdfs } from "../../../src/lib/pdf/pdf-cache.ts";

let dir: string;
let dist: string;
let cache: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), "fb-pdf-cache-"));
	dist = join(dir, "dist");
	cache = join(dir, "cache");
	mkdirSync(join(dist, "pages", "a"), { recursive: true });
	mkdirSync(join(dist, "pagefind"), { recursive: true });
	writeFileSync(join(dist, "index.html"), "<main>home</main>");
	writeFileSync(join(dist, "pages", "a", "index.html"), "<main>a</main>");
	writeFileSync(join(dist, "pagefind", "index.bin"), "1");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("pdfCacheKey", () => {
	it("changes with any page or asset of the site and with the base path, not with the PDFs or the search index", async () => {
		const key = await pdfCacheKey(dist, "/");
		writeFileSync(join(dist, "playbook.en.pdf"), "%PDF old");
		writeFileSync(join(dist, "pagefind", "index.bin"), "2");
		expect(await pdfCacheKey(dist, "/")).toBe(key);
		expect(await pdfCacheKey(dist, "/sales/")).not.toBe(key);
		writeFileSync(join(dist, "pages", "a", "index.html"), "<main>a, edited</main>");
		expect(await pdfCacheKey(dist, "/")).not.toBe(key);
	});
});

describe("storePdfs / restorePdfs", () => {
	it("copies the kept PDFs back only when every one asked for is there, and keeps one set", async () => {
		const out = join(dir, "out");
		mkdirSync(out);
		writeFileSync(join(dist, "playbook.en.pdf"), "%PDF en");
		await storePdfs(cache, "k1", [join(dist, "playbook.en.pdf")]);
		expect(await restorePdfs(cache, "k1", ["playbook.en.pdf", "playbook.id.pdf"], out)).toBe(false);
		expect(existsSync(join(out, "playbook.en.pdf"))).toBe(false);
		expect(await restorePdfs(cache, "k1", ["playbook.en.pdf"], out)).toBe(true);
		expect(readFileSync(join(out, "playbook.en.pdf"), "utf8")).toBe("%PDF en");
		// A newer site replaces the older set instead of adding to it.
		await storePdfs(cache, "k2", [join(dist, "playbook.en.pdf")]);
		expect(await restorePdfs(cache, "k1", ["playbook.en.pdf"], out)).toBe(false);
		expect(await restorePdfs(cache, "nothing-here", ["playbook.en.pdf"], out)).toBe(false);
	});
});
