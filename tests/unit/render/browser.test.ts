import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchBrowser } from "../../../src/lib/render/find-browser.ts";
import { postprocessSvg } from "../../../src/lib/render/postprocess.ts";
import { createMermaidRenderer, type RenderResult } from "../../../src/lib/render/renderer.ts";

const sales = readFileSync(new URL("../../fixtures/render/sales.mmd", import.meta.url), "utf8");

const nasty = `flowchart LR
a["#lt;script#gt;alert(1)#lt;/script#gt;"] --> b["Say #quot;hi#quot; it's ok"]
b -->|"left #124; right"| c["Deal 🚀 won"]
c --> d["<img src=x onerror=alert(1)>"]
`;

function svgOf(result: RenderResult | undefined): string {
	if (!result || !("svg" in result)) throw new Error(`expected an SVG, got ${JSON.stringify(result)}`);
	return result.svg;
}

// Real Chromium: these must fail, never skip, on a machine without one.
describe("createMermaidRenderer (real Chromium)", () => {
	/** How many times the renderer looked for a browser: once per Chromium it starts. */
	let searches = 0;
	const renderer = createMermaidRenderer({
		findBrowser: () => {
			searches++;
			return searchBrowser();
		},
	});
	let results: RenderResult[] = [];

	beforeAll(async () => {
		const search = await searchBrowser();
		if (!search.found) {
			throw new Error(
				`No Chromium for the browser tests (tried ${search.tried.join(", ")}: ${search.reasons.join("; ")}). Install Chromium or set CHROME_PATH.`,
			);
		}
		results = await renderer.render([
			{ id: "sales", source: sales },
			{ id: "nasty", source: nasty },
			{ id: "bad", source: "flowchart LR\nA --> B\nB -->> \n" },
		]);
	}, 60_000);

	afterAll(() => renderer.close());

	it("renders labels literally and emits no script or img element", () => {
		const svg = svgOf(results[1]);
		expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
		expect(svg).toContain('Say "hi" it\'s ok');
		expect(svg).toContain("left | right");
		expect(svg).toContain("Deal 🚀 won");
		expect(svg).not.toMatch(/<script/i);
		// Mermaid's DOMPurify keeps `<img src="x">` from a raw-HTML label; postprocessing drops it.
		const out = postprocessSvg(svg);
		expect(out).not.toMatch(/<script|<img|onerror=/i);
	});

	it("keeps accTitle, accDescr and the click link", () => {
		const svg = postprocessSvg(svgOf(results[0]));
		expect(svg).toMatch(/<title id="[^"]+">Sales<\/title>/);
		expect(svg).toMatch(/<desc id="[^"]+">Three steps<\/desc>/);
		expect(svg).toMatch(/<a [^>]*href="#step-b"/);
		expect(svg).toContain("<title>Prospecting tooltip</title>");
	});

	it("returns Mermaid's message and line for a parse error instead of throwing", () => {
		const result = results[2];
		expect(result && "error" in result ? result.error.line : undefined).toBe(3);
		expect(result && "error" in result ? result.error.message.split("\n")[0] : "").toBe("Parse error on line 3:");
	});

	it("reuses the browser for the next batch", async () => {
		const [again] = await renderer.render([{ id: "x", source: "flowchart TD\nA --> B" }]);
		expect(svgOf(again)).toContain("<svg");
		expect(searches).toBe(1);
	});

	it("renders the same SVG with and without the getConfig speed patch", async () => {
		const plain = createMermaidRenderer({ patchMermaid: false });
		try {
			const [patched] = await renderer.render([{ id: "sales", source: sales }]);
			const [unpatched] = await plain.render([{ id: "sales", source: sales }]);
			// Render ids differ per call (fbmN); compare with them normalised.
			const norm = (svg: string) => svg.replace(/fbm\d+/g, "fbm");
			expect(norm(svgOf(patched))).toBe(norm(svgOf(unpatched)));
		} finally {
			await plain.close();
		}
	}, 60_000);

	it("renders concurrent batches on several pages, each result with its own job", async () => {
		const multi = createMermaidRenderer({ pages: 2 });
		try {
			const batches = await Promise.all(
				[0, 1, 2].map((n) =>
					multi.render([
						{ id: `a${n}`, source: `flowchart LR\nA${n}["first ${n}"] --> B${n}` },
						{ id: `b${n}`, source: `flowchart TD\nC${n}["second ${n}"] --> D${n}` },
					]),
				),
			);
			for (const [n, batch] of batches.entries()) {
				expect(batch.map((r) => r.id)).toEqual([`a${n}`, `b${n}`]);
				expect(svgOf(batch[0])).toContain(`first ${n}`);
				expect(svgOf(batch[1])).toContain(`second ${n}`);
			}
		} finally {
			await multi.close();
		}
	}, 60_000);

	it("keeps click links keyboard-focusable in Chromium", async () => {
		const { chromium } = await import("playwright-core");
		const search = await searchBrowser();
		const browser = await chromium.launch({ executablePath: search.found?.path ?? "", args: ["--no-sandbox"] });
		try {
			const page = await browser.newPage();
			await page.setContent(`<button id="before">x</button>${postprocessSvg(svgOf(results[0]))}`);
			await page.focus("#before");
			await page.keyboard.press("Tab");
			const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
			expect(focused).toBe("#step-b");
		} finally {
			await browser.close();
		}
	});
});

describe("starting Chromium", () => {
	it("launches one browser for concurrent first renders on several pages (single flight)", async () => {
		const { chromium } = await import("playwright-core");
		let launches = 0;
		const renderer = createMermaidRenderer({
			pages: 3,
			launch: (executablePath, args) => {
				launches++;
				return chromium.launch({ executablePath, args: [...args] });
			},
		});
		try {
			const batches = await Promise.all(
				[1, 2, 3, 4].map((n) =>
					renderer.render([{ id: `c${n}`, source: `flowchart LR\nS${n}["start ${n}"] --> E${n}` }]),
				),
			);
			expect(batches.map((b) => b[0]?.id)).toEqual(["c1", "c2", "c3", "c4"]);
			expect(launches).toBe(1);
		} finally {
			await renderer.close();
		}
	}, 90_000);
});

describe("the render page", () => {
	/** A renderer on one page, and a way to reach that page (through the browser it launched). */
	async function openRenderer(pageFilesDir: string) {
		const { chromium } = await import("playwright-core");
		let browser: import("playwright-core").Browser | undefined;
		const renderer = createMermaidRenderer({
			pages: 1,
			pageFilesDir,
			launch: async (executablePath, args) => {
				browser = await chromium.launch({ executablePath, args: [...args] });
				return browser;
			},
		});
		const page = () => {
			const found = browser?.contexts()[0]?.pages()[0];
			if (!found) throw new Error("no render page");
			return found;
		};
		return { renderer, page };
	}

	it("loads Mermaid from its own files and reaches nothing else: no other file, no host", async () => {
		const dir = mkdtempSync(join(tmpdir(), "fb-page-files-"));
		const other = mkdtempSync(join(tmpdir(), "fb-other-files-"));
		writeFileSync(join(other, "leak.js"), "globalThis.leaked = true;");
		writeFileSync(join(other, "pixel.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
		let hits = 0;
		const server = createServer((_req, res) => {
			hits++;
			res.end("x");
		});
		await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
		const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const pixel = pathToFileURL(join(other, "pixel.svg")).href;
		const { renderer, page } = await openRenderer(dir);
		try {
			const fence = `flowchart LR\nA["<img src='${host}/a.png'> <img src='${pixel}'>"] --> B`;
			const [result] = await renderer.render([{ id: "f", source: fence }]);
			expect(svgOf(result)).toContain("<svg");
			expect(page().url()).toMatch(new RegExp(`^${pathToFileURL(dir).href}/[0-9a-f]+\\.html$`));
			const reached = await page().evaluate(
				async ({ host, pixel, leak }) => {
					const image = (src: string) =>
						new Promise<boolean>((resolve) => {
							const img = new Image();
							img.onload = () => resolve(true);
							img.onerror = () => resolve(false);
							img.src = src;
						});
					const script = new Promise<boolean>((resolve) => {
						const s = document.createElement("script");
						s.src = leak;
						s.onload = () => resolve(true);
						s.onerror = () => resolve(false);
						document.head.append(s);
					});
					const fetched = await fetch(`${host}/b`).then(
						() => true,
						() => false,
					);
					return {
						fileImage: await image(pixel),
						hostImage: await image(`${host}/c.png`),
						script: await script,
						leaked: "leaked" in globalThis,
						fetched,
					};
				},
				{ host, pixel, leak: pathToFileURL(join(other, "leak.js")).href },
			);
			expect(reached).toEqual({ fileImage: false, hostImage: false, script: false, leaked: false, fetched: false });
			expect(hits).toBe(0);
		} finally {
			await renderer.close();
			server.close();
		}
	}, 60_000);

	it("loads Mermaid the slower way when its files cannot be written, with the same SVG", async () => {
		const blocker = join(mkdtempSync(join(tmpdir(), "fb-no-dir-")), "a-file");
		writeFileSync(blocker, "not a folder");
		const inline = await openRenderer(join(blocker, "page-files"));
		const files = await openRenderer(mkdtempSync(join(tmpdir(), "fb-page-files-")));
		try {
			const [fromInline] = await inline.renderer.render([{ id: "sales", source: sales }]);
			const [fromFiles] = await files.renderer.render([{ id: "sales", source: sales }]);
			expect(inline.page().url()).toBe("about:blank");
			expect(files.page().url()).toMatch(/^file:/);
			expect(svgOf(fromInline)).toBe(svgOf(fromFiles));
		} finally {
			await inline.renderer.close();
			await files.renderer.close();
		}
	}, 90_000);
});
