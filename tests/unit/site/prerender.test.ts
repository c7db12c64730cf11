/**
 * The build draws the site's flowchart diagrams before the pages (src/lib/site/prerender.ts). Each early source must
 * be byte-identical to the one its page compiles, or page generation misses the cache and starts Chromium again.
 * Here the pages' side is rebuilt the way Astro hands it to them: the flowchart collection re-parsed with its schema,
 * label files read by Astro's YAML reader (js-yaml), metrics read as src/site/metrics.ts does.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultLang, langs } from "../../../src/i18n/ui.ts";
import { checkContent } from "../../../src/lib/check.ts";
import { type FlowchartLabels, FlowchartLabelsSchema } from "../../../src/lib/i18n/flowchart-labels.ts";
import { FlowchartSchema, type LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";
import {
	liveDiagramJob,
	livedDiagramJob,
	plainDiagramJob,
	type SiteDiagramJob,
} from "../../../src/lib/site/diagram-jobs.ts";
import { siteFlowchart } from "../../../src/lib/site/flowcharts.ts";
import { earlySiteDiagramJobs } from "../../../src/lib/site/prerender.ts";
import { flowchartMetrics } from "../../../src/site/metrics.ts";

const REPO = join(import.meta.dirname, "../../..");
const BASE = "/sales/";

/** `content/i18n/<lang>/flowcharts/<id>.yaml` as Astro's glob loader reads it, or undefined. */
async function astroLabels(root: string, lang: string, id: string): Promise<FlowchartLabels | undefined> {
	const text = await readFile(join(root, `content/i18n/${lang}/flowcharts/${id}.yaml`), "utf8").catch(() => undefined);
	return text === undefined ? undefined : FlowchartLabelsSchema.parse(yaml.load(text));
}

/** The jobs the flowchart and metrics pages ask for, from data shaped as the collections give it. */
async function pageJobs(flowcharts: readonly LoadedFlowchart[], root = REPO): Promise<SiteDiagramJob[]> {
	const entrySchema = FlowchartSchema.extend({ file: z.string() });
	const jobs: SiteDiagramJob[] = [];
	for (const lang of langs) {
		for (const loaded of flowcharts) {
			const { file, ...data } = entrySchema.parse({ ...loaded.data, file: loaded.file });
			const labels = lang === defaultLang ? undefined : await astroLabels(root, lang, loaded.id);
			const fc = siteFlowchart({ id: loaded.id, file, data }, lang, labels);
			jobs.push(plainDiagramJob(fc));
			const { report } = await flowchartMetrics(fc, root);
			if (report) jobs.push(liveDiagramJob(fc, report), livedDiagramJob(fc, report.conformance, BASE));
		}
	}
	return jobs;
}

const key = (job: SiteDiagramJob) => `${job.idPrefix}\n${job.source}`;

describe("the build's early diagram render", () => {
	it("asks for exactly the diagrams the sample's pages draw, with the same sources", async () => {
		const report = await checkContent(REPO, { strict: false }, { fences: false });
		const early = await earlySiteDiagramJobs({
			rootDir: REPO,
			base: BASE,
			flowcharts: report.flowcharts,
			reports: report.metrics,
		});
		const pages = await pageJobs(report.flowcharts);
		expect(early.map(key).sort()).toEqual(pages.map(key).sort());

		// Every view in every language: plain for each flowchart, live and lived for the one with a CRM export.
		const prefixes = early.map((job) => job.idPrefix);
		const withMetrics = [...report.metrics.keys()];
		expect(withMetrics).toEqual(["b2b"]);
		expect(prefixes).toHaveLength(langs.length * (report.flowcharts.length + 2 * withMetrics.length));
		expect(prefixes.filter((p) => p === "fb-b2b-lived-")).toHaveLength(langs.length);
		// The Indonesian ones are translated, and the as-lived nodes link to the Indonesian flowchart page.
		const sources = early.map((job) => job.source).join("\n");
		expect(sources).toContain("/sales/id/flowcharts/b2b/#step-");
		const idPlain = early.filter((job) => job.idPrefix === "fb-b2b-");
		expect(new Set(idPlain.map((job) => job.source)).size).toBe(2);
	});

	it("reads a label file with YAML merge keys (`<<: *anchor`) as Astro does, so its diagram is drawn early", async () => {
		const root = await mkdtemp(join(tmpdir(), "fb-merge-"));
		try {
			await mkdir(join(root, "content/flowcharts"), { recursive: true });
			await mkdir(join(root, "content/i18n/id/flowcharts"), { recursive: true });
			await writeFile(
				join(root, "content/flowcharts/deal.yaml"),
				"title: Deal\nroles:\n  ae: Account executive\nsteps:\n  - { id: lead, type: start, label: Lead, next: demo }\n" +
					"  - { id: demo, label: Demo, responsible: ae, next: won }\n  - { id: won, type: end, label: Won }\n",
			);
			await writeFile(
				join(root, "content/i18n/id/flowcharts/deal.yaml"),
				"title: Kesepakatan\nsteps:\n  lead: &common\n    label: Prospek\n    description: Sama untuk semua\n" +
					"  demo:\n    <<: *common\n    label: Demo produk\n  won:\n    <<: *common\n",
			);
			const report = await checkContent(root, { strict: false }, { fences: false });
			expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
			const early = await earlySiteDiagramJobs({
				rootDir: root,
				base: BASE,
				flowcharts: report.flowcharts,
				reports: new Map(),
			});
			const pages = await pageJobs(report.flowcharts, root);
			expect(early.map(key).sort()).toEqual(pages.map(key).sort());
			// The merged label reached the Indonesian diagram on both sides.
			const id = early.filter((job) => job.source.includes("Demo produk"));
			expect(id).toHaveLength(1);
			// "won" has only the merged keys: its label is the anchor's, not the English fallback.
			expect(id[0]?.source).not.toContain("Won");
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});
});
