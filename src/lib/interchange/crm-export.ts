/**
 * `npm run export:crm`: reads a flowchart, its `mapping.yaml` and its CRM export, and returns the files
 * for Salesforce (Path) or HubSpot (pipeline). Every problem comes back as a located diagnostic.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Lang } from "../../i18n/ui.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { EventStore } from "../events/store.ts";
import { loadFlowcharts } from "../load/load-flowcharts.ts";
import { decodeText } from "../load/read-text.ts";
import { loadMetrics } from "../metrics/index.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { didYouMean } from "../text/suggest.ts";
import { type CrmStage, crmStages } from "./crm-stages.ts";
import { hubspotPipeline } from "./hubspot-pipeline.ts";
import { salesforcePath } from "./salesforce-path.ts";
import { type WinProbability, winProbabilities } from "./win-probability.ts";

export const crmFormats = ["salesforce", "hubspot"] as const;
export type CrmFormat = (typeof crmFormats)[number];

export interface CrmExport {
	/** Relative path → text; absent when an error makes the result untrustworthy. */
	files?: Record<string, string>;
	diagnostics: Diagnostic[];
	/** One line per stage for the terminal: name, step, probability and its source. */
	stages?: { name: string; step: string; probability?: WinProbability }[];
}

async function readOptional(root: string, file: string): Promise<{ text?: string; diagnostic?: Diagnostic }> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(join(root, file));
	} catch {
		return {};
	}
	return decodeText(file, bytes);
}

/** What `loadFlowcharts` gives. */
type ProjectFlowcharts = Awaited<ReturnType<typeof loadFlowcharts>>;

async function findFlowchart(
	id: string,
	loaded: Promise<ProjectFlowcharts>,
): Promise<{ fc?: LoadedFlowchart; diagnostics: Diagnostic[] }> {
	const { flowcharts, diagnostics } = await loaded;
	const fc = flowcharts.find((f) => f.id === id);
	const file = `content/flowcharts/${id}.yaml`;
	const own = diagnostics.filter((d) => d.file === file || d.file === `content/flowcharts/${id}.yml`);
	if (fc) return { fc, diagnostics: own };
	if (own.length > 0) return { diagnostics: own };
	const ids = flowcharts.map((f) => f.id);
	return {
		diagnostics: [
			{
				severity: "error",
				file,
				code: "unknown-flowchart",
				message: `there is no flowchart '${id}'${didYouMean(id, ids, "'")}`,
				hint: ids.length > 0 ? `Flowcharts: ${ids.join(", ")}.` : "Add a flowchart under content/flowcharts/.",
			},
		],
	};
}

/**
 * The CRM export as an event store, when there is one and the mapping reads. Read through `loadMetrics`, whose
 * per-process cache the content check and the metrics pages already filled: a build ingests each export once,
 * not again for each language's HubSpot file.
 */
async function historyOf(
	root: string,
	fc: LoadedFlowchart,
): Promise<{ store?: EventStore; diagnostics: Diagnostic[] }> {
	const load = await loadMetrics({ root, id: fc.id, flowchart: fc.data });
	// Bad rows are the metrics page's business; here only what stops the numbers being trusted.
	return { store: load.store, diagnostics: load.diagnostics.filter((d) => d.severity === "error") };
}

/**
 * The files for one flowchart. `loaded` is the project's flowcharts when the caller already holds them (the site
 * exports each flowchart in two formats and every language from one read); by default they are read from `root`.
 */
export async function exportCrm(
	root: string,
	id: string,
	format: CrmFormat,
	lang: Lang = "en",
	loaded: Promise<ProjectFlowcharts> = loadFlowcharts(root),
): Promise<CrmExport> {
	const found = await findFlowchart(id, loaded);
	if (!found.fc) return { diagnostics: found.diagnostics };
	const fc = found.fc;
	const mappingFile = `content/metrics/${fc.id}/mapping.yaml`;
	const read = await readOptional(root, mappingFile);
	if (read.diagnostic) return { diagnostics: [...found.diagnostics, read.diagnostic] };
	const resolved = crmStages(fc, read.text, mappingFile);
	const diagnostics = [...found.diagnostics, ...resolved.diagnostics];
	if (!resolved.stages) return { diagnostics };
	const stages: CrmStage[] = resolved.stages;
	if (format === "salesforce") {
		const path = salesforcePath(fc, stages, lang);
		return {
			files: Object.fromEntries(Object.entries(path.files).map(([name, text]) => [`salesforce/${name}`, text])),
			diagnostics,
			stages: stages.map((s) => ({ name: s.name, step: s.step.id })),
		};
	}
	const history = resolved.mapping ? await historyOf(root, fc) : { diagnostics: [] };
	diagnostics.push(...history.diagnostics);
	if (history.diagnostics.length > 0) return { diagnostics };
	const probabilities = winProbabilities(fc.data, history.store);
	const pipeline = hubspotPipeline(fc, stages, probabilities);
	return {
		files: { [`hubspot/${fc.id}.pipeline.json`]: `${JSON.stringify(pipeline, null, 2)}\n` },
		diagnostics,
		stages: stages.map((s) => {
			const probability = probabilities.get(s.step.id);
			return { name: s.name, step: s.step.id, ...(probability ? { probability } : {}) };
		}),
	};
}
