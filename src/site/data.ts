/** Content as pages need it: flowcharts in a language, playbook pages, translations. */
import { type CollectionEntry, getCollection } from "astro:content";
import { defaultLang, type Lang, langs } from "../i18n/ui.ts";
import { byOrder, contentKey, type KeyedMemo, keyedMemo, pagesInLanguage } from "../lib/content/page-list.ts";
import type { FlowchartLabels } from "../lib/i18n/flowchart-labels.ts";
import type { Flowchart } from "../lib/schema/flowchart.ts";
import { type SiteFlowchart, siteFlowchart } from "../lib/site/flowcharts.ts";
import { langParam } from "./urls.ts";

export type { SiteFlowchart } from "../lib/site/flowcharts.ts";

/**
 * Every page of the site asks for these lists (sidebar, search, home), so each is computed once per language: in a
 * build once for good; in dev again whenever the content's digests change, so the preview shows edits.
 */
const flowchartLists = keyedMemo<Promise<SiteFlowchart[]>>();
const pageLists = keyedMemo<Promise<SitePage[]>>();

/** `compute()` once per slot in a build; in dev again whenever the digests of the entries it reads change. */
export async function memoised<T>(
	memo: KeyedMemo<Promise<T>>,
	slot: string,
	entries: () => Promise<readonly { id: string; digest?: unknown }[][]>,
	compute: () => Promise<T>,
): Promise<T> {
	const built = import.meta.env.DEV ? undefined : memo.peek(slot);
	if (built) return built;
	const key = (await entries()).map(contentKey).join("\n\u0000");
	return memo.get(slot, key, compute);
}

export function getFlowcharts(lang: Lang): Promise<SiteFlowchart[]> {
	return memoised(
		flowchartLists,
		lang,
		async () => [await getCollection("flowcharts"), lang === defaultLang ? [] : await getCollection("i18n")],
		() => computeFlowcharts(lang),
	);
}

async function computeFlowcharts(lang: Lang): Promise<SiteFlowchart[]> {
	const entries = await getCollection("flowcharts");
	const labels = new Map(
		(lang === defaultLang ? [] : await getCollection("i18n")).map((entry) => [entry.id, entry] as const),
	);
	return entries
		.map((entry) => {
			const { file, problems, ...data } = entry.data;
			const set = labels.get(`${lang}/flowcharts/${entry.id}`)?.data as FlowchartLabels | undefined;
			return siteFlowchart(
				{ id: entry.id, file, data: data as Flowchart, ...(problems ? { problems } : {}) },
				lang,
				set,
			);
		})
		.sort((a, b) => byOrder(a.data, b.data));
}

/** `"en"` when the flowchart text at `path` (e.g. `title`, `steps.demo.label`) fell back to English. */
export function fallbackLang(fc: SiteFlowchart, path: string): "en" | undefined {
	return fc.missing.includes(path) ? "en" : undefined;
}

export type PageEntry = CollectionEntry<"pages">;

export interface SitePage {
	slug: string;
	entry: PageEntry;
	/** False when the page is shown in English because no translation exists. */
	translated: boolean;
	/** `"en"` when the page's text is English on a page in another language; mark its title and body with it. */
	textLang: "en" | undefined;
}

/** Playbook pages in a language: `content/pages/<slug>.mdx`, translated at `content/pages/<lang>/<slug>.mdx`. */
export function getPages(lang: Lang): Promise<SitePage[]> {
	return memoised(
		pageLists,
		lang,
		async () => [await getCollection("pages")],
		async () => pagesInLanguage(await getCollection("pages"), lang, defaultLang),
	);
}

/** `getStaticPaths` of a page per flowchart per language, with the flowchart as a prop. */
export async function flowchartPaths(): Promise<
	{ params: { lang: string | undefined; id: string }; props: { lang: Lang; fc: SiteFlowchart; all: SiteFlowchart[] } }[]
> {
	const paths = [];
	for (const lang of langs) {
		const all = await getFlowcharts(lang);
		for (const fc of all) paths.push({ params: { lang: langParam(lang), id: fc.id }, props: { lang, fc, all } });
	}
	return paths;
}
