/**
 * Every Indonesian page of the built sample speaks Indonesian: no English interface text and no
 * English number formats outside elements marked `lang="en"` (content without a translation yet)
 * and code. Reads the DOM in Chromium, so text from components, charts and diagrams counts.
 */
import { readdirSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ui } from "../../src/i18n/ui.ts";
import { useSite, watchedPage } from "./support/browser.ts";
import { astroBuild, fixtureProject } from "./support/fixture-project.ts";
import { OUT_DIR } from "./support/site.ts";

/** Every `id/**\/index.html` of the build, as a path under the base. */
function indonesianPages(dir = join(OUT_DIR, "id")): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) return indonesianPages(full);
		return entry.name === "index.html" ? [`${relative(OUT_DIR, dir)}/`] : [];
	});
}

/** English UI text that would be wrong on an Indonesian page: fragments of strings Indonesian translates. */
function englishFragments(): string[] {
	const inIndonesian = Object.values(ui.id).join("\n");
	const fragments = new Set<string>();
	for (const [key, english] of Object.entries(ui.en)) {
		if (english === ui.id[key as keyof typeof ui.id]) continue;
		for (const part of english.split(/\{\w+\}|[“”"'()·:;,.?]/)) {
			const text = part.trim();
			// Short bits ("Demo", "Status") are the same word in both languages or too common to judge.
			if (text.split(/\s+/).length >= 2 && text.length >= 10 && !inIndonesian.includes(text)) fragments.add(text);
		}
	}
	return [...fragments];
}

/** English words that do not occur in Indonesian prose; product terms the team keeps in English are not listed. */
const ENGLISH_WORDS = /\b(the|and|deals|days?|with|which|stages?|conversion|bottlenecks?|Median days|per day)\b/i;
/** English digit grouping (3,005) or an English decimal point (9.8); Indonesian writes 3.005 and 9,8. */
const ENGLISH_NUMBER = /\d,\d{3}(?!\d)|(?<![\d.])\d+\.\d(?![\d.])/;
const ENGLISH_UNIT = /\d\s?(hr|d)\b/;

interface TextOnPage {
	text: string;
	where: string;
}

describe("Indonesian pages", () => {
	const session = useSite();
	const pages = indonesianPages();
	const texts = new Map<string, TextOnPage[]>();

	beforeAll(async () => {
		const { page } = await watchedPage(session.browser);
		for (const path of pages) {
			await page.goto(session.site.url + path);
			const found = await page.evaluate(() => {
				const out: { text: string; where: string }[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const parent = node.parentElement;
					const text = node.textContent?.replace(/\s+/g, " ").trim() ?? "";
					if (!parent || text === "") continue;
					if (parent.closest("script, style, template, noscript, code, pre, kbd")) continue;
					if (parent.closest("[lang]")?.getAttribute("lang")?.startsWith("en")) continue;
					out.push({ text, where: parent.tagName.toLowerCase() + (parent.className ? `.${parent.className}` : "") });
				}
				// Tooltips and accessible names are read too.
				for (const el of document.querySelectorAll<HTMLElement>("[title], [aria-label]")) {
					if (el.closest("[lang]")?.getAttribute("lang")?.startsWith("en")) continue;
					for (const attr of ["title", "aria-label"]) {
						const value = el.getAttribute(attr);
						if (value) out.push({ text: value, where: `${el.tagName.toLowerCase()}[${attr}]` });
					}
				}
				return out;
			});
			texts.set(path, found);
		}
		await page.close();
	});

	it("covers every Indonesian page of the sample, including metrics and guides", () => {
		expect(pages).toContain("id/");
		expect(pages).toContain("id/metrics/b2b/");
		expect(pages).toContain("id/pages/automation/");
		expect(pages.length).toBeGreaterThan(15);
	});

	it("show no English interface text outside content marked lang=en", () => {
		const fragments = englishFragments();
		expect(fragments.length).toBeGreaterThan(100);
		const problems: string[] = [];
		for (const [path, found] of texts) {
			for (const { text, where } of found) {
				const fragment = fragments.find((f) => text.includes(f));
				if (fragment) problems.push(`${path} ${where}: “${fragment}” in “${text.slice(0, 120)}”`);
				const word = ENGLISH_WORDS.exec(text);
				if (word) problems.push(`${path} ${where}: English word “${word[0]}” in “${text.slice(0, 120)}”`);
			}
		}
		expect(problems).toEqual([]);
	});

	it("write numbers, percentages and units the Indonesian way", () => {
		const problems: string[] = [];
		for (const [path, found] of texts) {
			for (const { text, where } of found) {
				const bad = ENGLISH_NUMBER.exec(text) ?? ENGLISH_UNIT.exec(text);
				if (bad) problems.push(`${path} ${where}: “${bad[0]}” in “${text.slice(0, 120)}”`);
			}
		}
		expect(problems).toEqual([]);
		const metrics = (texts.get("id/metrics/b2b/") ?? []).map((t) => t.text).join("\n");
		// The sample export has thousands of stage changes and decimal medians: both must appear in id-ID form.
		expect(metrics).toMatch(/\d\.\d{3} transaksi|\d\.\d{3} perubahan tahapan/);
		expect(metrics).toMatch(/\d,\d hari/);
	});

	it("show the headline values in Indonesian form", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/metrics/b2b/`);
		const value = (name: string) => page.locator(`[data-metric="${name}"] .metric-value`).textContent();
		await expect(value("cycle")).resolves.toMatch(/^\d+(,\d)? hari$/);
		await expect(value("velocity")).resolves.toMatch(/^US\$\d{1,3}(\.\d{3})+ per 30 hari$/);
		await expect(page.locator('[data-metric="velocity"] .formula').textContent()).resolves.toMatch(
			/× 30 = US\$[\d.]+ per 30 hari$/,
		);
		await page.close();
	});
});

describe("content without a translation", () => {
	let dir = "";
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it("is shown in English with a visible note and lang=en wherever it appears on Indonesian pages", async () => {
		dir = await fixtureProject({
			"content/flowcharts/ok.yaml":
				"title: Renewal desk\nsummary: How renewals are signed.\nroles: {}\nsteps:\n  - { id: a, type: start, label: Start here, next: b }\n  - { id: b, type: end, label: Signed }\n",
			"content/i18n/id/flowcharts/ok.yaml": "title: Meja perpanjangan\nsteps:\n  a:\n    label: Mulai di sini\n",
			"content/pages/guide.mdx":
				"---\ntitle: Only in English\ndescription: Written in English.\n---\n\nSome English text.\n",
			"content/pages/second.mdx": "---\ntitle: Second guide\n---\n\nMore English.\n",
		});
		const { status, stderr } = astroBuild(dir, { CHROME_PATH: "none" });
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(status).toBe(0);
		const guide = await readFile(join(dir, "dist/id/pages/guide/index.html"), "utf8");
		expect(guide).toContain("data-untranslated");
		expect(guide).toMatch(/<h1[^>]*lang="en"[^>]*>Only in English<\/h1>/);
		expect(guide).toMatch(/<div class="page-body"[^>]*lang="en"[^>]*>\s*<p>Some English text/);
		// Sidebar and pager name the English guides in English.
		expect(guide).toMatch(/<a[^>]*lang="en"[^>]*>\s*Second guide\s*<\/a>/);
		expect(guide).toMatch(/<span[^>]*\blang="en"[^>]*>Second guide<\/span>/);
		const home = await readFile(join(dir, "dist/id/index.html"), "utf8");
		expect(home).toMatch(
			/<li class="card" lang="en"[^>]*>[\s\S]*?Only in English[\s\S]*?<p lang="id"[^>]*data-untranslated[^>]*>\s*<small>Hanya dalam bahasa Inggris/,
		);
		// A translated title is not marked; the untranslated summary is.
		expect(home).toMatch(/<h3[^>]*>\s*<a[^>]*>Meja perpanjangan<\/a>/);
		expect(home).not.toMatch(/<h3[^>]*lang="en"[^>]*>\s*<a[^>]*>Meja perpanjangan/);
		expect(home).toMatch(/<p lang="en"[^>]*>How renewals are signed\.<\/p>/);
		// English pages carry no lang marks of their own.
		const english = await readFile(join(dir, "dist/pages/guide/index.html"), "utf8");
		expect(english).not.toMatch(/lang="en"[^>]*>Only in English/);
	}, 300_000);
});
