/**
 * Playbook pages in one language, computed once per content state: every page of the site lists them (sidebar,
 * home, onboarding), so recomputing them per page made a 1,000-guide build quadratic in pages.
 */

export interface PageEntryLike {
	id: string;
	data: { order?: number; title: string };
}

export interface ListedPage<E> {
	slug: string;
	entry: E;
	/** False when the page is shown in English because no translation exists. */
	translated: boolean;
	/** `"en"` when the page's text is English on a page in another language. */
	textLang: "en" | undefined;
}

export const byOrder = (a: { order?: number; title: string }, b: { order?: number; title: string }): number =>
	(a.order ?? 100) - (b.order ?? 100) || a.title.localeCompare(b.title);

/** English pages are `<slug>`, translations `<lang>/<slug>`; a missing translation falls back to English. */
export function pagesInLanguage<E extends PageEntryLike>(
	all: readonly E[],
	lang: string,
	defaultLang: string,
): ListedPage<E>[] {
	// One pass into a Map: looking each translation up with `find` was O(pages²) per call.
	const byId = new Map(all.map((entry) => [entry.id, entry]));
	return all
		.filter((page) => !page.id.includes("/"))
		.map((page) => {
			const local = lang === defaultLang ? undefined : byId.get(`${lang}/${page.id}`);
			const translated = lang === defaultLang || local !== undefined;
			return { slug: page.id, entry: local ?? page, translated, textLang: translated ? undefined : ("en" as const) };
		})
		.sort((a, b) => byOrder(a.entry.data, b.entry.data));
}

/** A key for "this content changed": each entry's id and digest (the whole entry when its loader gives no digest). */
export function contentKey(entries: readonly { id: string; digest?: unknown }[]): string {
	return entries.map((e) => `${e.id}\u0000${e.digest === undefined ? JSON.stringify(e) : String(e.digest)}`).join("\n");
}

export interface KeyedMemo<T> {
	/** The value for `slot`, computed anew only when `key` differs from the one it was computed for. */
	get(slot: string, key: string, compute: () => T): T;
	/** The value for `slot` whatever its key (a build, where content cannot change), if any. */
	peek(slot: string): T | undefined;
}

export function keyedMemo<T>(): KeyedMemo<T> {
	const slots = new Map<string, { key: string; value: T }>();
	return {
		get(slot, key, compute) {
			const hit = slots.get(slot);
			if (hit && hit.key === key) return hit.value;
			const value = compute();
			slots.set(slot, { key, value });
			return value;
		},
		peek: (slot) => slots.get(slot)?.value,
	};
}
