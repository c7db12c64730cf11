import { describe, expect, it } from "vitest";
import { checkMermaidFences } from "../../../src/lib/content/fence-check.ts";
import { checkPageBodies } from "../../../src/lib/content/page-bodies.ts";
import type { MermaidRenderer } from "../../../src/lib/render/renderer.ts";

const root = "tests/fixtures/pages";

/** What the renderer throws when no Chromium can be found. */
const noBrowser: MermaidRenderer = {
	render: () => Promise.reject(Object.assign(new Error("no browser"), { name: "NoBrowserError", tried: ["chromium"] })),
	close: async () => {},
};

describe("checkMermaidFences", () => {
	it("without a browser, still reports a broken fence (Mermaid's parser in Node), located", async () => {
		const { fences } = await checkPageBodies(root, ["content/pages/broken.mdx"], { fences: false });
		const found = await checkMermaidFences(root, fences, () => noBrowser);
		expect(found.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(["content/pages/broken.mdx:16 mermaid-parse"]);
	}, 60_000);
});
