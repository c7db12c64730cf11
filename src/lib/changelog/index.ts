/**
 * The changelog for the site, in one call:
 *
 *   const { entries, git } = loadChangelog(root, { flowcharts, pages });
 *   // git.available === false → show `git.reason` ("the repository is a shallow clone, ...")
 *   const xml = changelogAtom(entries, { siteUrl: config.site + config.base, title: "Playbook changes" });
 */

import { gitContentHistory } from "../git/history.ts";
import { flowchartSubject, pageSubject, type ReviewPage } from "../review/subject.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { buildChangelog, type Changelog, type ContentLayout } from "./changelog.ts";

export type { GitCommit, GitHistory } from "../git/history.ts";
export { gitContentHistory } from "../git/history.ts";
export type { AtomOptions, FeedEntry } from "./atom.ts";
export { changelogAtom } from "./atom.ts";
export type { Changelog, ChangelogEntry, ChangelogSection, ContentLayout } from "./changelog.ts";
export { buildChangelog, mergeChangelog } from "./changelog.ts";

export function loadChangelog(
	rootDir: string,
	input: { flowcharts: readonly LoadedFlowchart[]; pages?: readonly ReviewPage[] },
	options: ContentLayout & { paths?: string[]; maxCount?: number } = {},
): Changelog {
	const subjects = [...input.flowcharts.map(flowchartSubject), ...(input.pages ?? []).map(pageSubject)];
	const history = gitContentHistory(rootDir, options.paths ?? ["content"], { maxCount: options.maxCount ?? 500 });
	return buildChangelog(rootDir, subjects, history, options);
}
