/**
 * Search benchmark. First the answers: every query of tests/search/queries.ts (what reps type, both
 * languages) is typed into the search dialog of the built sample site, and the hit rate (right page first)
 * is reported with each miss. Then the speed: a 1,000-page synthetic site made from a real built page (same
 * chrome, same search dialog), indexed with Pagefind; reports the index size and the time from typing a
 * query to the first result in Chromium.
 *
 *   npm run bench:search -- [--pages 1000] [--site .cache/e2e-site] [--no-speed]
 *
 * The site must be built under /sales/ first (`npm run test:e2e -- tests/e2e/search.test.ts` leaves one).
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, searchBrowser } from "../src/lib/render/find-browser.ts";
import { buildSearchIndex } from "../src/lib/search/build-index.ts";
import { serveSite } from "../tests/e2e/support/site.ts";
import { SEARCH_CASES } from "../tests/search/queries.ts";
import { describeResult, runQueries } from "../tests/search/run-queries.ts";
import { benchArgs } from "./args.ts";

const USAGE = "usage: npm run bench:search -- [--pages 1000] [--site .cache/e2e-site] [--no-speed]";
const { values } = benchArgs(USAGE, {
	options: {
		pages: { type: "string", default: "1000" },
		site: { type: "string", default: ".cache/e2e-site" },
		"no-speed": { type: "boolean", default: false },
	},
});
const pages = Number(values.pages);
const built = resolve(values.site ?? ".cache/e2e-site");
const out = resolve("bench/out/search-site");

const words =
	"prospect qualification discovery budget authority need timeline demo proposal pricing negotiation contract signature handover onboarding renewal expansion churn pipeline forecast quota territory account champion procurement legal security review discount approval".split(
		" ",
	);
let seed = 42;
const random = () => {
	seed = (seed * 1664525 + 1013904223) % 2 ** 32;
	return seed / 2 ** 32;
};
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(" ");

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
	let bytes = 0;
	let files = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += (await stat(join(entry.parentPath, entry.name))).size;
		files++;
	}
	return { bytes, files };
}

const search = await searchBrowser();
if (!search.found) throw new Error(`no Chromium (${search.tried.join(", ")})`);
const browser = await chromium.launch({ executablePath: search.found.path, args: [...CHROMIUM_ARGS] });

{
	const sample = await serveSite(built);
	const results = await runQueries(browser, sample.url, SEARCH_CASES);
	await sample.close();
	for (const r of results) console.log(describeResult(r));
	const hits = results.filter((r) => r.pass).length;
	const byLang = (lang: string) => {
		const of = results.filter((r) => r.case.lang === lang);
		return `${lang} ${of.filter((r) => r.pass).length}/${of.length}`;
	};
	console.log(
		`query hit rate (right page first): ${hits}/${results.length} (${Math.round((hits / results.length) * 100)}%; ${byLang("en")}, ${byLang("id")})`,
	);
}
if (values["no-speed"]) {
	await browser.close();
	process.exit(0);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await cp(join(built, "_astro"), join(out, "_astro"), { recursive: true });
const template = await readFile(join(built, "pages/overview/index.html"), "utf8");
const articleStart = template.indexOf("<article");
const articleEnd = template.indexOf("</article>") + "</article>".length;
for (let i = 0; i < pages; i++) {
	const sections = Array.from(
		{ length: 6 },
		(_, s) => `<h2 id="section-${s}">Section ${s} ${sentence(3)}</h2><p>${sentence(120)}</p>`,
	).join("");
	const article = `<article data-pagefind-body data-pagefind-filter="kind:page"><h1>Synthetic page ${i} ${sentence(4)}</h1>${sections}</article>`;
	await mkdir(join(out, "pages", `p${i}`), { recursive: true });
	await writeFile(
		join(out, "pages", `p${i}`, "index.html"),
		template.slice(0, articleStart) + article + template.slice(articleEnd),
	);
}
await writeFile(join(out, "index.html"), template);

const t0 = performance.now();
const summary = await buildSearchIndex(out);
const indexMs = performance.now() - t0;
const index = await dirSize(join(out, "pagefind"));

const site = await serveSite(out);
const timings: number[] = [];
const warm: number[] = [];
const transferred: number[] = [];
for (const query of ["negotiation", "procurement approval", "renewal", "champion", "discount"]) {
	const context = await browser.newContext();
	const page = await context.newPage();
	let bytes = 0;
	page.on("response", async (r) => {
		if (r.url().includes("/pagefind/")) bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
	});
	await page.goto(`${site.url}pages/p1/`);
	await page.keyboard.press("/");
	await page.locator("[data-search-input]").waitFor({ state: "visible" });
	const start = await page.evaluate(() => performance.now());
	await page.locator("[data-search-input]").fill(query);
	await page.locator('[data-search-results] [role="option"]').first().waitFor();
	const end = await page.evaluate(() => performance.now());
	timings.push(end - start);
	transferred.push(bytes);
	// The same page, search code and index metadata already loaded: what a reader feels from the second query on.
	const first = await page.locator('[data-search-results] [role="option"]').first().getAttribute("href");
	const warmStart = await page.evaluate(() => performance.now());
	await page.locator("[data-search-input]").fill("territory forecast");
	await page.waitForFunction(
		(before) => document.querySelector('[data-search-results] [role="option"]')?.getAttribute("href") !== before,
		first,
	);
	warm.push((await page.evaluate(() => performance.now())) - warmStart);
	await context.close();
}
await site.close();
await browser.close();

timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? 0;
console.log(`pages indexed: ${summary.pages}`);
console.log(`index time: ${Math.round(indexMs)} ms`);
console.log(
	`index size: ${(index.bytes / 1024).toFixed(0)} KiB in ${index.files} files (whole bundle, loaded in fragments)`,
);
console.log(
	`time to first result (cold page, typed query → first result): median ${Math.round(median)} ms, max ${Math.round(timings.at(-1) ?? 0)} ms`,
);
warm.sort((a, b) => a - b);
console.log(`time to results of a second query on the same page: median ${Math.round(warm[2] ?? 0)} ms`);
console.log(
	`search bytes fetched per query (pagefind.js, wasm, index chunks): median ${Math.round((transferred.sort((a, b) => a - b)[2] ?? 0) / 1024)} KiB`,
);
