/**
 * The sidebar's link lists as one HTML string. Every page of a language shows the same lists (every flowchart and
 * guide) and differs only in which link is the page itself, so the lists are written once per language and each
 * page marks its own link. Written through the template, they cost every page one component render per link: the
 * sidebar grows with the guides, so a build did quadratic work in the number of guides.
 *
 * Escaping is Astro's, so the HTML is byte-identical to what the template wrote: text escapes `& < > ' "`,
 * attribute values `&` and `"`.
 */

const TEXT_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;" };

export function escapeText(text: string): string {
	return text.replace(/[&<>'"]/g, (c) => TEXT_ENTITIES[c] ?? c);
}

export function escapeAttribute(value: string): string {
	return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** ` name="value"` as a template writes it (an empty value as the bare name). */
export function attribute(name: string, value: string): string {
	return value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
}

export interface NavLink {
	href: string;
	text: string;
	/** Language of the text when it differs from the page's (an untranslated title). */
	lang?: string | undefined;
}

export interface NavGroup {
	heading?: string;
	links: NavLink[];
}

/** Each group as an optional `<h2>` and a `<ul>` of links; no link is marked current yet. */
export function navHtml(groups: readonly NavGroup[]): string {
	let html = "";
	for (const group of groups) {
		if (group.heading !== undefined) html += `<h2>${escapeText(group.heading)}</h2>`;
		html += "<ul>";
		for (const link of group.links) {
			const lang = link.lang === undefined ? "" : attribute("lang", link.lang);
			html += `<li><a${attribute("href", link.href)}${lang}>${escapeText(link.text)}</a></li>`;
		}
		html += "</ul>";
	}
	return html;
}

/** `html` from `navHtml` with the first link to `current` marked as the page the reader is on. */
export function markCurrent(html: string, current: string): string {
	if (current === "") return html;
	const start = `<a${attribute("href", current)}`;
	const at = html.indexOf(start);
	if (at < 0) return html;
	const end = at + start.length;
	return `${html.slice(0, end)} aria-current="page"${html.slice(end)}`;
}
