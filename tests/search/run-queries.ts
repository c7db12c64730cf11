/**
 * Types each query of queries.ts into the real search dialog of a built site (one page per language) and
 * reads the first result, as a rep would see it. Shared by tests/e2e/search.test.ts and bench/search.ts.
 */
import type { Browser, Page } from "playwright-core";
import { answers, type SearchCase } from "./queries.ts";

export interface CaseResult {
	case: SearchCase;
	/** The first result's href without the base path, if any. */
	first?: string;
	status: string;
	pass: boolean;
}

/** Types `query` into the open (or opened) dialog and waits until the results shown are for it. */
export async function typeQuery(page: Page, query: string): Promise<void> {
	const input = page.locator("[data-search-input]");
	if (!(await input.isVisible())) await page.keyboard.press("/");
	await input.waitFor({ state: "visible" });
	await input.fill(query);
	await page.waitForFunction(
		(term) => document.querySelector<HTMLElement>("[data-search-dialog]")?.dataset.searchDone === term,
		query.trim(),
		{ timeout: 15_000 },
	);
}

export async function runQueries(
	browser: Browser,
	siteUrl: string,
	cases: readonly SearchCase[],
): Promise<CaseResult[]> {
	const base = new URL(siteUrl).pathname;
	const pages = new Map<string, Page>();
	const out: CaseResult[] = [];
	try {
		for (const c of cases) {
			let page = pages.get(c.lang);
			if (!page) {
				page = await browser.newPage();
				await page.goto(c.lang === "en" ? siteUrl : `${siteUrl}${c.lang}/`);
				pages.set(c.lang, page);
			}
			await typeQuery(page, c.query);
			const href = await page
				.locator('[data-search-results] [role="option"]')
				.first()
				.getAttribute("href", { timeout: 1000 })
				.catch(() => null);
			const first = href?.startsWith(base) ? href.slice(base.length - 1) : (href ?? undefined);
			const status = (await page.locator("[data-search-status]").textContent()) ?? "";
			out.push({ case: c, first, status, pass: answers(first, c) });
		}
	} finally {
		for (const page of pages.values()) await page.close();
	}
	return out;
}

/** One line per case, for test failures and the benchmark log. */
export function describeResult(r: CaseResult): string {
	return `${r.pass ? "ok  " : "MISS"} [${r.case.lang}] "${r.case.query}" → ${r.first ?? "(nothing)"}${r.pass ? "" : ` (want ${r.case.expect}; ${r.case.need})`}`;
}
