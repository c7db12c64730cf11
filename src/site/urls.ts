/** Links inside the site: base path and language prefix applied in one place. */
import { defaultLang, type Lang, langs } from "../i18n/ui.ts";
import { flowchartStepHref, siteAssetHref, siteHref } from "../lib/links.ts";

/** The site's base path, always with a trailing slash. */
export const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `href("en", "flowcharts/b2b/")` → `/sales/flowcharts/b2b/`; `id` gets `/sales/id/...`. */
export const href = (lang: Lang, path = ""): string => siteHref(base, lang, path);

/** A language-neutral asset or file URL (downloads, schemas). */
export const assetHref = (path: string): string => siteAssetHref(base, path);

/** A step on its flowchart's page, linked from another page. */
export const stepHref = (lang: Lang, flowchartId: string, stepId: string): string =>
	flowchartStepHref(base, lang, flowchartId, stepId);

/** The same page in another language: strips and re-adds the language prefix. */
export function switchLang(pathname: string, to: Lang, from: Lang): string {
	let rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, "");
	if (from !== defaultLang && rest.startsWith(`${from}/`)) rest = rest.slice(from.length + 1);
	else if (from !== defaultLang && rest === from) rest = "";
	return href(to, rest);
}

/** Route params for a page that exists in every language: `[...lang]` is undefined for English. */
export function langParam(lang: Lang): string | undefined {
	return lang === defaultLang ? undefined : lang;
}

export { stepAnchor } from "../lib/links.ts";

/** `getStaticPaths` of a page that exists once per language. */
export function languagePaths(): { params: { lang: string | undefined }; props: { lang: Lang } }[] {
	return langs.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
