/**
 * Links inside the site under a base path. The pages use them through src/site/urls.ts (base from Astro); the
 * build's early diagram render (src/lib/site/) uses the same with the configured base, so both write the same hrefs
 * into a diagram's source and the pages find it in the cache.
 */
import { defaultLang, type Lang } from "../i18n/ui.ts";

const withSlash = (base: string) => (base.endsWith("/") ? base : `${base}/`);

/** `siteHref("/sales/", "en", "flowcharts/b2b/")` → `/sales/flowcharts/b2b/`; `id` gets `/sales/id/...`. */
export function siteHref(base: string, lang: Lang, path = ""): string {
	const clean = path.replace(/^\/+/, "");
	return lang === defaultLang ? `${withSlash(base)}${clean}` : `${withSlash(base)}${lang}/${clean}`;
}

/** A language-neutral asset or file URL (downloads, schemas). */
export function siteAssetHref(base: string, path: string): string {
	return `${withSlash(base)}${path.replace(/^\/+/, "")}`;
}

export const stepAnchor = (stepId: string) => `step-${stepId}`;

/** A step on its flowchart's page, from another page (metrics, as-lived diagram). */
export function flowchartStepHref(base: string, lang: Lang, flowchartId: string, stepId: string): string {
	return siteHref(base, lang, `flowcharts/${flowchartId}/#${stepAnchor(stepId)}`);
}
