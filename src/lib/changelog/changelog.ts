/** The review changelog: review-log entries and content commits in one newest-first list. */

import { parseFlowchartVersion } from "../diff/parse.ts";
import { diffFlowcharts } from "../diff/semantic-diff.ts";
import { toCalendarDate } from "../review/due.ts";
import { REVIEW_QUESTIONS } from "../review/questions.ts";
import type { ReviewSubject } from "../review/subject.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { gitShow } from "./git.ts";
import type { GitCommit, GitHistory } from "./git-history.ts";

export interface ChangelogEntry {
	/** Stable anchor id: `change-<short hash>` or `review-<id>-<date>`. */
	id: string;
	/** YYYY-MM-DD. */
	date: string;
	/** ISO time of a commit, for ordering within a day. */
	time?: string;
	kind: "review" | "change";
	title: string;
	author: string;
	summary: string;
	/** What changed, in words, or the review's answers. */
	items: string[];
	flowchartIds: string[];
	pageIds: string[];
	commit?: string;
}

export interface ContentLayout {
	/** Default `content/flowcharts`. */
	flowchartsDir?: string;
	/** Default `content/pages`. */
	pagesDir?: string;
}

const answerLabels: Record<string, string> = {
	goals: "Goals and strategy",
	market: "Market and competition",
	tools: "Tools and automation",
	feedback: "Team feedback",
};

/** One entry per review-log entry of every flowchart and page. */
export function reviewEntries(subjects: readonly ReviewSubject[]): ChangelogEntry[] {
	const out: ChangelogEntry[] = [];
	for (const s of subjects) {
		for (const entry of s.review?.log ?? []) {
			const date = toCalendarDate(entry.date);
			if (date === undefined) continue;
			const items = REVIEW_QUESTIONS.flatMap((q) => {
				const answer = entry.answers?.[q.key]?.trim();
				return answer ? [`${answerLabels[q.key]}: ${answer}`] : [];
			});
			out.push({
				id: `review-${s.kind}-${s.id}-${date}`,
				date,
				kind: "review",
				title: `Review: ${s.title}`,
				author: entry.by,
				summary: entry.summary,
				items,
				flowchartIds: s.kind === "flowchart" ? [s.id] : [],
				pageIds: s.kind === "page" ? [s.id] : [],
			});
		}
	}
	return out;
}

const yamlFile = /\.ya?ml$/i;

function under(dir: string, path: string): string | undefined {
	const prefix = `${dir.replace(/\/+$/, "")}/`;
	return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

function withoutExtension(name: string): string {
	return name.replace(/\.[^./]+$/, "");
}

/** Reads a file at a commit; injectable so the merge logic can be tested without git. */
export type ReadVersion = (ref: string, path: string) => string | undefined;

/** A change entry for a commit, with each flowchart's changes described in words. */
export function changeEntry(commit: GitCommit, read: ReadVersion, layout: ContentLayout = {}): ChangelogEntry {
	const flowchartsDir = layout.flowchartsDir ?? "content/flowcharts";
	const pagesDir = layout.pagesDir ?? "content/pages";
	const parent = commit.parents[0];
	const flowchartIds: string[] = [];
	const pageIds: string[] = [];
	const sections: { title: string; items: string[] }[] = [];
	const other: string[] = [];
	for (const f of commit.files) {
		const inFlowcharts = under(flowchartsDir, f.path);
		if (inFlowcharts !== undefined && !inFlowcharts.includes("/") && yamlFile.test(inFlowcharts)) {
			const id = withoutExtension(inFlowcharts);
			flowchartIds.push(id);
			const readAt = (ref: string | undefined): { data?: Flowchart; unreadable: boolean } => {
				if (ref === undefined) return { unreadable: false };
				const text = read(ref, f.path);
				if (text === undefined) return { unreadable: false };
				const data = parseFlowchartVersion(text);
				return { data, unreadable: data === undefined };
			};
			const before = f.status === "added" ? { unreadable: false } : readAt(parent);
			const after = f.status === "deleted" ? { unreadable: false } : readAt(commit.hash);
			const title = after.data?.title ?? before.data?.title ?? id;
			if (before.unreadable || after.unreadable) {
				sections.push({
					title,
					items: [`${f.path} was edited; one version is not a valid flowchart, so the changes are not described.`],
				});
				continue;
			}
			const changes = diffFlowcharts(before.data, after.data);
			sections.push({
				title,
				items:
					changes.length > 0
						? changes.map((c) => c.text)
						: ["Formatting or comments only; the process did not change."],
			});
			continue;
		}
		const inPages = under(pagesDir, f.path);
		if (inPages !== undefined) {
			const id = withoutExtension(inPages);
			pageIds.push(id);
			other.push(`Page ${id} ${f.status === "type-changed" ? "modified" : f.status}`);
			continue;
		}
		other.push(`${f.path} ${f.status === "type-changed" ? "modified" : f.status}`);
	}
	const items =
		sections.length === 1
			? [...(sections[0]?.items ?? []), ...other]
			: [...sections.flatMap((s) => s.items.map((i) => `${s.title}: ${i}`)), ...other];
	const names = [...sections.map((s) => s.title), ...pageIds.map((id) => `page ${id}`)];
	const rest = commit.files.length - flowchartIds.length - pageIds.length;
	if (rest > 0) names.push(`${rest} other file${rest === 1 ? "" : "s"}`);
	return {
		id: `change-${commit.hash.slice(0, 12)}`,
		date: commit.date,
		time: commit.time,
		kind: "change",
		title: commit.subject,
		author: commit.author,
		summary: `Changed ${listing(names)}.`,
		items,
		flowchartIds: [...new Set(flowchartIds)],
		pageIds: [...new Set(pageIds)],
		commit: commit.hash,
	};
}

function listing(names: string[]): string {
	if (names.length <= 1) return names[0] ?? "nothing";
	return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Newest first. Within a day, commits (which have a time) come first, latest first, then reviews;
 * remaining ties by title so the order never depends on input order.
 */
export function compareEntries(a: ChangelogEntry, b: ChangelogEntry): number {
	if (a.date !== b.date) return a.date < b.date ? 1 : -1;
	const at = a.time === undefined ? "" : new Date(a.time).toISOString();
	const bt = b.time === undefined ? "" : new Date(b.time).toISOString();
	if (at !== bt) return at < bt ? 1 : -1;
	return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

export function mergeChangelog(...lists: readonly (readonly ChangelogEntry[])[]): ChangelogEntry[] {
	return lists.flat().sort(compareEntries);
}

export interface Changelog {
	entries: ChangelogEntry[];
	/** Whether the git part is there; when not, why (shown on the changelog page). */
	git: { available: true } | { available: false; reason: string };
}

/** The whole changelog: review logs of `subjects`, plus the git history when there is one. */
export function buildChangelog(
	rootDir: string,
	subjects: readonly ReviewSubject[],
	history: GitHistory,
	layout: ContentLayout = {},
): Changelog {
	const reviews = reviewEntries(subjects);
	if (!history.available) return { entries: mergeChangelog(reviews), git: history };
	const read: ReadVersion = (ref, path) => gitShow(rootDir, ref, path);
	const changes = history.commits.map((c) => changeEntry(c, read, layout));
	return { entries: mergeChangelog(reviews, changes), git: { available: true } };
}
