/**
 * The playbook PDFs the build prints (`pdf: true` in flowbook.config.ts), read back with PDF.js, and the
 * download links on the home and onboarding pages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";

interface OutlineItem {
	title: string;
	items: OutlineItem[];
}

async function readPdf(file: string) {
	const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
	const outline = ((await doc.getOutline()) ?? []) as OutlineItem[];
	const flat = (items: OutlineItem[]): string[] => items.flatMap((i) => [i.title, ...flat(i.items ?? [])]);
	let internalLinks = 0;
	const urls: string[] = [];
	let text = "";
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		for (const a of await page.getAnnotations()) {
			if (a.subtype !== "Link") continue;
			if (a.dest) internalLinks++;
			else if (a.url) urls.push(a.url);
		}
		const content = await page.getTextContent();
		text += ` ${content.items.map((i) => ("str" in i ? i.str : "")).join(" ")}`;
	}
	return { pages: doc.numPages, top: outline.map((i) => i.title), outline: flat(outline), internalLinks, urls, text };
}

describe("the playbook PDF", () => {
	const session = useSite();

	it("has a table of contents, an outline in sidebar order, internal links and English text", async () => {
		const pdf = await readPdf(join(session.site.dir, "playbook.en.pdf"));
		expect(pdf.pages).toBeGreaterThan(20);
		expect(pdf.top.slice(0, 4)).toEqual([
			"Contents",
			"Acme Sales Playbook",
			"B2B new-business sales process",
			"Renewal and expansion",
		]);
		// Each page's own title (its h1), guides before the onboarding path, roles and FAQ, as in the sidebar.
		expect(pdf.top.slice(-4)).toEqual([
			"Your first week with the sales playbook",
			"What does each role do?",
			"Frequently asked questions",
			"Automations",
		]);
		expect(pdf.outline).toContain("Prospecting Stage");
		// The TOC, the step lists and cross-references all jump inside the document.
		expect(pdf.internalLinks).toBeGreaterThan(50);
		expect(pdf.urls.filter((u) => u.includes("127.0.0.1"))).toEqual([]);
		// Page numbers in the footer: "2 / 61".
		expect(pdf.text).toMatch(new RegExp(`\\b2\\s*/\\s*${pdf.pages}\\b`));
		expect(pdf.text).toContain("Done when");
		expect(pdf.text).not.toContain("Selesai jika");
	});

	it("is in Indonesian for Indonesian readers", async () => {
		const pdf = await readPdf(join(session.site.dir, "playbook.id.pdf"));
		expect(pdf.pages).toBeGreaterThan(20);
		expect(pdf.top[0]).toBe("Daftar isi");
		// This title wraps on the page; the outline keeps the space at the wrap.
		expect(pdf.top).toContain("Alur penjualan B2B untuk pelanggan baru");
		expect(pdf.top).toContain("Pertanyaan yang sering diajukan");
		expect(pdf.outline).toEqual(expect.arrayContaining(["Prospek Tahapan", "Kualifikasi Tahapan"]));
		expect(pdf.internalLinks).toBeGreaterThan(50);
		expect(pdf.text).toContain("Selesai jika");
	});

	it("is offered on the home and onboarding pages in the page's language", async () => {
		const { page } = await watchedPage(session.browser);
		const cases = [
			["", "Download the playbook (PDF)", "playbook.en.pdf", "en"],
			["onboarding/", "Download the playbook (PDF)", "playbook.en.pdf", "en"],
			["id/", "Unduh playbook (PDF)", "playbook.id.pdf", "id"],
			["id/onboarding/", "Unduh playbook (PDF)", "playbook.id.pdf", "id"],
		] as const;
		for (const [path, label, file, lang] of cases) {
			await page.goto(`${session.site.url}${path}`);
			const link = page.locator("[data-playbook-pdf] a");
			expect(await link.textContent()).toBe(label);
			expect(await link.getAttribute("hreflang")).toBe(lang);
			const href = (await link.getAttribute("href")) ?? "";
			expect(href).toBe(`/sales/${file}`);
			const response = await page.request.get(new URL(href, session.site.url).href);
			expect(response.status()).toBe(200);
			expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
		}
	});
});
