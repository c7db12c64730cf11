/** The review dashboard: every flowchart and opted-in page with its review state, most urgent first. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import {
	type CalendarDate,
	DEFAULT_CADENCE,
	DEFAULT_DUE_SOON_DAYS,
	daysBetween,
	formatCadence,
	formatDay,
	lastReview,
	nextDue,
	type ReviewStatus,
	resolveCadence,
	reviewStatus,
} from "./due.ts";
import { flowchartSubject, pageSubject, type ReviewPage, type ReviewSubject } from "./subject.ts";

export interface ReviewRow {
	kind: "flowchart" | "page";
	id: string;
	title: string;
	file: string;
	owner?: string;
	ownerName?: string;
	/** "6 months". */
	cadence: string;
	lastReview?: { date: CalendarDate; by: string; summary: string };
	nextDue?: CalendarDate;
	/** Days until the next review is due; negative when overdue; absent when never reviewed. */
	daysUntilDue?: number;
	status: ReviewStatus;
}

export interface ReviewOptions {
	/** Build date, YYYY-MM-DD (see `buildDate()`). */
	today: CalendarDate;
	/** Site-wide cadence for subjects that declare none. */
	defaultCadence?: string;
	dueSoonDays?: number;
}

/** The review state of one flowchart or page. */
export function reviewRow(subject: ReviewSubject, options: ReviewOptions): ReviewRow {
	const cadence = resolveCadence(subject.review?.every, options.defaultCadence ?? DEFAULT_CADENCE);
	const last = lastReview(subject.review?.log);
	const row: ReviewRow = {
		kind: subject.kind,
		id: subject.id,
		title: subject.title,
		file: subject.file,
		owner: subject.owner,
		ownerName: subject.ownerName,
		cadence: formatCadence(cadence),
		status: reviewStatus(last?.day, cadence, options.today, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
	};
	if (last) {
		row.lastReview = { date: last.day, by: last.by, summary: last.summary };
		row.nextDue = nextDue(last.day, cadence);
		row.daysUntilDue = daysBetween(options.today, row.nextDue);
	}
	return row;
}

const rank: Record<ReviewStatus, number> = { "never-reviewed": 0, overdue: 0, "due-soon": 1, ok: 2 };

/**
 * Most urgent first: overdue (never reviewed counts as overdue and, having no due date at all, comes
 * first; then the most overdue), then due soon, then ok, each by due date; ties by title.
 */
export function compareUrgency(a: ReviewRow, b: ReviewRow): number {
	return (
		rank[a.status] - rank[b.status] ||
		(a.daysUntilDue ?? Number.NEGATIVE_INFINITY) - (b.daysUntilDue ?? Number.NEGATIVE_INFINITY) ||
		a.title.localeCompare(b.title) ||
		a.file.localeCompare(b.file)
	);
}

/** Dashboard rows for every flowchart and page, sorted by urgency. */
export function reviewDashboard(
	input: { flowcharts: readonly LoadedFlowchart[]; pages?: readonly ReviewPage[] },
	options: ReviewOptions,
): ReviewRow[] {
	const subjects = [...input.flowcharts.map(flowchartSubject), ...(input.pages ?? []).map(pageSubject)];
	return subjects.map((s) => reviewRow(s, options)).sort(compareUrgency);
}

export interface OverdueOptions {
	/** Overdue reviews fail the build instead of warning. */
	strict?: boolean;
	/** Where the row's `review` key is (1-based), when the caller has the source; see `locateKey`. */
	locate?: (row: ReviewRow) => { line: number; column?: number } | undefined;
}

/** A warning (error when strict) for each overdue or never-reviewed row. */
export function overdueDiagnostics(rows: readonly ReviewRow[], options: OverdueOptions = {}): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const row of rows) {
		if (row.status !== "overdue" && row.status !== "never-reviewed") continue;
		const what = row.kind === "flowchart" ? `flowchart "${row.title}"` : `page "${row.title}"`;
		const d: Diagnostic =
			row.status === "overdue" && row.lastReview && row.nextDue
				? {
						severity: options.strict ? "error" : "warning",
						file: row.file,
						message: `The review of ${what} is overdue: it was due ${formatDay(row.nextDue)} (last reviewed ${formatDay(row.lastReview.date)}, every ${row.cadence}).`,
						hint: `Run \`npm run review -- ${row.id}\` for the checklist, then add the review to \`review.log\`.`,
						code: "review-overdue",
					}
				: {
						severity: options.strict ? "error" : "warning",
						file: row.file,
						message: `The ${what} has never been reviewed.`,
						hint: `Review it and add an entry to \`review.log\` (date, by, summary); \`npm run review -- ${row.id}\` prints a checklist.`,
						code: "review-missing",
					};
		const at = options.locate?.(row);
		if (at) {
			d.line = at.line;
			d.column = at.column ?? 1;
		}
		out.push(d);
	}
	return out;
}
