/**
 * Whole-site checks on the built sample playbook: every built page (listed from the build folder and
 * compared with what the content should produce) is reachable by links, every internal link and anchor
 * resolves, every page passes axe-core in light AND dark, nothing is requested from any other host, and the
 * chrome (theme, language, keyboard) behaves.
 *
 * The crawl checks pages side by side (FLOWBOOK_E2E_PAGES pages at once, default 3), each in its own browser
 * context, and loads every page once per theme with the colour scheme emulated before the load.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { langs } from "../../src/i18n/ui.ts";
import { axeViolations, inPool } from "./support/axe.ts";
import { useSite, type Watched, watchedPage } from "./support/browser.ts";
import { BASE, builtPages, ROOT } from "./support/site.ts";

const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
const CONCURRENCY = Math.max(1, Number(process.env.FLOWBOOK_E2E_PAGES) || 3);
/** The crawl stops taking pages after this and fails naming the pages it did not reach (the hook allows more). */
const CRAWL_BUDGET_MS = 840_000;

interface Checked {
	status: number;
	ids: Set<string>;
	/** Absolute URLs of every `<a href>`, hash included. */
	links: string[];
	violations: Record<Theme, string[]>;
	/** The page's background when loaded in each theme, to prove the theme applied. */
	background: Record<Theme, string>;
}

/** The pages the sample content must produce, per language: fixed sections plus one per flowchart, guide and role. */
function expectedPages(): string[] {
	const names = (dir: string, ext: string) =>
		readdirSync(join(ROOT, "content", dir))
			.filter((f) => f.endsWith(ext))
			.map((f) => f.slice(0, -ext.length));
	const flowcharts = names("flowcharts", ".yaml");
	const roles = new Set(
		flowcharts.flatMap((id) => {
			const data = parse(readFileSync(join(ROOT, "content/flowcharts", `${id}.yaml`), "utf8")) as { roles?: object };
			return Object.keys(data.roles ?? {});
		}),
	);
	const perLanguage = [
		"",
		"automations/",
		"changelog/",
		"faq/",
		"metrics/",
		"onboarding/",
		"reviews/",
		"roles/",
		...flowcharts.flatMap((id) => [`flowcharts/${id}/`, `metrics/${id}/`]),
		...names("pages", ".mdx").map((slug) => `pages/${slug}/`),
		...[...roles].map((role) => `roles/${role}/`),
	];
	const prefixes = langs.map((lang) => (lang === "en" ? "" : `${lang}/`));
	return ["404.html", ...prefixes.flatMap((prefix) => perLanguage.map((path) => `${prefix}${path}`))].sort();
}

/** Relative luminance (0 black … 1 white) of a computed `rgb()`/`rgba()` colour; NaN if it is not one. */
function luminance(color: string): number {
	const [r, g, b] = (/rgba?\(([^)]+)\)/.exec(color)?.[1] ?? "").split(/[\s,/]+/).map(Number);
	if (r === undefined || g === undefined || b === undefined) return Number.NaN;
	const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe("the built site under /sales/", () => {
	const session = useSite();
	const paths: string[] = [];
	const checked = new Map<string, Checked>();
	const watchers: Watched[] = [];
	/** Status of every same-site link target that is not an HTML page (downloads, feeds, JSON). */
	const files = new Map<string, number>();

	const url = (path: string) => `${session.site.url}${path}`;
	const pathOf = (href: string) => {
		const target = new URL(href);
		return target.origin === new URL(session.site.url).origin ? target.pathname.slice(BASE.length) : undefined;
	};

	async function check(path: string, page: Watched["page"]): Promise<void> {
		const result: Checked = {
			status: 0,
			ids: new Set(),
			links: [],
			violations: { light: [], dark: [] },
			background: { light: "", dark: "" },
		};
		for (const theme of THEMES) {
			await page.emulateMedia({ colorScheme: theme });
			const response = await page.goto(url(path));
			result.status = response?.status() ?? 0;
			result.background[theme] = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
			if (theme === "light") {
				const found = await page.evaluate(() => ({
					ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
					// SVG links (the diagram's stages) have no .href string; resolve the attribute.
					links: [...document.querySelectorAll("a[href]")].map(
						(a) => new URL(a.getAttribute("href") ?? "", location.href).href,
					),
				}));
				result.ids = new Set(found.ids);
				result.links = found.links;
			}
			result.violations[theme] = await axeViolations(page);
		}
		checked.set(path, result);
	}

	beforeAll(async () => {
		const dir = session.site.dir;
		// Biggest pages first, so the slowest checks do not end up alone at the tail of the pool.
		const size = (path: string) =>
			statSync(join(dir, path.endsWith("/") || path === "" ? `${path}index.html` : path)).size;
		paths.push(...builtPages(dir));
		const byCost = [...paths].sort((a, b) => size(b) - size(a));
		for (let i = 0; i < CONCURRENCY; i++) watchers.push(await watchedPage(session.browser));
		let stopped = false;
		const budget = setTimeout(() => {
			stopped = true;
		}, CRAWL_BUDGET_MS);
		const left = await inPool(
			byCost,
			watchers,
			(path, watcher) => check(path, watcher.page),
			() => stopped,
		);
		clearTimeout(budget);
		if (left.length > 0) {
			throw new Error(
				`The axe crawl checked ${checked.size} of ${paths.length} pages in ${CRAWL_BUDGET_MS / 1000} s and stopped; not reached: ${left.join(", ")}. ` +
					"Is the machine overloaded (uptime)? FLOWBOOK_E2E_PAGES sets how many pages are checked at once.",
			);
		}
		// Link targets that are files rather than pages: the server must have them.
		for (const page of checked.values()) {
			for (const link of page.links) {
				const path = pathOf(link.split("#")[0] as string);
				if (path === undefined || checked.has(path) || files.has(path)) continue;
				files.set(path, (await fetch(url(path))).status);
			}
		}
	}, CRAWL_BUDGET_MS + 60_000);

	it("builds exactly the pages the content calls for, in every language, and checks them all", () => {
		expect(paths).toEqual(expectedPages());
		expect([...checked.keys()].sort()).toEqual(paths);
		expect(paths.length).toBeGreaterThan(40);
	});

	it("ships no copy of Mermaid when the build drew every diagram (it is only for builds without Chromium)", () => {
		const files = readdirSync(session.site.dir, { recursive: true, encoding: "utf8" });
		expect(files.filter((f) => /mermaid|_flowbook|elk|cytoscape|katex/i.test(f))).toEqual([]);
	});

	it("carries nothing of the dev preview: no content key on the pages, no key endpoint", () => {
		const dir = session.site.dir;
		expect(readdirSync(dir)).not.toContain("flowbook-dev");
		const home = readFileSync(join(dir, "index.html"), "utf8");
		expect(home).not.toContain('<meta name="flowbook-content-version"');
		expect(home).not.toContain("vite:ws:connect");
	});

	it("links every page from the home pages, and every link target exists", () => {
		const reached = new Set<string>();
		const queue = ["", "id/"];
		for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
			if (reached.has(path)) continue;
			reached.add(path);
			for (const link of checked.get(path)?.links ?? []) {
				const target = pathOf(link.split("#")[0] as string);
				if (target !== undefined && checked.has(target) && !reached.has(target)) queue.push(target);
			}
		}
		expect(paths.filter((p) => !reached.has(p) && p !== "404.html")).toEqual([]);
		expect([...files].filter(([, status]) => status !== 200)).toEqual([]);
		expect([...files.keys()]).toContain("flowcharts/b2b/diagram.mmd");
	});

	it("has no broken internal link or anchor", () => {
		const broken: string[] = [];
		for (const [path, page] of checked) {
			if (page.status !== 200) broken.push(`${path} → HTTP ${page.status}`);
			for (const link of page.links) {
				const [target, hash] = link.split("#") as [string, string | undefined];
				const linked = checked.get(pathOf(target) ?? "\0");
				if (!hash || !linked) continue;
				if (!linked.ids.has(decodeURIComponent(hash))) broken.push(`${path} → ${link} (no #${hash})`);
			}
		}
		expect(broken).toEqual([]);
	});

	it("makes no request to any host but 127.0.0.1 and logs no console errors", () => {
		expect(watchers.flatMap((w) => w.foreign)).toEqual([]);
		expect(watchers.flatMap((w) => w.consoleErrors)).toEqual([]);
	});

	it("shows every page in the theme the system asks for", () => {
		const wrong: string[] = [];
		for (const [path, page] of checked) {
			if (!(luminance(page.background.light) > 0.8)) wrong.push(`${path} light: background ${page.background.light}`);
			if (!(luminance(page.background.dark) < 0.1)) wrong.push(`${path} dark: background ${page.background.dark}`);
		}
		expect(wrong).toEqual([]);
	});

	for (const theme of THEMES) {
		it(`passes axe-core on every page in ${theme}`, () => {
			const violations = [...checked].flatMap(([path, page]) =>
				page.violations[theme].map((v) => `${BASE}${path}: ${v}`),
			);
			expect(violations).toEqual([]);
			expect(checked.size).toBe(paths.length);
		});
	}

	it("remembers the theme choice across a reload", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await page.locator("[data-theme-toggle]").click();
		await page.locator('[data-theme-choice][value="dark"]').check();
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
		const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
		await page.reload();
		await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
		await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe(
			background,
		);
		await expect(page.locator('[data-theme-choice][value="dark"]').isChecked()).resolves.toBe(true);
	});

	it("switches language and stays on the same page", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
		await page.locator('[data-lang-link="id"]').click();
		await page.waitForURL(`${session.site.url}id/flowcharts/b2b/`);
		await expect(page.locator("html").getAttribute("lang")).resolves.toBe("id");
		await expect(page.locator("h1").textContent()).resolves.not.toBe("B2B new-business sales process");
		await page.locator('[data-lang-link="en"]').click();
		await page.waitForURL(`${session.site.url}flowcharts/b2b/`);
	});

	it("has the sample fully translated: no fallback note on the Indonesian flowcharts (fallbacks: i18n.test.ts)", async () => {
		const { page } = await watchedPage(session.browser);
		for (const id of ["b2b", "renewal"]) {
			await page.goto(`${session.site.url}id/flowcharts/${id}/`);
			await expect(page.locator("[data-untranslated]").count()).resolves.toBe(0);
		}
	});

	it("lets a keyboard user reach the search, a diagram stage and the theme switch", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		const reached = new Set<string>();
		for (let i = 0; i < 120 && reached.size < 3; i++) {
			await page.keyboard.press("Tab");
			const what = await page.evaluate(() => {
				const el = document.activeElement;
				if (el?.matches("[data-search-open]")) return "search";
				if (el?.matches("[data-theme-toggle]")) return "theme";
				if (el?.closest("figure.diagram svg a")) return "stage";
				return "";
			});
			if (what) reached.add(what);
		}
		expect([...reached].sort()).toEqual(["search", "stage", "theme"]);
	});

	it("prints a flowchart as the diagram and the step sections, without navigation chrome", async () => {
		const { page } = await watchedPage(session.browser);
		await page.goto(`${session.site.url}flowcharts/b2b/`);
		await page.emulateMedia({ media: "print" });
		for (const chrome of [".site-header", ".sidebar", ".toc", ".page-actions", ".breadcrumbs", ".site-footer"]) {
			await expect(page.locator(chrome).first().isVisible(), chrome).resolves.toBe(false);
		}
		await expect(page.locator("figure.diagram svg").isVisible()).resolves.toBe(true);
		await expect(page.locator("#step-negotiation").isVisible()).resolves.toBe(true);
		const pdf = await page.pdf({ format: "A4" });
		expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
	});

	it("serves the site's 404 page, with search, for unknown addresses", async () => {
		const { page } = await watchedPage(session.browser);
		const response = await page.goto(`${session.site.url}flowcharts/negotation/`);
		expect(response?.status()).toBe(404);
		await page.locator("[data-search-404]").click();
		await expect(page.locator("[data-search-input]").inputValue()).resolves.toBe("negotation");
	});
});
