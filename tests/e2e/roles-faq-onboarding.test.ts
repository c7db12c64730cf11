import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { axeViolations } from "./support/axe.ts";
import { useSite, watchedPage } from "./support/browser.ts";
import { ROOT } from "./support/site.ts";

const faqEn = parse(readFileSync(join(ROOT, "content/faq/en.yaml"), "utf8")) as {
	topics: { questions: { id: string; question: string; step?: string }[] }[];
};
const onboarding = parse(readFileSync(join(ROOT, "content/onboarding.yaml"), "utf8")) as {
	items: { ref: string; minutes: number }[];
};
const questions = faqEn.topics.flatMap((t) => t.questions);
const totalMinutes = onboarding.items.reduce((sum, i) => sum + i.minutes, 0);

describe("roles, FAQ and onboarding pages (under /sales/)", () => {
	const session = useSite();

	it("onboarding: a read mark persists across a reload and the progress updates live", async () => {
		const { page, consoleErrors, foreign } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}onboarding/`);
		const items = page.locator("ol.onboarding-list > li");
		await expect(items.count()).resolves.toBe(onboarding.items.length);
		const progress = page.locator("[data-onboarding-progress]");
		await expect(progress.isVisible()).resolves.toBe(true);
		await expect(progress.textContent()).resolves.toContain(
			`0 of ${onboarding.items.length} read · 0 of ${totalMinutes} minutes`,
		);
		const first = onboarding.items[0];
		const box = page.getByRole("checkbox").first();
		await expect(box.isVisible()).resolves.toBe(true);
		await box.check();
		await expect(progress.textContent()).resolves.toContain(
			`1 of ${onboarding.items.length} read · ${first?.minutes} of ${totalMinutes} minutes`,
		);
		await expect(page.evaluate((ref) => localStorage.getItem(`flowbook-read:${ref}`), first?.ref)).resolves.toBe("1");
		await page.reload();
		await expect(page.getByRole("checkbox").first().isChecked()).resolves.toBe(true);
		await expect(page.getByRole("checkbox").nth(1).isChecked()).resolves.toBe(false);
		await expect(progress.textContent()).resolves.toContain(`1 of ${onboarding.items.length} read`);
		// Unchecking clears the mark.
		await page.getByRole("checkbox").first().uncheck();
		await expect(progress.textContent()).resolves.toContain(`0 of ${onboarding.items.length} read`);
		await page.reload();
		await expect(page.getByRole("checkbox").first().isChecked()).resolves.toBe(false);
		expect(consoleErrors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	it("onboarding: each checkbox has an accessible name", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}onboarding/`);
		const names = await page
			.getByRole("checkbox")
			.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""));
		expect(names).toHaveLength(onboarding.items.length);
		for (const name of names) expect(name).toMatch(/^Mark as read\s*: \S/);
	});

	it("onboarding without JavaScript is a plain ordered list with links and no checkboxes", async () => {
		const context = await session.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${session.site.url}onboarding/`);
		await expect(page.locator("ol.onboarding-list > li").count()).resolves.toBe(onboarding.items.length);
		await expect(page.getByRole("checkbox").count()).resolves.toBe(0);
		await expect(page.locator("[data-onboarding-progress]").isVisible()).resolves.toBe(false);
		await expect(page.locator("[data-onboarding-total]").textContent()).resolves.toContain(`${totalMinutes} minutes`);
		const firstLink = page.locator("ol.onboarding-list > li").first().locator("a");
		await expect(firstLink.getAttribute("href")).resolves.toBe("/sales/pages/overview/");
		await context.close();
	});

	it("role page: steps grouped by flowchart and letter, and a step link lands on its anchor", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}roles/ae/`);
		await expect(page.locator("h1").textContent()).resolves.toContain("Account executive");
		const summary = (await page.locator("[data-role-summary]").textContent()) ?? "";
		expect(summary).toMatch(/Responsible \d+/);
		expect(summary).not.toMatch(/ 0\b/);
		const b2b = page.locator('section.role-flowchart[data-flowchart="b2b"]');
		const letters = await b2b
			.locator("div.role-letter")
			.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.letter));
		expect(letters.length).toBeGreaterThan(1);
		// Always in R, A, C, I order.
		expect(letters).toEqual(["R", "A", "C", "I"].filter((l) => letters.includes(l)));
		const responsible = b2b.locator('div.role-letter[data-letter="R"]');
		await expect(responsible.locator("h3").textContent()).resolves.toContain("Responsible");
		await expect(responsible.textContent()).resolves.toContain("Done when");
		const link = responsible.locator("li a").first();
		const target = (await link.getAttribute("href")) ?? "";
		expect(target).toMatch(/^\/sales\/flowcharts\/b2b\/#step-[a-z-]+$/);
		await link.click();
		const anchor = target.split("#")[1] ?? "";
		await page.waitForURL(new RegExp(`/sales/flowcharts/b2b/#${anchor}$`));
		await expect(page.locator(`#${anchor}`).isVisible()).resolves.toBe(true);
		expect(consoleErrors).toEqual([]);
	});

	it("roles index: a matrix row per role whose cells link to the role page", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}roles/`);
		await expect(page.locator("h1").textContent()).resolves.toBe("What does each role do?");
		const cell = page.locator('table.role-matrix tr[data-role="ae"] td[data-flowchart="b2b"] a');
		await expect(cell.textContent()).resolves.toMatch(/R \d+/);
		await expect(cell.getAttribute("href")).resolves.toBe("/sales/roles/ae/#fc-b2b");
		await expect(page.locator("article").getAttribute("data-pagefind-ignore")).resolves.not.toBeNull();
	});

	it("FAQ: every question has an anchor, and a step's section links to its question", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}faq/`);
		for (const q of questions) {
			await expect(page.locator(`h3#q-${q.id}`).count()).resolves.toBe(1);
			await expect(page.locator(`a[href="#q-${q.id}"]`).count()).resolves.toBe(1);
		}
		// Questions are search records of their own (at their anchors), so the page as a whole is not indexed.
		await expect(page.locator("article").getAttribute("data-pagefind-ignore")).resolves.not.toBeNull();
		const about = page.locator('[data-question="when-is-a-lead-qualified"] .faq-about a');
		await expect(about.getAttribute("href")).resolves.toBe("/sales/flowcharts/b2b/#step-qualified");

		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const link = page.locator(
			'section[data-step="qualified"] [data-step-questions] a[data-question="when-is-a-lead-qualified"]',
		);
		await expect(link.textContent()).resolves.toContain("When is a lead qualified?");
		await link.click();
		await page.waitForURL(/\/sales\/faq\/#q-when-is-a-lead-qualified$/);
		await expect(page.locator("#q-when-is-a-lead-qualified").isVisible()).resolves.toBe(true);
	});

	it("FAQ: the JSON-LD parses and lists every question", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}faq/`);
		const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
		expect(scripts).toHaveLength(1);
		const data = JSON.parse(scripts[0] ?? "") as {
			"@type": string;
			mainEntity: { "@type": string; name: string; acceptedAnswer: { text: string } }[];
		};
		expect(data["@type"]).toBe("FAQPage");
		expect(data.mainEntity).toHaveLength(questions.length);
		expect(data.mainEntity.map((q) => q.name)).toEqual(questions.map((q) => q.question));
		for (const q of data.mainEntity) expect(q.acceptedAnswer.text).not.toMatch(/[*[\]]|<\w/);
	});

	it("Indonesian FAQ and role pages are in Indonesian with lang=id", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/faq/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("id");
		await expect(page.locator("h1").textContent()).resolves.toBe("Pertanyaan yang sering diajukan");
		await expect(page.locator("#q-what-is-a-sales-process-flowchart").textContent()).resolves.toContain(
			"Apa itu sales process flowchart?",
		);
		await expect(page.locator("[data-untranslated]").count()).resolves.toBe(0);
		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "") as {
			inLanguage: string;
		};
		expect(ld.inLanguage).toBe("id");

		await page.goto(`${session.site.url}id/roles/ae/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("id");
		await expect(page.locator("h1").textContent()).resolves.toContain("apa tugas peran ini?");
		const b2b = page.locator('section.role-flowchart[data-flowchart="b2b"]');
		await expect(b2b.locator("h2").textContent()).resolves.toBe("Alur penjualan B2B untuk pelanggan baru");
		// The role's description is translated too, so it is not marked as English.
		await expect(b2b.locator(".role-description").getAttribute("lang")).resolves.toBeNull();
		await expect(b2b.locator('div.role-letter[data-letter="R"] h3').textContent()).resolves.toContain("Pelaksana");
		const link = b2b.locator("li a").first();
		await expect(link.getAttribute("href")).resolves.toMatch(/^\/sales\/id\/flowcharts\/b2b\/#step-/);
	});

	it("sidebar lists the onboarding path first, then roles and FAQ", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}faq/`);
		const hrefs = await page
			.locator("#sidebar a")
			.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
			.then((all) => all.filter((h) => /\/sales\/(onboarding|roles|faq)\/$/.test(h)));
		expect(hrefs).toEqual(["/sales/onboarding/", "/sales/roles/", "/sales/faq/"]);
	});

	// Every page is checked as loaded by the crawl in site.test.ts; this covers the state after ticking an item.
	it("passes axe-core in light and dark with an onboarding item ticked", async () => {
		const violations: string[] = [];
		for (const scheme of ["light", "dark"] as const) {
			const { page } = await watchedPage(session.browser, { colorScheme: scheme });
			for (const path of ["onboarding/", "id/onboarding/"]) {
				await page.goto(`${session.site.url}${path}`);
				await page.getByRole("checkbox").first().check();
				for (const v of await axeViolations(page)) violations.push(`${scheme} ${path}: ${v}`);
			}
		}
		expect(violations).toEqual([]);
	});
});
