import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
	copyFallbackScript,
	FALLBACK_SCRIPT,
	fallbackScriptMiddleware,
} from "../../../src/integration/mermaid-fallback.ts";

/** Runs the middleware for one URL: the body it sent, or "next" when it passed the request on. */
function ask(base: string, url: string): Promise<{ type?: string; bytes?: number } | "next"> {
	return new Promise((resolve) => {
		let type: string | undefined;
		fallbackScriptMiddleware(base)(
			{ url },
			{
				setHeader: (name, value) => {
					if (name === "Content-Type") type = value;
				},
				end: (body) => resolve({ type, bytes: body.length }),
			},
			() => resolve("next"),
		);
	});
}

describe("Mermaid for builds without Chromium", () => {
	it("is served in dev at the address the pages use, with or without the base path, and nothing else is", async () => {
		const served = await ask("/sales/", `/sales/${FALLBACK_SCRIPT}?v=1`);
		expect(served).toMatchObject({ type: "text/javascript; charset=utf-8" });
		expect((served as { bytes: number }).bytes).toBeGreaterThan(1_000_000);
		expect(await ask("/sales/", `/${FALLBACK_SCRIPT}`)).not.toBe("next");
		expect(await ask("/sales/", "/sales/flowcharts/b2b/")).toBe("next");
		expect(await ask("/", "/_flowbook/other.js")).toBe("next");
	});

	it("is copied into the built site as Mermaid's own file", async () => {
		const dist = mkdtempSync(join(tmpdir(), "fb-fallback-"));
		try {
			await copyFallbackScript(dist);
			const copied = join(dist, FALLBACK_SCRIPT);
			expect(statSync(copied).size).toBeGreaterThan(1_000_000);
			expect(readFileSync(copied, "utf8").slice(0, 2000)).toMatch(/mermaid/i);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});
