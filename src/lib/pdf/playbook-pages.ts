/**
 * Which pages of the built site make the playbook PDF, in sidebar order. The sidebar of the language's home
 * page is the source of truth, so the PDF follows the site's navigation without a second list. Pure.
 */

/** `playbook.en.pdf`, in the site's root folder: the file the home and onboarding pages link to. */
export function playbookPdfName(lang: string): string {
	return `playbook.${lang}.pdf`;
}

/** A page of the PDF: its address on the served site and the sidebar group it sits in. */
export interface PlaybookPage {
	/** Path with the base, e.g. `/sales/id/flowcharts/b2b/`. */
	path: string;
	/** The sidebar heading above it ("Flowcharts", "Guides", …); empty for Home. */
	group: string;
	title: string;
}

/** Dashboards and history, not playbook: numbers change weekly and would date the PDF. */
export const LEFT_OUT_SECTIONS = ["metrics/", "reviews/", "changelog/"] as const;

/** Sidebar links as read from the page: `group` is the nearest heading before the link. */
export interface SidebarLink {
	href: string;
	group: string;
	title: string;
}

/**
 * The sidebar's links under `langRoot` (e.g. `/sales/` or `/sales/id/`), each once, minus the left-out
 * sections. Links to the other language's tree are not the sidebar's, but are dropped all the same.
 */
export function playbookPages(links: readonly SidebarLink[], langRoot: string, otherRoots: readonly string[] = []) {
	const seen = new Set<string>();
	const pages: PlaybookPage[] = [];
	for (const link of links) {
		const path = link.href.split("#")[0] ?? "";
		if (!path.startsWith(langRoot) || seen.has(path)) continue;
		if (otherRoots.some((root) => root !== langRoot && root.startsWith(langRoot) && path.startsWith(root))) continue;
		const rest = path.slice(langRoot.length);
		if (LEFT_OUT_SECTIONS.some((section) => rest.startsWith(section))) continue;
		seen.add(path);
		pages.push({ path, group: link.group, title: link.title });
	}
	return pages;
}
