/**
 * The diagram as a rep sees it, measured at a laptop (1366x768) and a phone (390x844): the page never scrolls
 * sideways, labels are drawn at 11 px or more on the laptop, every node lies inside the picture, the start's lane
 * comes first, the whole diagram fits one screen under the header once reached (where it can at 11 px; otherwise it
 * fits the width and full screen is one click away), and zoom, fit, full screen and the step links work. For both
 * sample flowcharts and a generated 40-step one.
 */
import { cp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchedPage } from "./support/browser.ts";
import { astroBuild, BUILD_TIMEOUT, fixtureProject } from "./support/fixture-project.ts";
import { ROOT, serveSite } from "./support/site.ts";

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A 40-step process over four roles: a main line of stages with five decisions, each with a way out. */
function fortySteps(): string {
	const roles = ["sdr", "ae", "se", "cs"];
	const lines = [
		"title: Enterprise sales process",
		"roles:",
		"  sdr: Sales development representative",
		"  ae: Account executive",
		"  se: Solutions engineer",
		"  cs: Customer success manager",
		"steps:",
		"  - { id: start, type: start, label: Target account, responsible: sdr, next: s1 }",
	];
	for (let i = 1; i <= 34; i++) {
		const role = roles[Math.floor(((i - 1) * roles.length) / 34)];
		const next = i === 34 ? "won" : `s${i + 1}`;
		if (i % 7 === 0) {
			lines.push(
				`  - id: s${i}`,
				"    type: decision",
				`    label: Gate ${i} passed?`,
				`    responsible: ${role}`,
				"    next:",
				`      - { to: ${next}, when: "Yes" }`,
				`      - { to: ${i === 14 ? "s10" : "lost"}, when: "No" }`,
			);
		} else {
			lines.push(`  - { id: s${i}, label: Stage number ${i} of the process, responsible: ${role}, next: ${next} }`);
		}
	}
	lines.push(
		"  - { id: won, type: end, outcome: won, label: Customer won }",
		"  - { id: lost, type: end, outcome: lost, label: Lost }",
		"  - { id: parked, type: end, outcome: other, label: Parked }",
		"  - { id: other, type: start, label: Partner referral, responsible: ae, next: s20 }",
		"  - { id: paused, type: end, label: Paused }",
	);
	return `${lines.join("\n")}\n`;
}

interface Measure {
	pageOverflow: number;
	svgWidth: number;
	svgHeight: number;
	boxWidth: number;
	smallestLabel: number;
	nodes: number;
	outside: string[];
	/** Lane titles, the first lane a reader meets first: top to bottom, then left to right. */
	lanes: string[];
	/** Arrow labels drawn over a lane title ("label over title"). */
	coveredTitles: string[];
}

async function measure(page: Page): Promise<Measure> {
	return page.evaluate(() => {
		const svg = document.querySelector("figure.diagram svg") as SVGSVGElement;
		const rect = svg.getBoundingClientRect();
		const scale = rect.width / svg.viewBox.baseVal.width;
		let smallest = Number.POSITIVE_INFINITY;
		for (const label of svg.querySelectorAll<HTMLElement>(".nodeLabel, .edgeLabel p, .cluster-label span")) {
			if (!label.textContent?.trim()) continue;
			smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(label).fontSize) * scale);
		}
		const outside: string[] = [];
		const nodes = svg.querySelectorAll("g.node");
		for (const node of nodes) {
			const r = node.getBoundingClientRect();
			const inside =
				r.left >= rect.left - 1 && r.right <= rect.right + 1 && r.top >= rect.top - 1 && r.bottom <= rect.bottom + 1;
			if (!inside) outside.push(node.textContent ?? node.id);
		}
		const box = (svg.closest("figure") as HTMLElement).getBoundingClientRect();
		const lanes = [...svg.querySelectorAll("g.cluster")]
			.map((lane) => ({ box: lane.getBoundingClientRect(), title: lane.textContent?.trim() ?? "" }))
			.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left)
			.map((lane) => lane.title);
		const boxOf = (selector: string) =>
			[...svg.querySelectorAll(selector)]
				.filter((el) => el.textContent?.trim())
				.map((el) => ({ text: el.textContent?.trim() ?? "", box: el.getBoundingClientRect() }));
		const coveredTitles: string[] = [];
		for (const title of boxOf("g.cluster-label")) {
			for (const label of boxOf("g.edgeLabel")) {
				const a = title.box;
				const b = label.box;
				if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
					coveredTitles.push(`${label.text} over ${title.text}`);
			}
		}
		return {
			pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
			coveredTitles,
			svgWidth: rect.width,
			svgHeight: rect.height,
			lanes,
			boxWidth: box.width,
			smallestLabel: smallest,
			nodes: nodes.length,
			outside,
		};
	});
}

async function openAt(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
	const { page } = await watchedPage(browser);
	await page.setViewportSize(viewport);
	await page.goto(url);
	await page.locator("figure.diagram[data-enhanced]").waitFor();
	return page;
}

function svgWidth(page: Page): Promise<number> {
	return page.locator("figure.diagram svg").evaluate((svg) => svg.getBoundingClientRect().width);
}

/** What a flowchart's diagram must show: its step count, a stage to click, the start's lane, whether it fits. */
interface Expect {
	steps: number;
	stageId: string;
	startLane: RegExp;
	/** The whole diagram fits the laptop screen under the header at 11 px; otherwise it fits the width. */
	fitsScreen: boolean;
}

/** Where the diagram sits once a reader scrolls to it (its toolbar just under the header). */
async function reachDiagram(page: Page): Promise<{ top: number; bottom: number; headerBottom: number }> {
	await page.locator("figure.diagram").evaluate((figure) => figure.scrollIntoView({ block: "start" }));
	return page.evaluate(() => {
		const header = (document.querySelector(".site-header") as HTMLElement).getBoundingClientRect();
		const rect = (document.querySelector("figure.diagram svg") as SVGSVGElement).getBoundingClientRect();
		return { top: rect.top, bottom: rect.bottom, headerBottom: header.bottom };
	});
}

/** The checks every flowchart passes at both sizes. */
function describeDiagram(name: string, url: () => string, want: Expect): void {
	const stepCount = () => want.steps;
	const stageId = want.stageId;
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it(`${name}: at 1366x768 fits the box without sideways scrolling, labels at 11 px or more, every node inside`, async () => {
		const page = await openAt(browser, url(), LAPTOP);
		const m = await measure(page);
		expect(m.pageOverflow).toBeLessThanOrEqual(0);
		expect(m.svgWidth).toBeLessThanOrEqual(m.boxWidth);
		expect(m.smallestLabel).toBeGreaterThanOrEqual(10.99);
		expect(m.nodes).toBe(stepCount());
		expect(m.outside).toEqual([]);
		expect(m.coveredTitles).toEqual([]);
		expect(m.lanes[0]).toMatch(want.startLane);
		const placed = await reachDiagram(page);
		if (want.fitsScreen) {
			// The whole process at once: under the sticky header and above the bottom of the screen.
			expect(placed.top).toBeGreaterThanOrEqual(placed.headerBottom);
			expect(placed.bottom).toBeLessThanOrEqual(LAPTOP.height);
		} else {
			// Too long for one screen at 11 px: it fills the width it needs, and full screen is in view to open.
			expect(m.svgHeight).toBeGreaterThan(LAPTOP.height - placed.headerBottom);
			await expect(page.locator('[data-zoom="full"]').isVisible()).resolves.toBe(true);
			const tools = await page.locator("[data-diagram-tools]").boundingBox();
			expect(tools?.y ?? -1).toBeGreaterThanOrEqual(placed.headerBottom);
		}
	});

	it(`${name}: at 390x844 nothing is clipped, the diagram fits the width and the step list links every step`, async () => {
		const page = await openAt(browser, url(), PHONE);
		const m = await measure(page);
		expect(m.pageOverflow).toBeLessThanOrEqual(0);
		expect(m.svgWidth).toBeLessThanOrEqual(m.boxWidth);
		expect(m.outside).toEqual([]);
		const links = page.locator(".flow-steps a");
		await expect(links.count()).resolves.toBe(stepCount());
		await links.first().click();
		await page.waitForURL(/#step-/);
		// Zooming in on a phone makes the labels legible.
		await page.locator("figure.diagram").scrollIntoViewIfNeeded();
		for (let i = 0; i < 8 && (await measure(page)).smallestLabel < 11; i++)
			await page.locator('[data-zoom="in"]').click();
		expect((await measure(page)).smallestLabel).toBeGreaterThanOrEqual(11);
		expect((await measure(page)).pageOverflow).toBeLessThanOrEqual(0);
	});

	it(`${name}: zoom, fit, full screen and Esc work, and a stage link still navigates after zooming`, async () => {
		const page = await openAt(browser, url(), LAPTOP);
		const fitted = await svgWidth(page);
		await page.getByRole("button", { name: /zoom in|perbesar/i }).click();
		expect(await svgWidth(page)).toBeGreaterThan(fitted * 1.2);
		await page.locator("[data-diagram-area]").focus();
		await page.keyboard.press("-");
		await page.keyboard.press("-");
		expect(await svgWidth(page)).toBeLessThan(fitted * 1.01);
		await page.keyboard.press("0");
		expect(Math.abs((await svgWidth(page)) - fitted)).toBeLessThan(1);

		const full = page.locator('[data-zoom="full"]');
		await full.click();
		await expect(full.getAttribute("aria-pressed")).resolves.toBe("true");
		const overlay = await page.locator("figure.diagram").boundingBox();
		expect(overlay?.width).toBe(LAPTOP.width);
		await page.keyboard.press("Escape");
		await expect(full.getAttribute("aria-pressed")).resolves.toBe("false");
		await expect(page.evaluate(() => document.activeElement?.getAttribute("data-zoom"))).resolves.toBe("full");

		await page.getByRole("button", { name: /zoom in|perbesar/i }).click();
		await page.getByRole("button", { name: /zoom in|perbesar/i }).click();
		const link = page.locator(`figure.diagram svg a[href="#step-${stageId}"]`).first();
		await link.scrollIntoViewIfNeeded();
		await link.click();
		await page.waitForURL(new RegExp(`#step-${stageId}$`));
	});
}

describe("the viewer's accessibility", () => {
	const site = { url: "", close: async () => {} };
	let browser: Browser;
	beforeAll(async () => {
		Object.assign(site, await serveSite());
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await site.close();
	});

	it("passes axe-core with its controls, also in full screen, in light and dark", async () => {
		for (const colorScheme of ["light", "dark"] as const) {
			const context = await browser.newContext({ colorScheme, viewport: LAPTOP });
			const page = await context.newPage();
			await page.goto(`${site.url}flowcharts/renewal/`);
			await page.locator("figure.diagram[data-enhanced]").waitFor();
			const closed = await new AxeBuilder({ page }).include("figure.diagram").include(".flow-steps").analyze();
			expect(closed.violations.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
			await page.locator('[data-zoom="full"]').click();
			const open = await new AxeBuilder({ page }).include("figure.diagram").analyze();
			expect(open.violations.map((v) => `${colorScheme} full: ${v.id}`)).toEqual([]);
			await context.close();
		}
	});
});

const sampleSite = { url: "", close: async () => {} };

describe("sample flowcharts", () => {
	beforeAll(async () => {
		Object.assign(sampleSite, await serveSite());
	});
	afterAll(() => sampleSite.close());
	// The B2B page shows the live diagram (a note on every step and arrow): 500x829 px at 11 px, taller than the
	// 712 px under the header. The plain one (no CRM export) is 493x531 px and fits.
	describeDiagram("b2b", () => `${sampleSite.url}flowcharts/b2b/`, {
		steps: 13,
		stageId: "negotiation",
		startLane: /^Sales development representative$/,
		fitsScreen: false,
	});
	it("no arrow label covers a lane title in the B2B diagrams (live, as lived), in English and Indonesian", async () => {
		const browser = await launchBrowser();
		try {
			for (const path of ["flowcharts/b2b/", "id/flowcharts/b2b/", "metrics/b2b/", "id/metrics/b2b/"]) {
				const page = await openAt(browser, `${sampleSite.url}${path}`, LAPTOP);
				expect((await measure(page)).coveredTitles, path).toEqual([]);
			}
		} finally {
			await browser.close();
		}
	});
	describeDiagram("renewal (id)", () => `${sampleSite.url}id/flowcharts/renewal/`, {
		steps: 8,
		stageId: "health-check",
		startLane: /^Customer success/,
		fitsScreen: true,
	});
});

describe("a generated 40-step flowchart", () => {
	const site = { url: "", close: async () => {} };
	let dir = "";
	beforeAll(async () => {
		dir = await fixtureProject({ "content/flowcharts/big.yaml": fortySteps() });
		const { status, stderr } = astroBuild(dir, { FLOWBOOK_BASE: "/sales/" });
		if (status !== 0) throw new Error(`fixture build failed:\n${stderr}`);
		Object.assign(site, await serveSite(join(dir, "dist")));
	}, 300_000);
	afterAll(async () => {
		await site.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});
	it("has 40 steps", () => {
		expect(fortySteps().match(/^ {2}- /gm)).toHaveLength(40);
	});
	// 35 steps in one line of ranks: taller than a screen at 11 px in any direction, so it fits the width.
	describeDiagram("40 steps", () => `${site.url}flowcharts/big/`, {
		steps: 40,
		stageId: "s12",
		startLane: /^Sales development representative$/,
		fitsScreen: false,
	});
});

describe("a clean build of the sample", () => {
	let dir = "";
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});
	it(
		"draws every flowchart diagram (plain, live, as lived; both languages) before the pages, so they start no Chromium",
		async () => {
			dir = await fixtureProject({});
			await cp(join(ROOT, "content"), join(dir, "content"), { recursive: true });
			// The copy has no diagram cache: everything is drawn in this build.
			const { status, stdout, stderr } = astroBuild(dir, { FLOWBOOK_BASE: "/sales/", FLOWBOOK_TIMING: "1" });
			expect(status, stderr).toBe(0);
			const output = `${stdout}\n${stderr}`;
			// Two flowcharts in two languages, and the live and as-lived views of the one with a CRM export.
			expect(output).toMatch(/flowbook: diagrams before the pages \d+ \(\d+ fences, 8 flowchart views\) in/);
			expect(output).toContain("flowbook: page generation launched Chromium 0 time(s)");
			const svg = /<svg[^>]+aria-roledescription="flowchart/;
			for (const path of [
				"flowcharts/b2b",
				"id/flowcharts/b2b",
				"id/flowcharts/renewal",
				"metrics/b2b",
				"id/metrics/b2b",
			]) {
				expect(await readFile(join(dir, "dist", path, "index.html"), "utf8"), path).toMatch(svg);
			}
			// The as-lived diagram's nodes link to the steps of the flowchart page in the page's language.
			const page = await readFile(join(dir, "dist/id/metrics/b2b/index.html"), "utf8");
			const start = page.indexOf("data-as-lived");
			const lived = page.slice(start, page.indexOf("</svg>", start));
			expect(lived).toMatch(svg);
			expect(lived).toContain('href="/sales/id/flowcharts/b2b/#step-');
		},
		BUILD_TIMEOUT + 60_000,
	);
});
