// @ts-check

import { unified } from "@astrojs/markdown-remark";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import flowbookConfig from "./flowbook.config.ts";
import { flowbook } from "./src/integration/flowbook.ts";
import { rehypeMermaid, remarkMermaid } from "./src/lib/markdown/rehype-mermaid.ts";
import { rehypeTableScroll } from "./src/lib/markdown/rehype-table-scroll.ts";

export default defineConfig({
	site: flowbookConfig.site,
	base: flowbookConfig.base,
	trailingSlash: "always",
	build: { format: "directory" },
	// Built-in toolbar and prefetch would load extra scripts; the site makes no request it doesn't need.
	devToolbar: { enabled: false },
	markdown: {
		// unified, not the default Sätteri: our ```mermaid fence transform is a rehype plugin (see docs/benchmarks.md).
		processor: unified({ remarkPlugins: [remarkMermaid], rehypePlugins: [rehypeMermaid, rehypeTableScroll] }),
	},
	integrations: [flowbook(flowbookConfig), mdx()],
});
