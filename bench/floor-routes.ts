/**
 * Routes of the floor build (bench/floor.ts), written independently of Flowbook's `pagesInLanguage` so a unit test can
 * check that both builds write the same guide pages. This file is copied into the floor project and used by its page
 * route, so it stays free of imports.
 */

export interface FloorEntry {
	/** `<slug>` for an English page, `<lang>/<slug>` for a translation (Astro's glob loader ids). */
	id: string;
	data: { title: string; order?: number | undefined };
}

export interface FloorRoute<E extends FloorEntry> {
	lang: string;
	slug: string;
	/** The translation when it exists, else the English page (fallback). */
	entry: E;
	/** `pages/<slug>/` or `<lang>/pages/<slug>/`, as under dist/. */
	path: string;
}

/** Every English page once per language, sorted as a docs sidebar would list them (order, then title). */
export function floorRoutes<E extends FloorEntry>(
	entries: readonly E[],
	langs: readonly string[] = ["en", "id"],
	defaultLang = "en",
): FloorRoute<E>[] {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const english = entries.filter((e) => !e.id.includes("/"));
	return langs.flatMap((lang) =>
		english
			.map((page) => {
				const entry = lang === defaultLang ? page : (byId.get(`${lang}/${page.id}`) ?? page);
				const prefix = lang === defaultLang ? "" : `${lang}/`;
				return { lang, slug: page.id, entry, path: `${prefix}pages/${page.id}/` };
			})
			.sort(
				(a, b) =>
					(a.entry.data.order ?? 100) - (b.entry.data.order ?? 100) ||
					a.entry.data.title.localeCompare(b.entry.data.title),
			),
	);
}
