/** The changelog as an Atom feed, so the team can follow process changes in a feed reader. */
import { Feed } from "feed";

/** A changelog entry already put into words in the feed's language. */
export interface FeedEntry {
	id: string;
	date: string;
	time?: string;
	title: string;
	author: string;
	summary: string;
	items: string[];
}

export interface AtomOptions {
	/** Public origin plus base, e.g. `https://intranet.example.com/sales/`. */
	siteUrl: string;
	/** Feed title, e.g. "Sales Playbook: changes and reviews". */
	title: string;
	/** Path of the changelog page under the site URL; default `changelog/`. */
	changelogPath?: string;
	/** Path of the feed itself under the site URL; default `changelog.xml`. */
	feedPath?: string;
	/** Newest entries kept; default 50. */
	limit?: number;
}

function join(base: string, path: string): string {
	return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/**
 * The feed library marks titles and summaries `type="html"` and only wraps them in CDATA, so
 * a reader would run any markup in them: plain text is escaped here, once.
 */
function html(text: string): string {
	return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function day(date: string, time?: string): Date {
	return time ? new Date(time) : new Date(`${date}T00:00:00Z`);
}

/** Atom XML. `updated` is the newest entry's date, so the same changelog always gives the same feed. */
export function changelogAtom(entries: readonly FeedEntry[], options: AtomOptions): string {
	const page = join(options.siteUrl, options.changelogPath ?? "changelog/");
	const self = join(options.siteUrl, options.feedPath ?? "changelog.xml");
	const newest = entries[0];
	const feed = new Feed({
		id: page,
		title: options.title,
		link: page,
		updated: newest ? day(newest.date, newest.time) : new Date(0),
		feedLinks: { atom: self },
		generator: "Flowbook",
		copyright: "",
	});
	for (const e of entries.slice(0, options.limit ?? 50)) {
		const list = e.items.length > 0 ? `<ul>${e.items.map((i) => `<li>${html(i)}</li>`).join("")}</ul>` : "";
		feed.addItem({
			id: `${page}#${e.id}`,
			link: `${page}#${e.id}`,
			title: html(e.title),
			date: day(e.date, e.time),
			description: `<p>${html(e.summary)}</p>${list}`,
			author: e.author ? [{ name: e.author }] : undefined,
		});
	}
	return feed.atom1();
}
