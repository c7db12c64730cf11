// @ts-check

import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import flowbookConfig from "./flowbook.config.ts";
import { flowbook } from "./src/integration/flowbook.ts";
import { diagramPlugin } from "./src/lib/markdown/diagram-plugin.ts";
import { markdownFeatures } from "./src/lib/markdown/features.ts";
import { tableScrollPlugin } from "./src/lib/markdown/table-scroll-plugin.ts";
import { shareProject } from "./src/lib/project.ts";

// The project root is this file's folder, resolved once: the integration gets it here and the pages read the same
// (src/site/project.ts), so the check before the build and the pages read the same content.
const project = shareProject({ rootDir: dirname(fileURLToPath(import.meta.url)), config: flowbookConfig });

// Astro hands every environment variable to server code as `import.meta.env.*`, over its own values: a shell or CI
// that sets BASE_URL (vitest does, some CI systems do) silently dropped the base path from every link while assets
// kept it. These names are Astro's; the site's base and origin come from flowbook.config.ts (FLOWBOOK_BASE/_SITE).
for (const reserved of ["BASE_URL", "SITE", "ASSETS_PREFIX"]) delete process.env[reserved];

export default defineConfig({
	site: project.config.site,
	base: project.config.base,
	trailingSlash: "always",
	build: {
		format: "directory",
		// The stylesheet (~21 KB, ~5 KB gzip) goes inside each page: the first paint then waits for the HTML alone,
		// not for a second request (one round trip, ~165 ms on a phone's 4G; `npm run bench -- paint`).
		inlineStylesheets: "always",
		// Astro renders one page at a time by default and waits for each page's file write before the next; with a
		// few in flight the writes overlap the rendering (a warm 100-guide build ~0.2 s shorter, byte-identical
		// `dist/`; docs/benchmarks.md, issue 12, sixth session). Our pages share only memoised promises, never a
		// value one page sets for the next.
		concurrency: 4,
	},
	// Built-in toolbar and prefetch would load extra scripts; the site makes no request it doesn't need.
	devToolbar: { enabled: false },
	markdown: {
		// Astro's default processor (Sätteri, in Rust) with our two plugins: compiling 200 MDX guides through unified()
		// was half of a warm build's bundling (docs/benchmarks.md, issue 12). The content check parses with the same
		// features (src/lib/content/mdx-body.ts).
		processor: satteri({
			features: markdownFeatures,
			mdastPlugins: [diagramPlugin({ root: project.rootDir })],
			hastPlugins: [tableScrollPlugin()],
		}),
	},
	integrations: [flowbook(project.config, project.rootDir), mdx()],
	vite: {
		server: {
			// Not content: the benchmarks' generated projects (thousands of files) and Flowbook's own caches, which a
			// render writes to while the dev server runs. Watching them only floods the terminal with "[watch]" lines.
			watch: { ignored: ["**/bench/out/**", "**/.cache/**"] },
		},
		build: {
			// The prerender bundle holds Mermaid and Vega for build-time rendering; it runs once in Node and never
			// reaches a reader, so its size is no concern (client scripts are a few kB).
			chunkSizeWarningLimit: 8192,
			rolldownOptions: {
				onwarn(warning, warn) {
					// Astro's MDX output starts with the "use astro:head-inject" marker, which the bundler reports for
					// every guide although Astro handles it itself: known harmless, nothing an author can act on.
					if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
					warn(warning);
				},
			},
		},
	},
});
