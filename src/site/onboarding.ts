/** The onboarding path resolved for a language. */
import { getCollection } from "astro:content";
import { type Lang, t } from "../i18n/ui.ts";
import {
	localisedWithFallback,
	type OnboardingEntry,
	type OnboardingKind,
	resolveOnboarding,
} from "../lib/onboarding-path.ts";
import { mergeRoles } from "../lib/roles.ts";
import type { Onboarding } from "../lib/schema/onboarding.ts";
import { fillTemplate } from "../lib/template.ts";
import { getFlowcharts, getPages } from "./data.ts";
import { href } from "./urls.ts";

/** Kinds the site has pages for; add a kind here when its route lands (metrics, automations, changelog, reviews). */
const routes = new Set<OnboardingKind>([
	"page",
	"flowchart",
	"role",
	"roles",
	"faq",
	"metrics",
	"automations",
	"changelog",
	"reviews",
]);

export interface SiteOnboarding {
	title: string;
	intro?: string;
	/** `en` when the title or intro fell back to English. */
	titleLang?: string;
	introLang?: string;
	entries: OnboardingEntry[];
	/** Some text is shown in English because it has no translation. */
	fallback: boolean;
	file?: string;
}

export async function getOnboarding(lang: Lang): Promise<SiteOnboarding | undefined> {
	const entry = (await getCollection("onboarding"))[0];
	if (!entry) return undefined;
	const data = entry.data as Onboarding;
	const [flowcharts, pages] = await Promise.all([getFlowcharts(lang), getPages(lang)]);
	const sections: Partial<Record<OnboardingKind, string>> = {
		faq: t(lang, "faq.title"),
		roles: t(lang, "roles.title"),
		automations: t(lang, "nav.automations"),
		changelog: t(lang, "nav.changelog"),
		reviews: t(lang, "nav.reviews"),
	};
	const entries = resolveOnboarding(data, {
		lang,
		pages: new Map(pages.map((p) => [p.slug, p.entry.data.title])),
		flowcharts: new Map(flowcharts.map((f) => [f.id, f.data.title])),
		roles: new Map(mergeRoles(flowcharts).map((r) => [r.id, r.name])),
		sectionTitle: (kind, flowchart) =>
			kind === "metrics"
				? fillTemplate(t(lang, "onboarding.metrics"), { flowchart: flowchart ?? "" })
				: (sections[kind] ?? kind),
		routes,
	});
	const title = localisedWithFallback(data.title, lang);
	const intro = localisedWithFallback(data.intro, lang);
	return {
		title: title.text ?? t(lang, "nav.onboarding"),
		intro: intro.text,
		titleLang: title.fallback ? "en" : undefined,
		introLang: intro.fallback ? "en" : undefined,
		entries,
		fallback: title.fallback || intro.fallback || entries.some((e) => e.whyFallback),
		file: entry.filePath,
	};
}

export interface OnboardingNeighbours {
	prev?: { label: string; href: string };
	next?: { label: string; href: string };
	/** 1-based place of this page on the path, and the number of linked items. */
	position: number;
	total: number;
	/** The path item's reference (`page:overview`), the key of its "mark as read" state. */
	ref: string;
	/** Title of the item, for "mark as read" read out of context. */
	title: string;
}

/** Previous and next along the onboarding path, for a page that is on it (by its URL path). */
export async function onboardingNeighbours(lang: Lang, pathname: string): Promise<OnboardingNeighbours | undefined> {
	const onboarding = await getOnboarding(lang);
	if (!onboarding) return undefined;
	const linked = onboarding.entries
		.filter((e): e is OnboardingEntry & { path: string } => e.path !== undefined)
		.map((e) => ({ label: e.title, href: href(lang, e.path), ref: e.ref }));
	const index = linked.findIndex((e) => e.href === pathname);
	const here = linked[index];
	if (!here) return undefined;
	const link = (e: (typeof linked)[number] | undefined) => e && { label: e.label, href: e.href };
	return {
		prev: link(linked[index - 1]),
		next: link(linked[index + 1]),
		position: index + 1,
		total: linked.length,
		ref: here.ref,
		title: here.label,
	};
}
