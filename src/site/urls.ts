/** Links inside the site: base path and language prefix applied in one place. */
import { defaultLang, type Lang, langs } from "../i18n/ui.ts";

const base = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `href("en", "flowcharts/b2b/")` → `/sales/flowcharts/b2b/`; `id` gets `/sales/id/...`. */
export function href(lang: Lang, path = ""): string {
	const clean = path.replace(/^\/+/, "");
	return lang === defaultLang ? `${base}${clean}` : `${base}${lang}/${clean}`;
}

/** A language-neutral asset or file URL (downloads, schemas). */
export function assetHref(path: string): string {
	return `${base}${path.replace(/^\/+/, "")}`;
}

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

export const stepAnchor = (stepId: string) => `step-${stepId}`;

/** `getStaticPaths` of a page that exists once per language. */
export function languagePaths(): { params: { lang: string | undefined }; props: { lang: Lang } }[] {
	return langs.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}
