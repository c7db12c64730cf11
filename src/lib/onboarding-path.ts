/** The onboarding path resolved for one language: each item's title, link and reading time. */
import type { LocalisedText, Onboarding } from "./schema/onboarding.ts";

export type OnboardingKind =
	| "page"
	| "flowchart"
	| "role"
	| "metrics"
	| "faq"
	| "roles"
	| "automations"
	| "changelog"
	| "reviews";

export interface OnboardingLookup {
	lang: string;
	/** Titles by id, already in the reader's language. */
	pages: ReadonlyMap<string, string>;
	flowcharts: ReadonlyMap<string, string>;
	roles: ReadonlyMap<string, string>;
	/** Titles of the sections without an id (faq, roles, …) and the `metrics:` prefix. */
	sectionTitle: (kind: OnboardingKind, flowchartTitle?: string) => string;
	/** Kinds whose pages the site builds; the others are listed without a link. */
	routes: ReadonlySet<OnboardingKind>;
}

export interface OnboardingEntry {
	ref: string;
	kind: OnboardingKind;
	title: string;
	/** Path under the language root (`pages/overview/`); undefined when the site has no such page. */
	path?: string;
	minutes: number;
	why?: string;
	/** True when `why` is in the fallback language. */
	whyFallback: boolean;
}

export interface LocalisedResult {
	text?: string;
	fallback: boolean;
}

/** Like `localised()`, and says whether the text fell back to another language. */
export function localisedWithFallback(text: LocalisedText | undefined, lang: string, fallback = "en"): LocalisedResult {
	if (text === undefined) return { fallback: false };
	if (typeof text === "string") return { text, fallback: lang !== fallback };
	const own = text[lang];
	if (own !== undefined) return { text: own, fallback: false };
	return { text: text[fallback] ?? Object.values(text)[0], fallback: true };
}

export function parseRef(ref: string): { kind: OnboardingKind; id?: string } {
	const [kind, ...rest] = ref.split(":");
	const id = rest.length > 0 ? rest.join(":") : undefined;
	return { kind: kind as OnboardingKind, id };
}

const dirs: Record<OnboardingKind, string> = {
	page: "pages",
	flowchart: "flowcharts",
	role: "roles",
	metrics: "metrics",
	faq: "faq",
	roles: "roles",
	automations: "automations",
	changelog: "changelog",
	reviews: "reviews",
};

function pathOf(kind: OnboardingKind, id: string | undefined): string {
	return id === undefined ? `${dirs[kind]}/` : `${dirs[kind]}/${id}/`;
}

export function resolveOnboarding(onboarding: Onboarding, lookup: OnboardingLookup): OnboardingEntry[] {
	return onboarding.items.map((item) => {
		const { kind, id } = parseRef(item.ref);
		let title: string | undefined;
		if (kind === "page" && id) title = lookup.pages.get(id);
		else if (kind === "flowchart" && id) title = lookup.flowcharts.get(id);
		else if (kind === "role" && id) title = lookup.roles.get(id);
		else if (kind === "metrics") title = lookup.sectionTitle(kind, id ? (lookup.flowcharts.get(id) ?? id) : undefined);
		else title = lookup.sectionTitle(kind);
		// The validator reports unknown ids; here they only lose their link.
		const exists = title !== undefined;
		const why = localisedWithFallback(item.why, lookup.lang);
		return {
			ref: item.ref,
			kind,
			title: title ?? id ?? item.ref,
			path: exists && lookup.routes.has(kind) ? pathOf(kind, id) : undefined,
			minutes: item.minutes,
			why: why.text,
			whyFallback: why.fallback,
		};
	});
}

export function totalMinutes(entries: readonly { minutes: number }[]): number {
	return entries.reduce((sum, e) => sum + e.minutes, 0);
}

/** localStorage key for an item's "read" mark. */
export const readKey = (ref: string) => `flowbook-read:${ref}`;
