/** A changelog entry in the words of one language: framework-free, so unit tests and the feed share it. */
import { type ChangeMessage, formatChange } from "../i18n/changes.ts";
import { type Lang, t } from "../i18n/ui.ts";
import type { ChangelogEntry, FeedEntry } from "../lib/changelog/index.ts";

/** Current titles in one language, by id; a changelog entry shows these over the title at the time. */
export interface Titles {
	flowcharts: ReadonlyMap<string, string>;
	pages: ReadonlyMap<string, string>;
}

export interface DescribedEntry {
	/** What changed (the flowcharts' and guides' titles), or "Review: <title>". */
	title: string;
	/** A review's summary; empty for a change. */
	summary: string;
	/** A change's commit message, as its author wrote it. */
	subject?: string;
	/** One group per flowchart or guide; `heading` only when an entry has several. */
	groups: { heading?: string; items: string[]; guides?: true }[];
}

function sectionTitle(section: ChangelogEntry["sections"][number], titles?: Titles): string {
	const current = section.flowchartId
		? titles?.flowcharts.get(section.flowchartId)
		: section.pageId
			? titles?.pages.get(section.pageId)
			: undefined;
	return current ?? section.title;
}

/** An entry in the words of `lang`: its title, one-line summary and what changed (or the review's answers). */
export function describeEntry(lang: Lang, entry: ChangelogEntry, titles?: Titles): DescribedEntry {
	if (entry.kind === "review") {
		const subject = entry.flowchartIds[0] ?? entry.pageIds[0];
		const current = subject && (titles?.flowcharts.get(subject) ?? titles?.pages.get(subject));
		return {
			title: t(lang, "changelog.reviewTitle").replace("{title}", current || entry.title),
			summary: entry.summary ?? "",
			groups:
				entry.answers.length === 0
					? []
					: [{ items: entry.answers.map((a) => `${t(lang, `changelog.answer.${a.key}`)}: ${a.text}`) }],
		};
	}
	const names = entry.sections.map((s) => sectionTitle(s, titles));
	const items = (i: number) =>
		(entry.sections[i]?.changes ?? []).map((m) => formatChange(lang, forReaders(m, names[i] ?? "")));
	const flowcharts = entry.sections.flatMap((s, i) => (s.flowchartId === undefined ? [] : [i]));
	const guides = entry.sections.flatMap((s, i) => (s.pageId === undefined ? [] : [i]));
	// Each flowchart under its title when there are several things; guides together (each change names its guide).
	const headed = entry.sections.length > 1;
	const groups: DescribedEntry["groups"] = flowcharts.map((i) => ({
		heading: headed ? names[i] : undefined,
		items: items(i),
	}));
	if (guides.length > 0) {
		const heading = flowcharts.length > 0 ? t(lang, "nav.pages") : undefined;
		groups.push({ heading, items: guides.flatMap(items), guides: true });
	}
	return {
		title: new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(names),
		summary: "",
		subject: entry.title,
		groups,
	};
}

/** Inline Markdown as the text a reader sees: `**Need**` → Need, `[Nurture](#step-nurture)` → Nurture. */
export function plainInline(text: string): string {
	return text
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
		.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
		.replace(/(^|[^\w*])([*_])(?=\S)([\s\S]*?\S)\2(?![\w*])/g, "$1$3")
		.replace(/`([^`]*)`/g, "$1");
}

/** A message as readers should see it: titles as on the site today (in its language), Markdown in texts as plain text. */
function forReaders(m: ChangeMessage, currentTitle: string): ChangeMessage {
	if (m.key === "guide-added" || m.key === "guide-changed" || m.key === "guide-removed") {
		return { ...m, title: currentTitle };
	}
	if (m.key === "flowchart-added" || m.key === "flowchart-removed") return { ...m, title: currentTitle };
	if (m.key === "text-added") return { ...m, to: plainInline(m.to) };
	if (m.key === "text-changed") {
		return { ...m, to: plainInline(m.to), from: m.from === undefined ? undefined : plainInline(m.from) };
	}
	return m;
}

/** An entry for the Atom feed, which is in English (the site's default language). */
export function feedEntry(e: ChangelogEntry): FeedEntry {
	const d = describeEntry("en", e);
	const title = e.kind === "change" ? t("en", "changelog.changeTitle").replace("{title}", d.title) : d.title;
	const items = d.groups.flatMap((g) => g.items.map((i) => (g.heading && !g.guides ? `${g.heading}: ${i}` : i)));
	return { id: e.id, date: e.date, time: e.time, title, author: e.author, summary: d.subject ?? d.summary, items };
}
