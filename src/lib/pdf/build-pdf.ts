/**
 * The whole playbook as one PDF per language, printed by the Chromium the build already uses: the built
 * site is served on 127.0.0.1, its pages are joined in sidebar order (assemble-in-page.ts) and printed with
 * page numbers, a PDF outline from the headings and tagged structure.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import sirv from "sirv";
import { defaultLang, type Lang, langs, t } from "../../i18n/ui.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CHROMIUM_ARGS, searchBrowser } from "../render/find-browser.ts";
import { assembleInPage } from "./assemble-in-page.ts";
import { pdfCacheKey, restorePdfs, storePdfs } from "./pdf-cache.ts";
import { playbookPages, playbookPdfName, type SidebarLink } from "./playbook-pages.ts";

export interface PdfOptions {
	/** The built site (absolute), e.g. `<root>/dist`. */
	distDir: string;
	/** Where the PDFs go; default `distDir`. */
	outDir?: string;
	/** Project-relative name of `distDir`, for messages. */
	distName?: string;
	/** A running Chromium to print with (browser tests share one); default: find and launch one. */
	browser?: Browser;
	/** Folder (absolute) where the PDFs are kept between builds; an unchanged site is not printed again. */
	cacheDir?: string;
}

export interface BuiltPdf {
	lang: Lang;
	file: string;
	pages: number;
	bytes: number;
}

export interface PdfResult {
	pdfs: BuiltPdf[];
	diagnostics: Diagnostic[];
	/** True when the site was unchanged and the PDFs came from `cacheDir`. */
	cached?: boolean;
}

/** The base path the site was built with, read from its home page's asset links (`/sales/_astro/…`). */
export function builtBase(indexHtml: string): string {
	const match = /(?:href|src)="(\/(?:[^"/]+\/)*)_astro\//.exec(indexHtml);
	return match?.[1] ?? "/";
}

async function serve(dir: string, base: string): Promise<{ origin: string; close: () => Promise<void> }> {
	const assets = sirv(dir, { dev: false, etag: false, dotfiles: false });
	const server: Server = createServer((req, res) => {
		const url = req.url ?? "/";
		const notFound = () => {
			res.statusCode = 404;
			res.end("Not found");
		};
		if (!url.startsWith(base)) return notFound();
		req.url = url.slice(base.length - 1);
		assets(req, res, notFound);
	});
	await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((done) => server.close(() => done())),
	};
}

/** Header and footer are printed in their own tiny document: inline styles, no site CSS. */
function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const footerTemplate =
	'<div style="font-size:8pt;width:100%;text-align:center;color:#444;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';
const headerTemplate = (title: string) =>
	`<div style="font-size:8pt;width:100%;text-align:right;padding-right:12mm;color:#444;font-family:sans-serif">${escapeHtml(title)}</div>`;

function countPdfPages(bytes: Buffer): number {
	// Chromium writes one `/Type /Page` object per page (the tree node is `/Type /Pages`).
	return bytes.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

async function launchBrowser(distName: string): Promise<{ browser: Browser } | { diagnostic: Diagnostic }> {
	const search = await searchBrowser();
	if (!search.found) {
		return {
			diagnostic: {
				severity: "error",
				file: distName,
				code: "pdf-no-browser",
				message: "no Chromium found to print the PDF",
				hint: `Install Chromium or set CHROME_PATH. Tried: ${search.tried.join(", ")}.`,
			},
		};
	}
	// Loaded here, not at the top: the build imports this module on every run, PDF or not.
	const { chromium } = await import("playwright-core");
	return { browser: await chromium.launch({ executablePath: search.found.path, args: [...CHROMIUM_ARGS] }) };
}

export async function buildPlaybookPdfs(options: PdfOptions): Promise<PdfResult> {
	const distName = options.distName ?? options.distDir;
	const indexFile = join(options.distDir, "index.html");
	if (!existsSync(indexFile)) {
		return {
			pdfs: [],
			diagnostics: [
				{
					severity: "error",
					file: distName,
					code: "pdf-no-site",
					message: `${distName}/ holds no built site (no index.html)`,
					hint: "Run `npm run build` first, or pass the built folder with --dist.",
				},
			],
		};
	}
	const base = builtBase(readFileSync(indexFile, "utf8"));
	const outDir = options.outDir ?? options.distDir;
	const printed = langs.filter((lang) =>
		existsSync(join(options.distDir, lang === defaultLang ? "" : lang, "index.html")),
	);
	const key = options.cacheDir ? await pdfCacheKey(options.distDir, base) : undefined;
	const names = printed.map(playbookPdfName);
	if (options.cacheDir && key && (await restorePdfs(options.cacheDir, key, names, outDir))) {
		return {
			pdfs: printed.map((lang) => describePdf(lang, join(outDir, playbookPdfName(lang)))),
			diagnostics: [],
			cached: true,
		};
	}
	const result = await printPdfs(options, base, printed, outDir);
	if (options.cacheDir && key && result.diagnostics.length === 0) {
		await storePdfs(
			options.cacheDir,
			key,
			result.pdfs.map((p) => p.file),
		).catch(() => {});
	}
	return result;
}

function describePdf(lang: Lang, file: string): BuiltPdf {
	const bytes = readFileSync(file);
	return { lang, file, pages: countPdfPages(bytes), bytes: bytes.length };
}

async function printPdfs(options: PdfOptions, base: string, printed: Lang[], outDir: string): Promise<PdfResult> {
	const distName = options.distName ?? options.distDir;
	const launched = options.browser ? undefined : await launchBrowser(distName);
	if (launched && "diagnostic" in launched) return { pdfs: [], diagnostics: [launched.diagnostic] };
	const browser = options.browser ?? (launched as { browser: Browser }).browser;
	const server = await serve(options.distDir, base);
	const pdfs: BuiltPdf[] = [];
	try {
		const roots = langs.map((lang) => (lang === defaultLang ? base : `${base}${lang}/`));
		for (const lang of printed) {
			const root = lang === defaultLang ? base : `${base}${lang}/`;
			const context = await browser.newContext({ colorScheme: "light" });
			const page = await context.newPage();
			// The site's print styles apply from the first paint, so nothing is laid out twice.
			await page.emulateMedia({ media: "print", colorScheme: "light" });
			await page.goto(`${server.origin}${root}`);
			const links = await page.$$eval("#sidebar a[href]", (anchors) =>
				anchors.map((a) => {
					const list = a.closest("ul");
					let heading = list?.previousElementSibling;
					while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
					return {
						href: a.getAttribute("href") ?? "",
						group: heading?.textContent?.trim() ?? "",
						title: a.textContent?.trim() ?? "",
					} satisfies SidebarLink;
				}),
			);
			const pages = playbookPages(links, root, roots);
			const title = (await page.locator("main h1").first().textContent())?.trim() ?? "Playbook";
			await page.evaluate(assembleInPage, { pages, title, contents: t(lang, "pdf.contents") });
			const file = join(outDir, playbookPdfName(lang));
			await page.pdf({
				path: file,
				format: "A4",
				printBackground: true,
				outline: true,
				tagged: true,
				displayHeaderFooter: true,
				headerTemplate: headerTemplate(title),
				footerTemplate,
				margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" },
			});
			await context.close();
			pdfs.push(describePdf(lang, file));
		}
	} finally {
		if (launched) await browser.close();
		await server.close();
	}
	return { pdfs, diagnostics: [] };
}
