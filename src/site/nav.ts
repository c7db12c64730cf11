/** Site sections beyond flowcharts and guides, in sidebar order, and the sidebar's HTML. */
import { type Lang, t, type UiKey } from "../i18n/ui.ts";
import { inputsMemo } from "../lib/memo.ts";
import { type NavGroup, navHtml } from "../lib/site/nav-html.ts";
import { fallbackLang, getFlowcharts, getPages, type SiteFlowchart, type SitePage } from "./data.ts";
import { href } from "./urls.ts";

export interface NavSection {
	key: UiKey;
	/** Path under the language root, with trailing slash. */
	path: string;
}

export const extraSections: NavSection[] = [
	// A new rep starts here.
	{ key: "nav.onboarding", path: "onboarding/" },
	{ key: "nav.roles", path: "roles/" },
	{ key: "nav.faq", path: "faq/" },
	{ key: "nav.metrics", path: "metrics/" },
	{ key: "nav.automations", path: "automations/" },
	{ key: "nav.reviews", path: "reviews/" },
	{ key: "nav.changelog", path: "changelog/" },
];

/**
 * The sidebar's lists for `lang` as HTML, with no link marked current (the page marks its own with `markCurrent`).
 * Built once per language and content state: the flowchart and page lists are the same arrays until content changes.
 */
export async function sidebarHtml(lang: Lang): Promise<string> {
	const [flowcharts, pages] = await Promise.all([getFlowcharts(lang), getPages(lang)]);
	return sidebars(lang, [flowcharts, pages], () => navHtml(sidebarGroups(lang, flowcharts, pages)));
}
const sidebars = inputsMemo<Lang, string>();

function sidebarGroups(lang: Lang, flowcharts: SiteFlowchart[], pages: SitePage[]): NavGroup[] {
	const groups: NavGroup[] = [
		{ links: [{ href: href(lang), text: t(lang, "nav.home") }] },
		{
			heading: t(lang, "nav.flowcharts"),
			links: flowcharts.map((fc) => ({
				href: href(lang, `flowcharts/${fc.id}/`),
				text: fc.data.title,
				lang: fallbackLang(fc, "title"),
			})),
		},
		{
			heading: t(lang, "nav.pages"),
			links: pages.map((p) => ({ href: href(lang, `pages/${p.slug}/`), text: p.entry.data.title, lang: p.textLang })),
		},
	];
	if (extraSections.length > 0)
		groups.push({
			heading: t(lang, "nav.more"),
			links: extraSections.map((s) => ({ href: href(lang, s.path), text: t(lang, s.key) })),
		});
	return groups;
}
