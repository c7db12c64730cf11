import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runValidate } from "../../../src/cli/validate-run.ts";
import { checkContent } from "../../../src/lib/check.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";

const root = mkdtempSync(join(tmpdir(), "flowbook-check-"));
const today = "2026-11-27";

beforeAll(() => {
	mkdirSync(join(root, "content/flowcharts"), { recursive: true });
	mkdirSync(join(root, "content/pages/id"), { recursive: true });
	// The sample renewal flowchart: last reviewed 23 Jun 2025, every year, so overdue since 23 Jun 2026.
	cpSync("content/flowcharts/renewal.yaml", join(root, "content/flowcharts/renewal.yaml"));
	writeFileSync(
		join(root, "content/pages/pricing.mdx"),
		"---\ntitle: Pricing\nowner: ops\nreview:\n  every: 3 months\n  log:\n    - date: 2026-01-05\n      by: Sales operations\n      summary: First version.\n---\n\nText.\n",
	);
	// No `review`: the page does not take part.
	writeFileSync(join(root, "content/pages/tips.mdx"), "---\ntitle: Tips\n---\n\nText.\n");
	// A translation shares its English page's review and is never reported on its own.
	writeFileSync(join(root, "content/pages/id/pricing.mdx"), "---\ntitle: Harga\n---\n\nTeks.\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("checkContent and overdue reviews", () => {
	test("warns at the review key of each overdue flowchart and opted-in page", async () => {
		const report = await checkContent(root, { strict: false, today, reviewEvery: "6 months" });
		const reviews = report.diagnostics.filter((d) => d.code?.startsWith("review-"));
		expect(reviews.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"content/flowcharts/renewal.yaml:162:1 warning: The review of flowchart "Renewal and expansion" is overdue: it was due 23 Jun 2026 (last reviewed 23 Jun 2025, every 1 year).
			  hint: Run \`npm run review -- renewal\` for the checklist, then add the review to \`review.log\`.
			content/pages/pricing.mdx:4:1 warning: The review of page "Pricing" is overdue: it was due 5 Apr 2026 (last reviewed 5 Jan 2026, every 3 months).
			  hint: Review the page with its owner, then add an entry (date, by, summary) to \`review.log\` in its frontmatter."
		`);
		expect(report.failed).toBe(false);
	});

	test("fails under strict, where overdue reviews are errors", async () => {
		const report = await checkContent(root, { strict: true, today });
		const reviews = report.diagnostics.filter((d) => d.code === "review-overdue");
		expect(reviews.map((d) => d.severity)).toEqual(["error", "error"]);
		expect(report.failed).toBe(true);
		expect(report.summary).toMatch(/\(strict\)$/);
	});

	test("is quiet when every review is up to date", async () => {
		const report = await checkContent(root, { strict: true, today: "2026-03-01" });
		expect(report.diagnostics.filter((d) => d.code?.startsWith("review-"))).toEqual([]);
	});

	test("npm run validate reports the same, and exits 1 under FLOWBOOK_STRICT", async () => {
		const run = async (env: Record<string, string>) => {
			const out: string[] = [];
			const code = await runValidate(["--root", root], {
				cwd: process.cwd(),
				env: { FLOWBOOK_TODAY: today, ...env },
				stdout: (l) => out.push(l),
				stderr: (l) => out.push(l),
			});
			return { code, out: out.join("\n") };
		};
		const normal = await run({});
		expect(normal.code).toBe(0);
		expect(normal.out).toContain("content/flowcharts/renewal.yaml:162:1 warning: The review of flowchart");
		expect(normal.out.split("\n").at(-1)).toBe("0 errors, 2 warnings in 1 flowchart");
		const strict = await run({ FLOWBOOK_STRICT: "1" });
		expect(strict.code).toBe(1);
		expect(strict.out.split("\n").at(-1)).toBe("2 errors, 0 warnings in 1 flowchart (strict)");
	});
});
