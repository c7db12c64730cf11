import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { changelogAtom } from "../../../src/lib/changelog/atom.ts";
import {
	type ChangelogEntry,
	changeEntry,
	mergeChangelog,
	reviewEntries,
} from "../../../src/lib/changelog/changelog.ts";
import { unquoteGitPath } from "../../../src/lib/git/git.ts";
import type { GitCommit } from "../../../src/lib/git/history.ts";
import { parseLog } from "../../../src/lib/git/history.ts";
import { describeEntry, feedEntry, plainInline } from "../../../src/site/changelog-text.ts";

const fixtures = join(import.meta.dirname, "../../fixtures/diff");
const versions: Record<string, string> = {
	"c1:content/flowcharts/routing.yaml": readFileSync(join(fixtures, "routing/before.yaml"), "utf8"),
	"c2:content/flowcharts/routing.yaml": readFileSync(join(fixtures, "routing/after.yaml"), "utf8"),
	"c2:content/flowcharts/broken.yaml": "title: [unclosed",
	"c2:content/pages/tips.mdx": "---\ntitle: Tips & tricks\n---\nCall back within a day.\n",
	"c1:content/pages/tips.mdx": "---\ntitle: Tips & tricks\n---\nCall back\n   within a day.\n",
	"c2:content/pages/id/tips.mdx": "---\ntitle: Kiat\n---\nTelepon kembali.\n",
};
/** c3 and later hold what c2 holds, so any commit after c2 can be read. */
const read = (ref: string, path: string) => versions[`${ref.replace(/^c[3-9]$/, "c2")}:${path}`];

function commit(hash: string, time: string, files: GitCommit["files"], parents = ["c1"]): GitCommit {
	return { hash, parents, date: time.slice(0, 10), time, author: "Dewi", subject: `Commit ${hash}`, files };
}

describe("changeEntry", () => {
	test("describes a flowchart's changes and a new guide in words, in English and Indonesian", () => {
		const entry = changeEntry(
			commit("c2", "2026-05-04T09:00:00+07:00", [
				{ path: "content/flowcharts/routing.yaml", status: "modified" },
				{ path: "content/pages/tips.mdx", status: "added" },
				{ path: "content/pages/id/tips.mdx", status: "added" },
			]),
			read,
		);
		if (entry === undefined) throw new Error("expected an entry");
		expect([entry.flowchartIds, entry.pageIds, entry.author]).toEqual([["routing"], ["tips"], "Dewi"]);
		expect(describeEntry("en", entry)).toMatchInlineSnapshot(`
			{
			  "groups": [
			    {
			      "heading": "Routing",
			      "items": [
			        "Discovery: now leads to Presentation instead of Qualified (BANT)?",
			        "Qualified (BANT)?: condition of the branch to Presentation changed from "Yes" to "Budget confirmed"",
			        "Qualified (BANT)?: the "No" branch now leads to Disqualified instead of Nurture",
			        "Qualified (BANT)?: now also leads to Done when "Existing customer"",
			        "Qualified (BANT)?: no longer leads to Lost ("Spam")",
			        "Presentation: condition "Proposal accepted" added to the branch to Done",
			        "Nurture: condition "Re-engaged" added to the branch to Discovery",
			      ],
			    },
			    {
			      "guides": true,
			      "heading": "Guides",
			      "items": [
			        "Guide added: "Tips & tricks"",
			      ],
			    },
			  ],
			  "subject": "Commit c2",
			  "summary": "",
			  "title": "Routing and Tips & tricks",
			}
		`);
		expect(
			describeEntry("id", entry, { flowcharts: new Map([["routing", "Perutean"]]), pages: new Map() }),
		).toMatchInlineSnapshot(`
			{
			  "groups": [
			    {
			      "heading": "Perutean",
			      "items": [
			        "Discovery: kini menuju Presentation, bukan Qualified (BANT)?",
			        "Qualified (BANT)?: syarat cabang menuju Presentation diubah dari "Yes" menjadi "Budget confirmed"",
			        "Qualified (BANT)?: cabang "No" kini menuju Disqualified, bukan Nurture",
			        "Qualified (BANT)?: kini juga menuju Done jika "Existing customer"",
			        "Qualified (BANT)?: tidak lagi menuju Lost ("Spam")",
			        "Presentation: syarat "Proposal accepted" ditambahkan ke cabang menuju Done",
			        "Nurture: syarat "Re-engaged" ditambahkan ke cabang menuju Discovery",
			      ],
			    },
			    {
			      "guides": true,
			      "heading": "Panduan",
			      "items": [
			        "Panduan ditambahkan: "Tips & tricks"",
			      ],
			    },
			  ],
			  "subject": "Commit c2",
			  "summary": "",
			  "title": "Perutean dan Tips & tricks",
			}
		`);
	});

	test("a new flowchart and an unreadable version; metrics exports are left out", () => {
		const entry = changeEntry(
			commit(
				"c2",
				"2026-05-04T09:00:00Z",
				[
					{ path: "content/flowcharts/routing.yaml", status: "added" },
					{ path: "content/flowcharts/broken.yaml", status: "added" },
					{ path: "content/metrics/b2b/q3.csv", status: "deleted" },
				],
				[],
			),
			read,
		);
		if (entry === undefined) throw new Error("expected an entry");
		expect(describeEntry("en", entry)).toMatchInlineSnapshot(`
			{
			  "groups": [
			    {
			      "heading": "Routing",
			      "items": [
			        "Flowchart added: "Routing" (8 steps)",
			      ],
			    },
			    {
			      "heading": "broken",
			      "items": [
			        "content/flowcharts/broken.yaml was edited; one version is not a valid flowchart, so the changes are not described.",
			      ],
			    },
			  ],
			  "subject": "Commit c2",
			  "summary": "",
			  "title": "Routing and broken",
			}
		`);
		const titles = { flowcharts: new Map([["routing", "Perutean"]]), pages: new Map() };
		expect(describeEntry("id", entry, titles).groups.flatMap((g) => g.items)).toMatchInlineSnapshot(`
			[
			  "Diagram alir ditambahkan: "Perutean" (8 langkah)",
			  "content/flowcharts/broken.yaml diubah; salah satu versinya bukan diagram alir yang valid, jadi perubahannya tidak diuraikan.",
			]
		`);
		expect(entry.flowchartIds).toEqual(["routing", "broken"]);
	});

	test("a translation's change says which version; guide titles are today's, in the page's language", () => {
		const entry = changeEntry(
			commit("c2", "2026-05-04T09:00:00Z", [{ path: "content/pages/id/tips.mdx", status: "added" }], []),
			read,
		);
		if (entry === undefined) throw new Error("expected an entry");
		const titles = { flowcharts: new Map(), pages: new Map([["tips", "Kiat dan trik"]]) };
		expect(describeEntry("en", entry).groups[0]?.items).toEqual(['Guide added: "Kiat" (Indonesian version)']);
		expect(describeEntry("id", entry, titles).groups[0]?.items).toEqual([
			'Panduan ditambahkan: "Kiat dan trik" (versi bahasa Indonesia)',
		]);
	});

	test("inline Markdown in a changed text reads as plain text", () => {
		expect(plainInline("**Need** and _Authority_; see [Nurture](#step-nurture), `CRM` and snake_case_id")).toBe(
			"Need and Authority; see Nurture, CRM and snake_case_id",
		);
	});

	test("commits that change nothing a sales team reads are left out", () => {
		const tooling = commit("c2", "2026-05-04T09:00:00Z", [
			{ path: "content/README.md", status: "modified" },
			{ path: "content/metrics/b2b/q3.csv", status: "added" },
			{ path: "content/i18n/id/flowcharts/routing.yaml", status: "modified" },
		]);
		expect(changeEntry(tooling, read)).toBeUndefined();
		const reformatted = commit("c2", "2026-05-04T09:00:00Z", [{ path: "content/pages/tips.mdx", status: "modified" }]);
		expect(changeEntry(reformatted, read)).toBeUndefined();
		const comment = (ref: string, path: string) =>
			ref === "c2" ? `${read("c1", path)}\n# a comment\n` : read(ref, path);
		const onlyComment = commit("c2", "2026-05-04T09:00:00Z", [
			{ path: "content/flowcharts/routing.yaml", status: "modified" },
		]);
		expect(changeEntry(onlyComment, comment)).toBeUndefined();
	});
});

describe("mergeChangelog", () => {
	test("newest first; commits by time within a day, then reviews; stable for equal entries", () => {
		const reviews = reviewEntries([
			{
				kind: "flowchart",
				id: "b2b",
				title: "B2B",
				file: "content/flowcharts/b2b.yaml",
				review: {
					log: [
						{
							date: "2026-05-04",
							by: "Ops",
							summary: "Second",
							answers: { goals: "Aligned.", feedback: "More demos." },
						},
						{ date: new Date(Date.UTC(2025, 10, 3)), by: "Ops", summary: "First" },
						{ date: "not a date", by: "Ops", summary: "Ignored" },
					],
				},
			},
			{
				kind: "page",
				id: "tips",
				title: "Tips",
				file: "content/pages/tips.mdx",
				review: { log: [{ date: "2026-01-10", by: "Ops", summary: "Page review" }] },
			},
		]);
		const file = [{ path: "content/flowcharts/routing.yaml", status: "modified" as const }];
		const changes = [
			changeEntry(commit("c3", "2026-05-04T23:30:00-05:00", file, []), read),
			changeEntry(commit("c4", "2026-05-04T10:00:00+02:00", file, []), read),
			changeEntry(commit("c5", "2026-05-05T01:00:00+02:00", file, []), read),
		].flatMap((e) => e ?? []);
		const merged = mergeChangelog(reviews, changes);
		expect(
			merged.map((e) => {
				const d = describeEntry("en", e);
				return `${e.date} ${e.kind} ${d.subject ?? d.title}`;
			}),
		).toMatchInlineSnapshot(`
			[
			  "2026-05-05 change Commit c5",
			  "2026-05-04 change Commit c3",
			  "2026-05-04 change Commit c4",
			  "2026-05-04 review Review: B2B",
			  "2026-01-10 review Review: Tips",
			  "2025-11-03 review Review: B2B",
			]
		`);
		expect(mergeChangelog(changes, reviews)).toEqual(merged);
		const second = merged.find((e) => e.summary === "Second");
		if (second === undefined) throw new Error("expected the review");
		expect(describeEntry("en", second).groups[0]?.items).toEqual([
			"Goals and strategy: Aligned.",
			"Team feedback: More demos.",
		]);
		expect(describeEntry("id", second)).toMatchInlineSnapshot(`
			{
			  "groups": [
			    {
			      "items": [
			        "Tujuan dan strategi: Aligned.",
			        "Masukan tim: More demos.",
			      ],
			    },
			  ],
			  "summary": "Second",
			  "title": "Tinjauan: B2B",
			}
		`);
		expect(merged.find((e) => e.kind === "review" && e.pageIds.length > 0)?.id).toBe("review-page-tips-2026-01-10");
	});
});

describe("parseLog", () => {
	test("reads commits, statuses and quoted paths, dropping commits without files", () => {
		const out = [
			"\x1eaaa\x1fppp\x1f2026-05-04T10:00:00+02:00\x1fDewi Lestari\x1fAdd nurture: step",
			"",
			"M\tcontent/flowcharts/b2b.yaml",
			'A\t"content/pages/t\\tab \\303\\251.mdx"',
			"\x1ebbb\x1fppp qqq\x1f2026-05-03T10:00:00+02:00\x1fRizky\x1fMerge branch",
			"",
		].join("\n");
		expect(parseLog(out)).toMatchInlineSnapshot(`
			[
			  {
			    "author": "Dewi Lestari",
			    "date": "2026-05-04",
			    "files": [
			      {
			        "path": "content/flowcharts/b2b.yaml",
			        "status": "modified",
			      },
			      {
			        "path": "content/pages/t	ab é.mdx",
			        "status": "added",
			      },
			    ],
			    "hash": "aaa",
			    "parents": [
			      "ppp",
			    ],
			    "subject": "Add nurture: step",
			    "time": "2026-05-04T10:00:00+02:00",
			  },
			]
		`);
		expect(unquoteGitPath("plain.yaml")).toBe("plain.yaml");
	});
});

describe("changelogAtom", () => {
	const entries: ChangelogEntry[] = [
		{
			id: "change-abc",
			date: "2026-05-04",
			time: "2026-05-04T10:00:00+02:00",
			kind: "change",
			title: "Re-route <b>nurture</b>",
			author: "A & B",
			sections: [
				{
					flowchartId: "b2b",
					title: "B2B <script>alert(1)</script> ]]>",
					changes: [{ key: "rerouted", step: "Qualified?", when: "No", to: "<Lost>", from: "Nurture" }],
				},
				{ pageId: "tips", title: "Tips", changes: [{ key: "guide-added", title: "Tips" }] },
			],
			answers: [],
			flowchartIds: ["b2b"],
			pageIds: ["tips"],
			commit: "abc",
		},
		{
			id: "review-flowchart-b2b-2026-03-16",
			date: "2026-03-16",
			kind: "review",
			title: "B2B",
			author: "Dewi",
			summary: "Added the nurture stage.",
			sections: [],
			answers: [],
			flowchartIds: ["b2b"],
			pageIds: [],
		},
	];

	test("escapes markup in titles and summaries, and is deterministic", () => {
		const xml = changelogAtom(entries.map(feedEntry), {
			siteUrl: "https://intranet.example.com/sales/",
			title: "Sales playbook changes",
		});
		expect(xml).not.toContain("<script>");
		expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;");
		expect(xml).not.toContain("<b>nurture");
		expect(xml).toContain("<name>A &amp; B</name>");
		expect(xml).toMatchInlineSnapshot(`
			"<?xml version="1.0" encoding="utf-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom">
			    <id>https://intranet.example.com/sales/changelog/</id>
			    <title>Sales playbook changes</title>
			    <updated>2026-05-04T08:00:00.000Z</updated>
			    <generator>Flowbook</generator>
			    <link rel="alternate" href="https://intranet.example.com/sales/changelog/"/>
			    <link rel="self" href="https://intranet.example.com/sales/changelog.xml"/>
			    <entry>
			        <title type="html"><![CDATA[Change: B2B &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; and Tips]]></title>
			        <id>https://intranet.example.com/sales/changelog/#change-abc</id>
			        <link href="https://intranet.example.com/sales/changelog/#change-abc"/>
			        <updated>2026-05-04T08:00:00.000Z</updated>
			        <summary type="html"><![CDATA[<p>Re-route &lt;b&gt;nurture&lt;/b&gt;</p><ul><li>B2B &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;: Qualified?: the &quot;No&quot; branch now leads to &lt;Lost&gt; instead of Nurture</li><li>Guide added: &quot;Tips&quot;</li></ul>]]></summary>
			        <author>
			            <name>A &amp; B</name>
			        </author>
			    </entry>
			    <entry>
			        <title type="html"><![CDATA[Review: B2B]]></title>
			        <id>https://intranet.example.com/sales/changelog/#review-flowchart-b2b-2026-03-16</id>
			        <link href="https://intranet.example.com/sales/changelog/#review-flowchart-b2b-2026-03-16"/>
			        <updated>2026-03-16T00:00:00.000Z</updated>
			        <summary type="html"><![CDATA[<p>Added the nurture stage.</p>]]></summary>
			        <author>
			            <name>Dewi</name>
			        </author>
			    </entry>
			</feed>"
		`);
		expect(
			changelogAtom(entries.map(feedEntry), {
				siteUrl: "https://intranet.example.com/sales",
				title: "Sales playbook changes",
			}),
		).toBe(xml);
	});
});
