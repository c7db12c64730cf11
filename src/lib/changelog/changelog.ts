/** The review changelog: review-log entries and content commits in one newest-first list. */

import type { ChangeMessage } from "../../i18n/changes.ts";
import { parseFlowchartVersion } from "../diff/parse.ts";
import { diffFlowcharts } from "../diff/semantic-diff.ts";
import { gitShow } from "../git/git.ts";
import type { GitCommit, GitHistory } from "../git/history.ts";
import { parseYaml } from "../load/parse-yaml.ts";
import { toCalendarDate } from "../review/due.ts";
import { REVIEW_QUESTIONS, type ReviewAnswerKey } from "../review/questions.ts";
import type { ReviewSubject } from "../review/subject.ts";
import type { Flowchart } from "../schema/flowchart.ts";

export interface ChangelogSection {
	/** The flowchart or guide the changes are about. */
	flowchartId?: string;
	pageId?: string;
	/** Its title in that version (the page shows the current, translated one when there is one). */
	title: string;
	changes: ChangeMessage[];
}

export interface ChangelogEntry {
	/** Stable anchor id: `change-<short hash>` or `review-<id>-<date>`. */
	id: string;
	/** YYYY-MM-DD. */
	date: string;
	/** ISO time of a commit, for ordering within a day. */
	time?: string;
	kind: "review" | "change";
	/** The commit subject, or the reviewed flowchart's or guide's title. */
	title: string;
	/** From the review log or the commit; never made up. */
	author: string;
	/** A review's summary as written in the log. */
	summary?: string;
	/** What changed, per flowchart or guide (changes only). */
	sections: ChangelogSection[];
	/** A review's answers to the four questions. */
	answers: { key: ReviewAnswerKey; text: string }[];
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

/** One entry per review-log entry of every flowchart and page. */
export function reviewEntries(subjects: readonly ReviewSubject[]): ChangelogEntry[] {
	const out: ChangelogEntry[] = [];
	for (const s of subjects) {
		for (const entry of s.review?.log ?? []) {
			const date = toCalendarDate(entry.date);
			if (date === undefined) continue;
			const answers = REVIEW_QUESTIONS.flatMap((q) => {
				const text = entry.answers?.[q.key]?.trim();
				return text ? [{ key: q.key, text }] : [];
			});
			out.push({
				id: `review-${s.kind}-${s.id}-${date}`,
				date,
				kind: "review",
				title: s.title,
				author: entry.by,
				summary: entry.summary,
				sections: [],
				answers,
				flowchartIds: s.kind === "flowchart" ? [s.id] : [],
				pageIds: s.kind === "page" ? [s.id] : [],
			});
		}
	}
	return out;
}

const yamlFile = /\.ya?ml$/i;
const pageFile = /\.mdx?$/i;

function under(dir: string, path: string): string | undefined {
	const prefix = `${dir.replace(/\/+$/, "")}/`;
	return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

function withoutExtension(name: string): string {
	return name.replace(/\.[^./]+$/, "");
}

/** Reads a file at a commit; injectable so the merge logic can be tested without git. */
export type ReadVersion = (ref: string, path: string) => string | undefined;

type FileChange = GitCommit["files"][number];

/** A flowchart file's changes in words; no section when only formatting or comments changed. */
function flowchartSection(
	id: string,
	f: FileChange,
	commit: GitCommit,
	read: ReadVersion,
): ChangelogSection | undefined {
	const readAt = (ref: string | undefined): { data?: Flowchart; unreadable: boolean } => {
		if (ref === undefined) return { unreadable: false };
		const text = read(ref, f.path);
		if (text === undefined) return { unreadable: false };
		const data = parseFlowchartVersion(text);
		return { data, unreadable: data === undefined };
	};
	const before = f.status === "added" ? { unreadable: false } : readAt(commit.parents[0]);
	const after = f.status === "deleted" ? { unreadable: false } : readAt(commit.hash);
	const title = after.data?.title ?? before.data?.title ?? id;
	if (before.unreadable || after.unreadable) {
		return { flowchartId: id, title, changes: [{ key: "version-unreadable", path: f.path }] };
	}
	const changes = diffFlowcharts(before.data, after.data).map((c) => c.message);
	return changes.length > 0 ? { flowchartId: id, title, changes } : undefined;
}

/** A guide's title and its text with whitespace collapsed, to tell real edits from reformatting. */
function guideVersion(text: string | undefined): { title?: string; words: string } | undefined {
	if (text === undefined) return undefined;
	const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	// Unreadable front matter has no value: the guide is still listed, by its file name.
	const data = fm ? (parseYaml("", fm[1] ?? "").value as { title?: unknown } | null | undefined) : undefined;
	const title = typeof data?.title === "string" ? data.title : undefined;
	return { title, words: text.replace(/\s+/g, " ").trim() };
}

/** A guide added, removed or edited (in any language); none when only whitespace changed. */
function guideSection(
	slug: string,
	translation: string | undefined,
	f: FileChange,
	commit: GitCommit,
	read: ReadVersion,
): ChangelogSection | undefined {
	const parent = commit.parents[0];
	const before = f.status === "added" || parent === undefined ? undefined : guideVersion(read(parent, f.path));
	const after = f.status === "deleted" ? undefined : guideVersion(read(commit.hash, f.path));
	if (before !== undefined && after !== undefined && before.words === after.words) return undefined;
	const title = after?.title ?? before?.title ?? slug;
	const key = before === undefined ? "guide-added" : after === undefined ? "guide-removed" : "guide-changed";
	return { pageId: slug, title, changes: [translation ? { key, title, translation } : { key, title }] };
}

/**
 * A change entry for a commit: each flowchart's changes in words and each guide added or edited.
 * Undefined when the commit changed nothing a sales team reads (tooling, READMEs, metrics exports,
 * translations of labels, or formatting only).
 */
export function changeEntry(
	commit: GitCommit,
	read: ReadVersion,
	layout: ContentLayout = {},
): ChangelogEntry | undefined {
	const flowchartsDir = layout.flowchartsDir ?? "content/flowcharts";
	const pagesDir = layout.pagesDir ?? "content/pages";
	const sections: ChangelogSection[] = [];
	for (const f of commit.files) {
		const inFlowcharts = under(flowchartsDir, f.path);
		if (inFlowcharts !== undefined && !inFlowcharts.includes("/") && yamlFile.test(inFlowcharts)) {
			const section = flowchartSection(withoutExtension(inFlowcharts), f, commit, read);
			if (section) sections.push(section);
			continue;
		}
		const inPages = under(pagesDir, f.path);
		if (inPages !== undefined && pageFile.test(inPages)) {
			// content/pages/id/overview.mdx is the Indonesian version of the guide `overview`.
			const parts = inPages.split("/");
			const slug = withoutExtension(parts.pop() ?? inPages);
			const section = guideSection(slug, parts[0], f, commit, read);
			if (section === undefined) continue;
			// One section per guide; the default-language file's change says more than a translation's.
			const seen = sections.findIndex((s) => s.pageId === slug);
			if (seen < 0) sections.push(section);
			else if (parts.length === 0) sections[seen] = section;
		}
	}
	if (sections.length === 0) return undefined;
	return {
		id: `change-${commit.hash.slice(0, 12)}`,
		date: commit.date,
		time: commit.time,
		kind: "change",
		title: commit.subject,
		author: commit.author,
		sections,
		answers: [],
		flowchartIds: sections.flatMap((s) => (s.flowchartId ? [s.flowchartId] : [])),
		pageIds: sections.flatMap((s) => (s.pageId ? [s.pageId] : [])),
		commit: commit.hash,
	};
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
	const changes = history.commits.flatMap((c) => changeEntry(c, read, layout) ?? []);
	return { entries: mergeChangelog(reviews, changes), git: { available: true } };
}
