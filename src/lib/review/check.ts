/**
 * Overdue and missing reviews as build diagnostics, located at each file's `review:` key (or its
 * first line when there is none). Pages take part only when their frontmatter has `review`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FlowbookConfig } from "../config.ts";
import { frontmatterOf, type PageInfo } from "../content/pages.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateKey } from "../load/parse-yaml.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { overdueDiagnostics, reviewDashboard } from "./dashboard.ts";
import { buildDate } from "./due.ts";
import type { ReviewPage } from "./subject.ts";

export async function reviewDiagnostics(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
	pages: readonly PageInfo[],
	config: Pick<FlowbookConfig, "strict"> & Partial<Pick<FlowbookConfig, "today" | "reviewEvery">>,
): Promise<Diagnostic[]> {
	// Translations (`id/overview`) share the review of their English page.
	const reviewed: ReviewPage[] = pages
		.filter((p) => !p.id.includes("/") && p.frontmatter.review !== undefined)
		.map((p) => ({
			id: p.id,
			title: p.frontmatter.title,
			file: p.file,
			owner: p.frontmatter.owner,
			review: p.frontmatter.review,
		}));
	const rows = reviewDashboard(
		{ flowcharts, pages: reviewed },
		{ today: config.today ?? buildDate(), defaultCadence: config.reviewEvery },
	);
	const due = rows.filter((r) => r.status === "overdue" || r.status === "never-reviewed");
	// Only the few files with a due review are read again, to find their `review:` key.
	const positions = new Map<string, { line: number; column: number }>();
	await Promise.all(
		due.map(async (row) => {
			const source = await readFile(join(rootDir, row.file), "utf8").catch(() => undefined);
			if (source === undefined) return;
			if (row.kind === "flowchart") {
				positions.set(row.file, locateKey(source, "review") ?? { line: 1, column: 1 });
				return;
			}
			const fm = frontmatterOf(source);
			const at = fm ? locateKey(fm.text, "review") : undefined;
			positions.set(
				row.file,
				at && fm ? { line: at.line + fm.firstLine - 1, column: at.column } : { line: 1, column: 1 },
			);
		}),
	);
	const diagnostics = overdueDiagnostics(due, { strict: config.strict, locate: (row) => positions.get(row.file) });
	// `npm run review` takes flowcharts only, so a page's hint says what to do by hand.
	for (const d of diagnostics) {
		if (d.file.startsWith("content/pages/") || /\.mdx?$/.test(d.file)) {
			d.hint =
				"Review the page with its owner, then add an entry (date, by, summary) to `review.log` in its frontmatter.";
		}
	}
	return diagnostics;
}
