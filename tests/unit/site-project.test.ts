import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFlowcharts } from "../../src/lib/load/load-flowcharts.ts";
import { sharedProject, shareProject } from "../../src/lib/project.ts";
import { crmFile, keptCrmFile } from "../../src/site/crm.ts";
import type { SiteFlowchart } from "../../src/site/data.ts";
import { flowchartMetrics } from "../../src/site/metrics.ts";
import { flowbookConfig, project } from "../../src/site/project.ts";

const REPO = join(import.meta.dirname, "../..");
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** An empty project folder, removed after the tests. */
async function emptyRoot(): Promise<string> {
	const root = await mkdtemp(join(tmpdir(), "flowbook-project-"));
	made.push(root);
	return root;
}

/** Deals as (id, HubSpot stages in order): each enters its stages a day apart from 1 March 2026. */
type Deal = [string, string[]];

/** A project root of its own: the sample's B2B flowchart and mapping, with `deals` as the whole CRM export. */
async function projectWith(deals: Deal[], wonStage = "Closed Won"): Promise<string> {
	const root = await emptyRoot();
	await mkdir(join(root, "content/metrics/b2b"), { recursive: true });
	await cp(join(REPO, "content/flowcharts"), join(root, "content/flowcharts"), { recursive: true });
	const mapping = await readFile(join(REPO, "content/metrics/b2b/mapping.yaml"), "utf8");
	await writeFile(join(root, "content/metrics/b2b/mapping.yaml"), mapping.replace("Closed Won:", `${wonStage}:`));
	const rows = deals.flatMap(([id, stages]) =>
		stages.map((stage, day) => `${id},${stage},2026-03-${String(day + 1).padStart(2, "0")} 09:00,5000,Ana`),
	);
	const header = "Record ID,Deal Stage,Date Entered Stage,Amount,Deal Owner";
	await writeFile(join(root, "content/metrics/b2b/export.csv"), `${[header, ...rows].join("\n")}\n`);
	return root;
}

/** The B2B flowchart as pages get it, loaded from `root`. */
async function b2bIn(root: string): Promise<SiteFlowchart> {
	const fc = (await loadFlowcharts(root)).flowcharts.find((f) => f.id === "b2b");
	if (!fc) throw new Error(`no b2b flowchart under ${root}`);
	return { ...fc, original: fc.data, lang: "en", missing: [] };
}

const won: Deal = ["1", ["Inbound Lead", "Qualified To Buy", "Presentation Scheduled", "Proposal Sent", "Closed Won"]];
const lost: Deal = ["2", ["Inbound Lead", "Qualified To Buy", "Closed Lost"]];

describe("the site reads the project it is given", () => {
	it("computes each root's metrics from that root's export, without changing directory", async () => {
		const cwd = process.cwd();
		const [one, two] = await Promise.all([projectWith([won]), projectWith([won, lost])]);
		const a = await flowchartMetrics(await b2bIn(one), one);
		const b = await flowchartMetrics(await b2bIn(two), two);
		expect(a.report?.metrics.deals).toBe(1);
		expect(b.report?.metrics.deals).toBe(2);
		expect(b.report?.folder).toBe("content/metrics/b2b");
		// Read again for the first root: the per-build memo is per root, not per flowchart id alone.
		expect((await flowchartMetrics(await b2bIn(one), one)).report?.metrics.deals).toBe(1);
		expect(process.cwd()).toBe(cwd);
	});

	it("says there is no export for a root without one", async () => {
		const root = await emptyRoot();
		await cp(join(REPO, "content/flowcharts"), join(root, "content/flowcharts"), { recursive: true });
		const load = await flowchartMetrics(await b2bIn(root), root);
		expect(load.report).toBeUndefined();
		expect(load.note).toBeDefined();
	});

	it("writes the CRM files from that root's mapping", async () => {
		const [closedWon, dealWon] = await Promise.all([projectWith([won]), projectWith([won], "Deal Won")]);
		const a = await crmFile(await b2bIn(closedWon), "salesforce", closedWon);
		const b = await crmFile(await b2bIn(dealWon), "salesforce", dealWon);
		const stage = (name: string) => `<picklistValueName>${name}</picklistValueName>`;
		expect(a).toContain(stage("Closed Won"));
		expect(a).not.toContain(stage("Deal Won"));
		expect(b).toContain(stage("Deal Won"));
		expect(b).not.toContain(stage("Closed Won"));
	});
});

describe("CRM files kept between builds", () => {
	/** `projectWith` plus a stand-in for Flowbook's code, so the root keeps page outputs. */
	async function keepingProject(): Promise<string> {
		const root = await projectWith([won]);
		await mkdir(join(root, "src/lib"), { recursive: true });
		await mkdir(join(root, "src/i18n"), { recursive: true });
		await writeFile(join(root, "src/lib/x.ts"), "export {};\n");
		await writeFile(join(root, "src/i18n/ui.ts"), "export {};\n");
		return root;
	}
	/** Replaces every kept text with a marker, so a read of a kept file shows. */
	async function markKept(root: string): Promise<void> {
		const dir = join(root, ".cache/flowbook/pages");
		for (const name of await readdir(dir)) await writeFile(join(dir, name), JSON.stringify("kept"));
	}

	it("reads a kept file back, and writes it again when a flowchart, label, mapping or export file changes", async () => {
		const root = await keepingProject();
		const fc = await b2bIn(root);
		const fresh = await keptCrmFile(fc, "hubspot", root);
		expect(fresh).toContain('"label"');
		expect(await keptCrmFile(fc, "hubspot", root)).toBe(fresh);
		await markKept(root);
		expect(await keptCrmFile(fc, "hubspot", root)).toBe("kept");
		expect(await keptCrmFile(fc, "salesforce", root)).toContain("<picklistValueName>");
		expect(await keptCrmFile({ ...fc, lang: "id" }, "hubspot", root)).not.toBe("kept");
		const changes: [string, () => Promise<unknown>][] = [
			[
				"export",
				() => appendFile(join(root, "content/metrics/b2b/export.csv"), "3,Inbound Lead,2026-03-01 09:00,1,Ana\n"),
			],
			["mapping", () => appendFile(join(root, "content/metrics/b2b/mapping.yaml"), "\n# edited\n")],
			["flowchart", () => appendFile(join(root, "content/flowcharts/b2b.yaml"), "\n# edited\n")],
			["labels", () => writeFile(join(root, "content/i18n/id/flowcharts/new.yaml"), "title: Baru\n")],
		];
		for (const [what, change] of changes) {
			await markKept(root);
			await mkdir(join(root, "content/i18n/id/flowcharts"), { recursive: true });
			await change();
			expect(await keptCrmFile(fc, "hubspot", root), what).not.toBe("kept");
		}
	});

	it("keeps a flowchart without a CRM file as none", async () => {
		const root = await keepingProject();
		await writeFile(join(root, "content/metrics/b2b/mapping.yaml"), "stages: [\n");
		const fc = await b2bIn(root);
		expect(await keptCrmFile(fc, "hubspot", root)).toBeUndefined();
		expect(await keptCrmFile(fc, "hubspot", root)).toBeUndefined();
		expect(await readdir(join(root, ".cache/flowbook/pages"))).toHaveLength(1);
	});
});

describe("the project context", () => {
	it("outside Astro is the working directory's, with flowbook.config.ts as its settings", () => {
		expect(sharedProject()).toBeUndefined();
		expect(project.rootDir).toBe(process.cwd());
		expect(flowbookConfig).toBe(project.config);
		expect(flowbookConfig.title).toBe("Acme Sales Playbook");
	});

	it("is the last one astro.config.mjs shared (a restarted dev server shares its new one)", () => {
		const shared = shareProject({ rootDir: "/srv/playbook", config: flowbookConfig });
		expect(sharedProject()).toBe(shared);
		const latest = shareProject({ rootDir: "/srv/playbook-2", config: flowbookConfig });
		expect(sharedProject()).toBe(latest);
	});
});
