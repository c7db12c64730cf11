/**
 * Mermaid for the reader's browser, used only when the build found no Chromium and left diagrams as source
 * (`<pre class="mermaid">`, see MermaidFallback.astro). It is Mermaid's own prebuilt file, copied as it is:
 * bundling Mermaid through Vite on every build (to serve the rare build without a browser) cost a third of a
 * warm build's bundling time and 430 MB of memory, and wrote 100 chunk files nobody loaded.
 */
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Where the file lands under the site's base path (also read by MermaidFallback.astro). */
export const FALLBACK_SCRIPT = "_flowbook/mermaid.min.js";

const require = createRequire(import.meta.url);
const source = () => require.resolve("mermaid/dist/mermaid.min.js");

/** At the end of a build that left diagrams to the reader's browser: put Mermaid next to the pages. */
export async function copyFallbackScript(distDir: string): Promise<void> {
	const target = join(distDir, FALLBACK_SCRIPT);
	await mkdir(dirname(target), { recursive: true });
	await copyFile(source(), target);
}

type Middleware = (req: { url?: string }, res: DevResponse, next: () => void) => void;
interface DevResponse {
	setHeader(name: string, value: string): void;
	end(body: Buffer): void;
}

/** In dev, the same file at the same address, read when first asked for. */
export function fallbackScriptMiddleware(base: string): Middleware {
	// With or without the base path in front, depending on where in Vite's middleware stack this runs.
	const paths = new Set([`${base.replace(/\/?$/, "/")}${FALLBACK_SCRIPT}`, `/${FALLBACK_SCRIPT}`]);
	let body: Promise<Buffer> | undefined;
	return (req, res, next) => {
		if (!paths.has(req.url?.split("?")[0] ?? "")) return next();
		body ??= readFile(source());
		void body.then((bytes) => {
			res.setHeader("Content-Type", "text/javascript; charset=utf-8");
			res.end(bytes);
		}, next);
	};
}
