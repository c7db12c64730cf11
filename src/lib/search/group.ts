/**
 * Search results grouped by the page they live on: a flowchart's steps under the flowchart, FAQ questions
 * under the FAQ, a guide's matching sections under the guide. Groups keep the order of their best result,
 * so the first option is always the first result.
 */
import { words } from "./query.ts";

/** The fields of Pagefind's result data that the dialog shows. */
export interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results?: { title: string; url: string; excerpt: string }[];
}

export interface Option {
	url: string;
	title: string;
	/** HTML from Pagefind: the indexed text, escaped, with `<mark>` around matches. */
	excerpt: string;
	kind: string;
	/** A section under its page's own option. */
	sub: boolean;
}

export interface Group {
	/** The page's URL without anchor. */
	key: string;
	title: string;
	options: Option[];
}

/** Sections shown under a page: enough to see where it matches, few enough to keep other pages in view. */
export const MAX_SECTIONS = 3;

const pageOf = (url: string) => url.split("#")[0] ?? url;

export function groupResults(results: readonly ResultData[]): Group[] {
	const groups = new Map<string, Group>();
	for (const result of results) {
		const key = pageOf(result.url);
		const kind = result.meta.kind ?? "";
		const title = result.meta.title ?? result.url;
		let group = groups.get(key);
		if (!group) {
			// Records (steps, questions) name their page in `meta.page`; a page result is its own heading.
			group = { key, title: result.meta.page ?? title, options: [] };
			groups.set(key, group);
		} else if (!result.meta.page) group.title = title;
		const own = { url: result.url, title, excerpt: result.excerpt, kind, sub: false };
		const sections = (result.sub_results ?? [])
			.filter((s) => s.url.includes("#") && s.url !== result.url)
			.slice(0, MAX_SECTIONS)
			.map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt, kind, sub: true }));
		group.options.push(own, ...sections);
	}
	return [...groups.values()];
}

/**
 * Results whose title is exactly the query (a step's or question's name, a guide's title) move to the front,
 * in their order: Pagefind's ranking cannot see that "Kualifikasi" is the step called that and "Lolos
 * kualifikasi (BANT)?" only mentions it, as both titles contain the word once.
 */
export function exactTitlesFirst<R extends ResultData>(results: readonly R[], query: string): R[] {
	const wanted = words(query).join(" ");
	const exact = (r: R) => words(r.meta.title ?? "").join(" ") === wanted;
	return [...results.filter(exact), ...results.filter((r) => !exact(r))];
}
