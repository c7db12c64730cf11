import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { xml2js } from "xml-js";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { exportCrm } from "../../../src/lib/interchange/crm-export.ts";
import { crmStages } from "../../../src/lib/interchange/crm-stages.ts";
import { runExportCrm } from "../../../src/lib/interchange/run-export-crm.ts";
import { winProbabilities, winRatesFromTargets } from "../../../src/lib/interchange/win-probability.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";

const fixture = join(import.meta.dirname, "../../fixtures/crm");
const flowchartFile = "content/flowcharts/tiny.yaml";
const mappingFile = "content/metrics/tiny/mapping.yaml";

async function tiny() {
	const loaded = loadFlowchartSource(flowchartFile, await readFile(join(fixture, flowchartFile), "utf8"));
	if (!loaded.flowchart) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
	return loaded.flowchart;
}

let temp: string | undefined;
afterEach(async () => {
	if (temp) await rm(temp, { recursive: true, force: true });
	temp = undefined;
});

/** A copy of the fixture project with `mapping.yaml` replaced. */
async function projectWithMapping(text: string | undefined): Promise<string> {
	temp = await mkdtemp(join(tmpdir(), "flowbook-crm-"));
	await cp(fixture, temp, { recursive: true });
	if (text === undefined) await rm(join(temp, mappingFile));
	else await writeFile(join(temp, mappingFile), text);
	return temp;
}

type XmlElement = { name?: string; elements?: XmlElement[]; text?: string; type: string };
const children = (el: XmlElement, name: string) => (el.elements ?? []).filter((e) => e.name === name);
const text = (el: XmlElement | undefined) => (el?.elements ?? []).map((e) => e.text ?? "").join("");

describe("win probability", () => {
	it("multiplies the targets on the way to a win (hand-checked)", async () => {
		const fc = await tiny();
		// propose 40% × won 1; qualify 50% × propose 0.4; lead has no target and passes deals on.
		expect(Object.fromEntries(winRatesFromTargets(fc.data))).toEqual({
			lead: 0.2,
			qualify: 0.2,
			propose: 0.4,
			won: 1,
			lost: 0,
		});
	});

	it("counts closed deals only, from the history, and falls back to targets on thin data", async () => {
		const fc = await tiny();
		const ids = fc.data.steps.map((s) => s.id);
		const day = (n: number) => Date.UTC(2026, 0, n);
		const paths: Record<string, string[]> = {
			d1: ["lead", "qualify", "propose", "won"],
			d2: ["lead", "qualify", "propose", "lost"],
			d3: ["lead", "qualify", "lost"],
			d4: ["lead", "qualify", "propose", "won"],
			d5: ["lead", "qualify"],
		};
		const events = Object.entries(paths).flatMap(([deal, steps]) =>
			steps.map((step, i) => ({ deal, step, at: day(i + 1), file: "x.csv", line: 1 })),
		);
		const { store } = storeFromEvents(events, ids);
		const p = winProbabilities(fc.data, store, 3);
		// qualify: d1–d4 closed (d5 is open), d1 and d4 won → 2/4. propose: d1, d2, d4 → 2/3.
		expect(p.get("qualify")).toEqual({ value: 0.5, source: "history", closedDeals: 4 });
		expect(p.get("propose")?.value).toBeCloseTo(2 / 3, 10);
		expect(p.get("won")).toEqual({ value: 1, source: "outcome" });
		expect(p.get("lost")).toEqual({ value: 0, source: "outcome" });
		// Four closed deals are fewer than the default minimum of five: the targets decide.
		expect(winProbabilities(fc.data, store).get("qualify")).toEqual({ value: 0.2, source: "targets" });
	});
});

describe("CRM stages from mapping.yaml", () => {
	it("uses the CRM's names in flow order, several CRM stages per step in the file's order", async () => {
		const fc = await tiny();
		const result = crmStages(fc, await readFile(join(fixture, mappingFile), "utf8"), mappingFile);
		expect(result.diagnostics).toEqual([]);
		expect(result.stages?.map((s) => `${s.name}=${s.step.id}`)).toEqual([
			"New Lead=lead",
			"Discovery=qualify",
			"Qualified=qualify",
			"Proposal Sent=propose",
			"Closed Won=won",
			"Closed Lost=lost",
		]);
	});

	it("reports an unmapped step and a stage pointing at a missing step, located, together", async () => {
		const fc = await tiny();
		const mapping = [
			"columns: { deal: D, stage: S, timestamp: T, amount: A }",
			"stages:",
			"  Discovery: qualify",
			"  Demo: demo",
			"  Closed Won: won",
			"  Closed Lost: lost",
			"",
		].join("\n");
		const result = crmStages(fc, mapping, mappingFile);
		expect(result.stages).toBeUndefined();
		expect(result.diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"content/metrics/tiny/mapping.yaml:2:1 error: No CRM stage maps to step 'propose': the CRM export would have no stage for it.
			  hint: Add a line such as '"<CRM stage name>": propose' under stages for each.
			content/metrics/tiny/mapping.yaml:4:9 error: CRM stage 'Demo' maps to 'demo', which is not a step of the flowchart.
			  hint: Use one of: lead, qualify, propose, won, lost."
		`);
	});

	it("names the stages after the step labels when there is no mapping yet, with a warning", async () => {
		const fc = await tiny();
		const result = crmStages(fc, undefined, mappingFile);
		expect(result.stages?.map((s) => s.name)).toEqual(["Qualify", "Propose", "Won", "Lost"]);
		expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning crm-mapping-missing"]);
	});
});

describe("Salesforce Path", () => {
	it("writes PathAssistant metadata in the Metadata API's shape, guidance escaped", async () => {
		const result = await exportCrm(fixture, "tiny", "salesforce");
		expect(result.diagnostics).toEqual([]);
		const files = result.files ?? {};
		expect(Object.keys(files).sort()).toEqual([
			"salesforce/package.xml",
			"salesforce/pathAssistants/Tiny_quick_pipeline.pathAssistant",
		]);
		const doc = xml2js(files["salesforce/pathAssistants/Tiny_quick_pipeline.pathAssistant"] ?? "") as XmlElement;
		const root = children(doc, "PathAssistant")[0] as XmlElement;
		expect((root as { attributes?: Record<string, string> }).attributes?.xmlns).toBe(
			"http://soap.sforce.com/2006/04/metadata",
		);
		expect(text(children(root, "fullName")[0])).toBe("Tiny_quick_pipeline");
		expect(text(children(root, "active")[0])).toBe("true");
		expect(text(children(root, "entityName")[0])).toBe("Opportunity");
		expect(text(children(root, "fieldName")[0])).toBe("StageName");
		expect(text(children(root, "masterLabel")[0])).toBe("Tiny & quick pipeline");
		expect(text(children(root, "recordTypeName")[0])).toBe("New_Business");
		const steps = children(root, "pathAssistantSteps");
		expect(steps.map((s) => text(children(s, "picklistValueName")[0]))).toEqual([
			"New Lead",
			"Discovery",
			"Qualified",
			"Proposal Sent",
			"Closed Won",
			"Closed Lost",
		]);
		const discovery = steps[1] as XmlElement;
		expect(children(discovery, "fieldNames").map((f) => text(f))).toEqual(["Amount", "Budget_Confirmed__c"]);
		// The guidance is rich text: HTML held as text in <info>, the author's "<confirmed>" shown, not a tag.
		expect(text(children(discovery, "info")[0])).toBe(
			"<p>Check <strong>budget</strong> &#x26; fit.</p><p><b>Done when:</b> Budget &#x3C;confirmed> by the buyer</p><p><b>Tasks</b></p><ul><li>Call the buyer</li><li>Send the one-pager</li></ul>",
		);
		expect(children(steps[0] as XmlElement, "info")).toEqual([]);
		const pkg = children(xml2js(files["salesforce/package.xml"] ?? "") as XmlElement, "Package")[0] as XmlElement;
		const types = children(pkg, "types")[0] as XmlElement;
		expect(text(children(types, "name")[0])).toBe("PathAssistant");
		expect(text(children(types, "members")[0])).toBe("Tiny_quick_pipeline");
	});

	it("writes the guidance headings in Indonesian with --lang id", async () => {
		const result = await exportCrm(fixture, "tiny", "salesforce", "id");
		const xml = result.files?.["salesforce/pathAssistants/Tiny_quick_pipeline.pathAssistant"] ?? "";
		expect(xml).toContain("Selesai jika:");
		expect(xml).toContain("&lt;b&gt;Tugas&lt;/b&gt;");
	});
});

describe("HubSpot pipeline", () => {
	it("writes the v3 pipeline body with probabilities from closed deals, else targets", async () => {
		const result = await exportCrm(fixture, "tiny", "hubspot");
		expect(result.diagnostics).toEqual([]);
		const body = JSON.parse(result.files?.["hubspot/tiny.pipeline.json"] ?? "{}");
		// deals.csv: six closed deals (d5 is open), three won → lead and qualify 0.5; only four closed deals
		// reached propose, fewer than five, so its target (40%) is used.
		expect(body).toEqual({
			label: "Tiny & quick pipeline",
			displayOrder: 0,
			stages: [
				{ label: "New Lead", displayOrder: 0, metadata: { probability: "0.5", isClosed: "false" } },
				{ label: "Discovery", displayOrder: 1, metadata: { probability: "0.5", isClosed: "false" } },
				{ label: "Qualified", displayOrder: 2, metadata: { probability: "0.5", isClosed: "false" } },
				{ label: "Proposal Sent", displayOrder: 3, metadata: { probability: "0.4", isClosed: "false" } },
				{ label: "Closed Won", displayOrder: 4, metadata: { probability: "1", isClosed: "true" } },
				{ label: "Closed Lost", displayOrder: 5, metadata: { probability: "0", isClosed: "true" } },
			],
		});
	});
});

describe("npm run export:crm", () => {
	const io = (cwd: string) => {
		const out: string[] = [];
		const err: string[] = [];
		return { out, err, io: { cwd, stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) } };
	};

	it("writes the files and lists each stage with its probability and source", async () => {
		const root = await projectWithMapping(await readFile(join(fixture, mappingFile), "utf8"));
		const run = io(root);
		expect(await runExportCrm(["tiny", "--format", "hubspot", "--out", "out"], run.io)).toBe(0);
		expect(run.err).toEqual([]);
		expect(run.out).toEqual([
			"wrote out/hubspot/tiny.pipeline.json",
			"  New Lead → lead 50% (6 closed deals)",
			"  Discovery → qualify 50% (6 closed deals)",
			"  Qualified → qualify 50% (6 closed deals)",
			"  Proposal Sent → propose 40% (targets)",
			"  Closed Won → won 100% (outcome)",
			"  Closed Lost → lost 0% (outcome)",
		]);
		expect(JSON.parse(await readFile(join(root, "out/hubspot/tiny.pipeline.json"), "utf8")).stages).toHaveLength(6);
	});

	it("exits 1 with located errors and writes nothing when the mapping disagrees", async () => {
		const root = await projectWithMapping(
			"columns: { deal: D, stage: S, timestamp: T, amount: A }\nstages:\n  Won: wonn\n",
		);
		const run = io(root);
		expect(await runExportCrm(["tiny", "--format", "salesforce"], run.io)).toBe(1);
		expect(run.out).toEqual([]);
		expect(run.err.join("\n")).toMatch(
			/^content\/metrics\/tiny\/mapping.yaml:3:8 error: CRM stage 'Won' maps to 'wonn'/m,
		);
		expect(run.err.join("\n")).toMatch(
			/mapping.yaml:2:1 error: No CRM stage maps to steps 'qualify', 'propose', 'lost'/,
		);
		expect(run.err.at(-1)).toBe("export:crm: nothing written; fix the errors above.");
	});

	it("names an unknown flowchart and bad usage without a stack trace", async () => {
		const run = io(fixture);
		expect(await runExportCrm(["tiyn", "--format", "hubspot"], run.io)).toBe(1);
		expect(run.err[0]).toBe(
			"content/flowcharts/tiyn.yaml error: there is no flowchart 'tiyn' (did you mean 'tiny'?)\n  hint: Flowcharts: tiny.",
		);
		const bad = io(fixture);
		expect(await runExportCrm(["tiny", "--format", "pipedrive"], bad.io)).toBe(2);
		expect(bad.err[0]).toBe('export:crm: --format must be salesforce or hubspot, not "pipedrive"');
	});
});

describe("crm: in the flowchart", () => {
	it("reports key fields under a missing step and a repeated field, located", () => {
		const source = [
			"title: T",
			"roles: { ae: AE }",
			"crm:",
			"  key_fields:",
			"    qualfy: [Amount]",
			"    qualify: [Amount, amount]",
			"steps:",
			"  - { id: start, type: start, label: S, next: qualify }",
			"  - { id: qualify, label: Q, next: won }",
			"  - { id: won, type: end, label: W, outcome: won }",
			"",
		].join("\n");
		const { diagnostics } = loadFlowchartSource("content/flowcharts/t.yaml", source);
		expect(diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(`
			"content/flowcharts/t.yaml:5:5 error: crm.key_fields: unknown step "qualfy" (did you mean "qualify"?)
			  hint: Defined steps: start, qualify, won.
			content/flowcharts/t.yaml:6:23 warning: crm.key_fields: amount is listed twice for step "qualify"
			  hint: Salesforce shows each key field once; remove the repeat.
			content/flowcharts/t.yaml:9:11 warning: step "qualify": no \`responsible\` role, so the RACI table has a gap
			  hint: Add \`responsible: <role id>\`: the role that does the work in this stage."
		`);
	});

	it("rejects a field that is not an API name, located, with the schema's wording", () => {
		const source = [
			"title: T",
			"roles: { ae: AE }",
			"crm:",
			"  key_fields:",
			"    qualify: [Close Date]",
			"steps:",
			"  - { id: start, type: start, label: S, next: qualify }",
			"  - { id: qualify, label: Q, responsible: ae, next: won }",
			"  - { id: won, type: end, label: W, outcome: won }",
			"",
		].join("\n");
		const { diagnostics } = loadFlowchartSource("content/flowcharts/t.yaml", source);
		expect(diagnostics.map(formatDiagnostic).join("\n")).toMatchInlineSnapshot(
			`"content/flowcharts/t.yaml:5:15 error: \`qualify[0]\` must be a field's API name, such as 'Amount' or 'Budget_Confirmed__c', got the text "Close Date""`,
		);
	});
});
