/** The changelog as the site needs it: loaded once per build from the review logs and git history of `content/`. */

import { type Changelog, changelogAtom, loadChangelog } from "../lib/changelog/index.ts";
import { feedEntry } from "./changelog-text.ts";
import { flowbookConfig, project } from "./project.ts";

export { describeEntry } from "./changelog-text.ts";

import type { ReviewPage } from "../lib/review/index.ts";
import { getFlowcharts, getPages } from "./data.ts";

let cached: Promise<Changelog> | undefined;

async function load(): Promise<Changelog> {
	const flowcharts = (await getFlowcharts("en")).map((fc) => ({ id: fc.id, file: fc.file, data: fc.original }));
	const pages: ReviewPage[] = (await getPages("en")).map(({ slug, entry }) => ({
		id: slug,
		title: entry.data.title,
		file: entry.filePath ?? `content/pages/${slug}.mdx`,
		owner: entry.data.owner,
		review: entry.data.review,
	}));
	return loadChangelog(project.rootDir, { flowcharts, pages });
}

/** Git is read once per build (both languages and the feed share it); the dev server reads it on every request. */
export function getChangelog(): Promise<Changelog> {
	if (import.meta.env.DEV) return load();
	cached ??= load();
	return cached;
}

/** Absolute URL of the site root, with the base path: `https://intranet.example.com/sales/`. */
export function siteRoot(): string {
	return new URL(flowbookConfig.base, flowbookConfig.site).toString();
}

/** The feed is in English, the site's default language. */
export async function changelogFeed(title: string): Promise<string> {
	const { entries } = await getChangelog();
	return changelogAtom(entries.map(feedEntry), { siteUrl: siteRoot(), title });
}

/** A link to the commit in the team's repository, when one is configured. */
export function commitUrl(hash: string): string | undefined {
	const repo = flowbookConfig.repository.url;
	return repo ? `${repo}/commit/${hash}` : undefined;
}
