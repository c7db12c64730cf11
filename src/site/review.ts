/** Review state as pages show it: rows for the dashboard and the review line, in the page's language. */

import { type Lang, t, type UiKey } from "../i18n/ui.ts";
import { formatter, locales } from "../lib/i18n/format.ts";
import { inputsMemo } from "../lib/memo.ts";
import {
	type CalendarDate,
	formatDay,
	parseCadence,
	type ReviewPage,
	type ReviewRow,
	type ReviewStatus,
	reviewDashboard,
} from "../lib/review/index.ts";
import { mergeRoles } from "../lib/roles.ts";
import { fillTemplate } from "../lib/template.ts";
import { getFlowcharts, getPages, type PageEntry, type SiteFlowchart, type SitePage } from "./data.ts";
import { flowbookConfig } from "./project.ts";

/** "4 May 2026" / "4 Mei 2026"; `long` spells the month out. Read in UTC so no timezone moves the day. */
export function formatReviewDate(lang: Lang, date: CalendarDate, style: "short" | "long" = "short"): string {
	if (style === "short") return formatter(lang).date(date);
	// English as the core writes it everywhere else ("4 September 2026").
	if (lang === "en") return formatDay(date, style);
	return new Intl.DateTimeFormat(locales[lang], {
		day: "numeric",
		month: style,
		year: "numeric",
		timeZone: "UTC",
	}).format(new Date(`${date}T00:00:00Z`));
}

/** "6 months" → "6 bulan" for Indonesian (unit names and plurals from Intl). */
export function formatCadence(lang: Lang, cadence: string): string {
	const c = parseCadence(cadence);
	return c ? formatter(lang).duration(c.amount, c.unit) : cadence;
}

const fill = fillTemplate;

export const statusKey: Record<ReviewStatus, UiKey> = {
	ok: "review.status.ok",
	"due-soon": "review.status.dueSoon",
	overdue: "review.status.overdue",
	"never-reviewed": "review.status.never",
};

/** Badge colour class for a status. */
export const statusClass: Record<ReviewStatus, string> = {
	ok: "ok",
	"due-soon": "warn",
	overdue: "danger",
	"never-reviewed": "danger",
};

export interface ReviewLine {
	/** "Last reviewed 4 May 2026 by … · next review due 4 Nov 2026". */
	text: string;
	/** Short badge text; absent when the review is up to date. */
	label?: string;
	status: ReviewStatus;
	alert: boolean;
}

/** The sentence under a flowchart's or page's title. */
export function reviewLine(lang: Lang, row: ReviewRow): ReviewLine {
	const status = row.status;
	if (!row.lastReview || !row.nextDue) {
		return {
			text: fill(t(lang, "review.never"), { cadence: formatCadence(lang, row.cadence) }),
			label: t(lang, statusKey[status]),
			status,
			alert: true,
		};
	}
	const values = {
		date: formatReviewDate(lang, row.lastReview.date),
		by: row.lastReview.by,
		due: formatReviewDate(lang, row.nextDue),
	};
	if (status === "overdue") {
		return {
			text: fill(t(lang, "review.lineOverdue"), values),
			label: t(lang, statusKey[status]),
			status,
			alert: true,
		};
	}
	return {
		text: fill(t(lang, "review.line"), values),
		label: status === "due-soon" ? t(lang, statusKey[status]) : undefined,
		status,
		alert: false,
	};
}

export interface SiteReviewRow extends ReviewRow {
	/** Link to the flowchart or page in this language. */
	path: string;
}

function pageSourceFile(entry: PageEntry): string {
	return entry.filePath ?? `content/pages/${entry.id}.mdx`;
}

/**
 * Review rows for every flowchart and every page that opted in, most urgent first. Review data comes
 * from the English originals (reviews are not translated); titles and owner names from `lang`.
 */
export async function getReviewRows(lang: Lang): Promise<SiteReviewRow[]> {
	// Every flowchart and guide page shows its own row, so the rows are built once per content state: the lists
	// from data.ts are the same arrays until the content changes.
	const inputs = await Promise.all([getFlowcharts(lang), getFlowcharts("en"), getPages(lang), getPages("en")]);
	return reviewRows(lang, inputs, () => buildReviewRows(...inputs));
}
const reviewRows = inputsMemo<Lang, SiteReviewRow[]>();

function buildReviewRows(
	flowcharts: SiteFlowchart[],
	english: SiteFlowchart[],
	localPages: SitePage[],
	englishPages: SitePage[],
): SiteReviewRow[] {
	const roleNames = new Map(mergeRoles(flowcharts).map((r) => [r.id, r.name]));
	const englishBySlug = new Map(englishPages.map((p) => [p.slug, p.entry]));
	const pages: ReviewPage[] = [];
	for (const page of localPages) {
		const original = page.entry.id.includes("/") ? englishBySlug.get(page.slug) : page.entry;
		const review = original?.data.review;
		if (!original || !review) continue;
		const owner = original.data.owner;
		pages.push({
			id: page.slug,
			title: page.entry.data.title,
			file: pageSourceFile(original),
			owner: owner === undefined ? undefined : (roleNames.get(owner) ?? owner),
			review,
		});
	}
	const localised = flowcharts.map((fc): SiteFlowchart => {
		const source = english.find((e) => e.id === fc.id) ?? fc;
		return { ...fc, data: { ...fc.data, review: source.original.review } };
	});
	const rows = reviewDashboard(
		{ flowcharts: localised, pages },
		{ today: flowbookConfig.today, defaultCadence: flowbookConfig.reviewEvery },
	);
	return rows.map((row) => ({
		...row,
		path: row.kind === "flowchart" ? `flowcharts/${row.id}/` : `pages/${row.id}/`,
	}));
}

/** The review row of one flowchart or page, or undefined for a page that did not opt in. */
export async function getReviewRow(
	lang: Lang,
	kind: ReviewRow["kind"],
	id: string,
): Promise<SiteReviewRow | undefined> {
	return (await getReviewRows(lang)).find((r) => r.kind === kind && r.id === id);
}
