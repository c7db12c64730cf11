import { describe, expect, it } from "vitest";
import { checkPageBodies } from "../../../src/lib/content/page-bodies.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";

const root = "tests/fixtures/pages";

describe("checkPageBodies", () => {
	it("locates MDX syntax errors, expressions, unknown components and diagrams that do not parse, without a browser", async () => {
		const diagnostics = await checkPageBodies(root, ["content/pages/broken.mdx", "content/pages/stray.mdx"]);
		expect(`\n${diagnostics.map(formatDiagnostic).join("\n")}\n`).toMatchInlineSnapshot(`
			"
			content/pages/broken.mdx:7:12 error: MDX: \`{budget}\` is read as code, and these pages define no values to show
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/broken.mdx:9:10 error: MDX: \`<Enterprise>\` is read as a component, and none by that name exists on these pages
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/stray.mdx:5:22 error: MDX: Unexpected character \`1\` (U+0031) before name, expected a character that can start a name, such as a letter, \`$\`, or \`_\`
			  hint: MDX reads \`<\` as the start of a tag and \`{\` as the start of code: write \`\\<\` or \`\\{\` to show the character as text.
			content/pages/broken.mdx:16:1 error: mermaid: Parse error on line 4: (diagram starting at line 13)
			  hint: ...R  a --> b  b -->
			  --------------------^
			  Expecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', 'NUM', 'COMMA', 'NODE_STRING', 'BRKT', 'MINUS', 'MULT', 'UNICODE_TEXT', got 'EOF'
			"
		`);
	}, 60_000);
});
