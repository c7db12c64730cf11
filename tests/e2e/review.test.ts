import { describe, expect, it } from "vitest";
import { useSite, watchedPage } from "./support/browser.ts";

/** The e2e build runs on 27 Nov 2026: renewal (due 23 Jun 2026) is overdue, b2b (due 14 Mar 2027) is not. */
describe("review governance and changelog (under /sales/)", () => {
	const session = useSite();

	it("shows the overdue badge and review line on the renewal flowchart", async () => {
		const { page, consoleErrors, foreign } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/renewal/`);
		const line = page.locator(".review-line");
		await expect(line.getAttribute("data-review-status")).resolves.toBe("overdue");
		await expect(page.locator("[data-review-badge]").textContent()).resolves.toBe("Review overdue");
		await expect(line.textContent()).resolves.toContain(
			"Last reviewed 23 Jun 2025 by Rizky Pratama (Head of sales) · review overdue since 23 Jun 2026",
		);
		expect(consoleErrors).toEqual([]);
		expect(foreign).toEqual([]);
	});

	it("shows the review line without a badge on the b2b flowchart", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await expect(page.locator(".review-line").getAttribute("data-review-status")).resolves.toBe("ok");
		await expect(page.locator("[data-review-badge]").count()).resolves.toBe(0);
		await expect(page.locator(".review-line").textContent()).resolves.toMatch(/· next review due 14 Mar 2027/);
	});

	it("translates the review line on Indonesian pages, dates included", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/flowcharts/renewal/`);
		await expect(page.locator("[data-review-badge]").textContent()).resolves.toBe("Tinjauan terlambat");
		await expect(page.locator(".review-line").textContent()).resolves.toContain(
			"Terakhir ditinjau 23 Jun 2025 oleh Rizky Pratama (Head of sales) · tinjauan terlambat sejak 23 Jun 2026",
		);
		await page.goto(`${session.site.url}id/pages/overview/`);
		await expect(page.locator(".review-line").textContent()).resolves.toContain("14 Sep 2027");
	});

	it("shows the line on a guide that opted in, and not on one that did not", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}pages/overview/`);
		await expect(page.locator(".review-line").textContent()).resolves.toContain(
			"Last reviewed 14 Sep 2026 by Dewi Lestari (Sales operations) · next review due 14 Sep 2027",
		);
		await page.goto(`${session.site.url}pages/automation/`);
		await expect(page.locator(".review-line").count()).resolves.toBe(0);
	});

	it("lists every reviewed item on the dashboard, renewal first and overdue", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}reviews/`);
		const rows = page.locator("table.review-table tbody tr");
		const ids = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.reviewId));
		expect(ids[0]).toBe("renewal");
		expect(ids).toEqual(expect.arrayContaining(["renewal", "b2b", "overview"]));
		const first = rows.first();
		await expect(first.getAttribute("data-status")).resolves.toBe("overdue");
		await expect(first.locator(".badge").textContent()).resolves.toBe("Review overdue");
		await expect(first.textContent()).resolves.toContain("23 Jun 2026");
		await expect(rows.nth(1).locator(".badge").textContent()).resolves.toBe("Up to date");
		await expect(page.locator(".review-questions li").count()).resolves.toBe(4);
		await expect(page.locator("code", { hasText: "npm run review --" }).count()).resolves.toBe(1);
		expect(consoleErrors).toEqual([]);
	});

	it("lists changes and reviews newest first, each with an anchor, and links the Atom feed", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}changelog/`);
		const entries = await page
			.locator("article.changelog-entry")
			.evaluateAll((els) =>
				els.map((el) => ({ id: el.id, date: el.querySelector("time")?.getAttribute("datetime") ?? "" })),
			);
		expect(entries.length).toBeGreaterThan(3);
		expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
		const dates = entries.map((e) => e.date);
		expect(dates).toEqual([...dates].sort().reverse());
		expect(entries.map((e) => e.id)).toContain("review-flowchart-renewal-2025-06-23");
		const feedHref = await page.locator("[data-feed-link]").getAttribute("href");
		expect(feedHref).toBe("/sales/changelog.xml");
		await expect(
			page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"),
		).resolves.toBe("/sales/changelog.xml");
		// Reviews alone when git is unavailable; this build has history, so no notice.
		await expect(page.locator("[data-git-unavailable]").count()).resolves.toBe(0);
	});

	it("describes changes in the page's language and leaves out commits without a process or guide change", async () => {
		const { page, consoleErrors } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}id/changelog/`);
		const ids = await page.locator("article.changelog-entry").evaluateAll((els) => els.map((el) => el.id));
		// content/README.md and metrics-only commits of the sample history are not for the sales team.
		expect(ids.some((id) => id.startsWith("change-4d67817"))).toBe(false);
		expect(ids.some((id) => id.startsWith("change-c65847a"))).toBe(false);
		const items = await page.locator("article.changelog-entry li").allTextContents();
		expect(items.some((t) => /^Panduan (ditambahkan|diperbarui)/.test(t))).toBe(true);
		expect(items.some((t) => /^(Guide|Step|Flowchart) /.test(t))).toBe(false);
		const authors = await page.locator("article.changelog-entry .meta").allTextContents();
		expect(authors.every((t) => /oleh \S/.test(t))).toBe(true);
		expect(consoleErrors).toEqual([]);
	});

	it("serves a well-formed Atom feed with absolute links", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}changelog/`);
		const feed = await page.evaluate(async () => {
			const text = await (await fetch("/sales/changelog.xml")).text();
			const doc = new DOMParser().parseFromString(text, "application/xml");
			return {
				error: doc.getElementsByTagName("parsererror").length,
				root: doc.documentElement.localName,
				entries: doc.getElementsByTagName("entry").length,
				self: doc.querySelector('link[rel="self"]')?.getAttribute("href"),
				firstLink: doc.querySelector("entry > link")?.getAttribute("href"),
			};
		});
		expect(feed.error).toBe(0);
		expect(feed.root).toBe("feed");
		expect(feed.entries).toBeGreaterThan(3);
		expect(feed.self).toBe("http://127.0.0.1/sales/changelog.xml");
		expect(feed.firstLink).toMatch(/^http:\/\/127\.0\.0\.1\/sales\/changelog\/#(change|review)-/);
	});
});
