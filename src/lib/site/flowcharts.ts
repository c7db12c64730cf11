/**
 * A flowchart as a page in one language shows it: translated through its label file, with the English original
 * kept for step ids and metrics. The pages build these from Astro's collections (src/site/data.ts); the build's
 * early diagram render builds the same from the core loader and the label files on disk, so both compile the same
 * Mermaid sources.
 */
import { join } from "node:path";
import { defaultLang, type Lang } from "../../i18n/ui.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type FlowchartLabels, FlowchartLabelsSchema, translateFlowchart } from "../i18n/flowchart-labels.ts";
import { loadYamlSource } from "../load/load-yaml-file.ts";
import { readTextFile } from "../load/read-text.ts";
import type { Flowchart, LoadedFlowchart } from "../schema/flowchart.ts";

export interface SiteFlowchart extends LoadedFlowchart {
	/** The English original; `data` is translated when `lang` is not English. */
	original: Flowchart;
	lang: Lang;
	/** Text that fell back to English. */
	missing: string[];
	/** Dev only: the file is broken now; this is its last valid version and these are the file's problems. */
	problems?: Diagnostic[];
}

/** The flowchart in `lang`; `labels` is its label file for that language, if any. */
export function siteFlowchart(
	fc: LoadedFlowchart & { problems?: Diagnostic[] },
	lang: Lang,
	labels: FlowchartLabels | undefined,
): SiteFlowchart {
	if (lang === defaultLang) return { ...fc, original: fc.data, lang, missing: [] };
	const translated = translateFlowchart(fc.data, labels);
	return { ...fc, data: translated.data, original: fc.data, lang, missing: translated.missing };
}

/** `content/i18n/<lang>/flowcharts/<id>.yaml` (or `.yml`) as the i18n collection reads it; undefined when absent. */
export async function readFlowchartLabels(
	rootDir: string,
	lang: Lang,
	id: string,
): Promise<FlowchartLabels | undefined> {
	for (const ext of ["yaml", "yml"]) {
		const file = `content/i18n/${lang}/flowcharts/${id}.${ext}`;
		const read = await readTextFile(join(rootDir, file), file).catch(() => undefined);
		if (read?.text === undefined) continue;
		// A label file with errors fails the content check, so a build never gets here with one.
		return loadYamlSource(FlowchartLabelsSchema, file, read.text).data;
	}
	return undefined;
}

/** Every flowchart in `lang`, from the core loader's result and the label files on disk. */
export async function loadSiteFlowcharts(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
	lang: Lang,
): Promise<SiteFlowchart[]> {
	return Promise.all(
		flowcharts.map(async (fc) =>
			siteFlowchart(fc, lang, lang === defaultLang ? undefined : await readFlowchartLabels(rootDir, lang, fc.id)),
		),
	);
}
