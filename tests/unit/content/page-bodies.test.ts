import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkPageBodies, PAGE_BODY_CACHE } from "../../../src/lib/content/page-bodies.ts";
import { type Diagnostic, formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";

const root = "tests/fixtures/pages";

describe("checkPageBodies", () => {
	it("locates MDX syntax errors, expressions, unknown components and diagrams that do not parse, without a browser", async () => {
		const { diagnostics, fences } = await checkPageBodies(root, [
			"content/pages/broken.mdx",
			"content/pages/stray.mdx",
		]);
		expect(fences.map((f) => `${f.file}:${f.line}`)).toEqual(["content/pages/broken.mdx:13"]);
		expect(`\n${diagnostics.map(formatDiagnostic).join("\n")}\n`).toMatchInlineSnapshot(`
			"
			content/pages/broken.mdx:7:12 error: MDX: \`{budget}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/broken.mdx:9:10 error: MDX: \`<Enterprise>\` is read as a component, and none by that name exists on these pages
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/stray.mdx:5:21 error: MDX: Unexpected character \`1\` after \`<\`, expected a valid JSX tag
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/broken.mdx:16:1 error: mermaid: Parse error on line 4: (diagram starting at line 13)
			  hint: ...R  a --> b  b -->
			  --------------------^
			  Expecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', 'NUM', 'COMMA', 'NODE_STRING', 'BRKT', 'MINUS', 'MULT', 'UNICODE_TEXT', got 'EOF'
			"
		`);
	}, 60_000);
});

describe("checkPageBodies with a result cache", () => {
	const files = ["content/pages/broken.mdx", "content/pages/stray.mdx"];
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), "fb-bodies-"));
		cpSync(join(root, "content"), join(dir, "content"), { recursive: true });
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("reports the same problems from the cache without parsing again, and re-checks a file that changed", async () => {
		const first = (await checkPageBodies(dir, files, { cacheFile: PAGE_BODY_CACHE })).diagnostics;
		const stored = JSON.parse(readFileSync(join(dir, PAGE_BODY_CACHE), "utf8")) as { entries: object };
		// Two MDX bodies and one fence were checked and kept.
		expect(Object.keys(stored.entries)).toHaveLength(3);
		// Poison every entry: a second run that still parsed would report the real problems, not these.
		const poison = { problems: [marker] };
		const poisoned = { ...stored, entries: Object.fromEntries(Object.keys(stored.entries).map((k) => [k, poison])) };
		writeFileSync(join(dir, PAGE_BODY_CACHE), JSON.stringify(poisoned));
		const cached = await checkPageBodies(dir, files, { cacheFile: PAGE_BODY_CACHE });
		// One per body; the poisoned bodies list no fences, so no fence is parsed (or looked up) either.
		expect(cached.diagnostics).toEqual([marker, marker]);
		expect(cached.fences).toEqual([]);

		writeFileSync(join(dir, "content/pages/stray.mdx"), "---\ntitle: Stray\n---\n\nFixed text.\n");
		const again = (await checkPageBodies(dir, files, { cacheFile: PAGE_BODY_CACHE })).diagnostics;
		// broken.mdx still from the cache; stray.mdx parsed again and now clean.
		expect(again).toEqual([marker]);
		expect(first.filter((d) => d.file.endsWith("stray.mdx"))).toHaveLength(1);
	}, 60_000);

	it("treats a corrupt or foreign cache file as empty", async () => {
		mkdirSync(join(dir, dirname(PAGE_BODY_CACHE)), { recursive: true });
		writeFileSync(join(dir, PAGE_BODY_CACHE), "{not json");
		const fresh = (await checkPageBodies(dir, files, { cacheFile: PAGE_BODY_CACHE })).diagnostics;
		expect(fresh.map((d) => d.code)).toEqual(["mdx-expression", "mdx-component", "mdx-syntax", "mermaid-parse"]);
	}, 60_000);

	it("leaves fences to the caller when asked (the build renders them in a browser)", async () => {
		const found = (await checkPageBodies(dir, files, { fences: false })).diagnostics;
		expect(found.map((d) => d.code)).not.toContain("mermaid-parse");
		expect(found).toHaveLength(3);
	}, 60_000);
});

const marker: Diagnostic = { severity: "warning", file: "cached", code: "from-cache", message: "from the cache" };
