/**
 * The floor for the guides benchmark (issue 12): a plain Astro project with @astrojs/mdx that builds the same guide
 * pages as Flowbook (`/pages/<slug>/` and `/id/pages/<slug>/`, translation or English fallback) from the same MDX files,
 * in a minimal but fair docs layout: title and description, one stylesheet, a sidebar of every guide in the language,
 * the page's h2 table of contents, the content. ```mermaid fences stay code blocks: no diagrams is what a floor is.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ROOT, VITE_CACHE_DIR } from "./project.ts";

/** Its own cacheDir (not the shared node_modules/.astro), so a clean floor build is cold. */
const CACHE_DIR = ".astro-cache";

const ASTRO_CONFIG = `import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";

export default defineConfig({
	cacheDir: "./${CACHE_DIR}",
	trailingSlash: "always",
	// One stylesheet link per page, as a docs site has (not inlined).
	build: { format: "directory", inlineStylesheets: "never" },
	devToolbar: { enabled: false },
	integrations: [mdx()],
	// Flowbook filters this per-MDX-file warning (astro.config.mjs); the floor does too, so logs cost both alike.
	vite: {
		cacheDir: "./${VITE_CACHE_DIR}",
		build: {
			rolldownOptions: {
				onwarn(warning, warn) {
					if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
					warn(warning);
				},
			},
		},
	},
});
`;

const contentConfig = (pagesDir: string) => `import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const pages = defineCollection({
	loader: glob({ pattern: "**/*.{md,mdx}", base: ${JSON.stringify(pagesDir)} }),
	schema: z.object({ title: z.string(), description: z.string().optional(), order: z.number().default(100) }),
});

export const collections = { pages };
`;

const PAGE_ROUTE = `---
import { getCollection, render } from "astro:content";
import Docs from "../../../layouts/Docs.astro";
import { floorRoutes } from "../../../routes.ts";

export async function getStaticPaths() {
	const routes = floorRoutes(await getCollection("pages"));
	const sidebars = Map.groupBy(routes, (r) => r.lang);
	return routes.map((route) => ({
		params: { lang: route.lang === "en" ? undefined : route.lang, slug: route.slug },
		props: { route, sidebar: sidebars.get(route.lang) ?? [] },
	}));
}
const { route, sidebar } = Astro.props;
const { Content, headings } = await render(route.entry);
---
<Docs title={route.entry.data.title} description={route.entry.data.description} lang={route.lang} sidebar={sidebar} current={route.path} toc={headings.filter((h) => h.depth === 2)}>
	<Content />
</Docs>
`;

const LAYOUT = `---
import "../styles/docs.css";

interface Props {
	title: string;
	description?: string | undefined;
	lang: string;
	sidebar: { path: string; entry: { data: { title: string } } }[];
	current: string;
	toc: { slug: string; text: string }[];
}
const { title, description, lang, sidebar, current, toc } = Astro.props;
---
<!doctype html>
<html lang={lang}>
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>{title} | Sales Playbook</title>
		{description && <meta name="description" content={description} />}
	</head>
	<body>
		<header><a href={lang === "en" ? "/" : \`/\${lang}/\`}>Sales Playbook</a></header>
		<div class="docs">
			<nav class="sidebar" aria-label="Guides">
				<ul>
					{sidebar.map((r) => (
						<li><a href={\`/\${r.path}\`} aria-current={r.path === current ? "page" : undefined}>{r.entry.data.title}</a></li>
					))}
				</ul>
			</nav>
			<main>
				<h1>{title}</h1>
				<slot />
			</main>
			<aside class="toc" aria-label="On this page">
				<ul>{toc.map((h) => <li><a href={\`#\${h.slug}\`}>{h.text}</a></li>)}</ul>
			</aside>
		</div>
	</body>
</html>
`;

const CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.6; }
body { margin: 0; }
header { padding: 0.75rem 1.5rem; border-bottom: 1px solid #8884; font-weight: 600; }
.docs { display: grid; grid-template-columns: 16rem minmax(0, 1fr) 14rem; gap: 2rem; padding: 0 1.5rem; }
.sidebar { max-height: calc(100vh - 4rem); overflow-y: auto; position: sticky; top: 0; font-size: 0.9rem; }
.sidebar ul, .toc ul { list-style: none; padding: 0; }
.sidebar a[aria-current="page"] { font-weight: 700; }
main { max-width: 48rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #8886; padding: 0.3rem 0.6rem; }
pre { overflow-x: auto; padding: 1rem; border-radius: 0.4rem; }
.toc { position: sticky; top: 0; font-size: 0.85rem; }
@media (max-width: 60rem) { .docs { grid-template-columns: 1fr; } .sidebar, .toc { position: static; max-height: none; } }
`;

/** A floor project in `dir` over the MDX files in `pagesDir` (shared with the Flowbook project, so edits hit both). */
export function makeFloor(dir: string, pagesDir: string): void {
	rmSync(dir, { recursive: true, force: true });
	const files: Record<string, string> = {
		"package.json": `${JSON.stringify({ name: "flowbook-bench-floor", private: true, type: "module" }, null, "\t")}\n`,
		"astro.config.mjs": ASTRO_CONFIG,
		"src/content.config.ts": contentConfig(relative(dir, pagesDir)),
		"src/pages/[...lang]/pages/[slug].astro": PAGE_ROUTE,
		"src/layouts/Docs.astro": LAYOUT,
		"src/styles/docs.css": CSS,
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	cpSync(join(ROOT, "bench", "floor-routes.ts"), join(dir, "src", "routes.ts"));
	symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
}

/** What a clean checkout would not have: Astro's data store, generated types, output. */
export function clearFloorCaches(dir: string): void {
	for (const d of [".astro", CACHE_DIR, VITE_CACHE_DIR, "dist"]) rmSync(join(dir, d), { recursive: true, force: true });
}
