/** FAQ files: schema-checked, and every `step:` reference must name an existing flowchart step. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadYamlFile } from "../load/load-yaml-file.ts";
import { type Faq, FaqSchema } from "../schema/faq.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { didYouMean } from "../text/suggest.ts";

export interface FaqSet {
	lang: string;
	file: string;
	faq: Faq;
}

export async function loadFaqs(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
	dir = "content/faq",
	/** Flowcharts whose files exist but have errors: their steps cannot be checked, nor are they missing. */
	broken: readonly string[] = [],
): Promise<{ faqs: FaqSet[]; diagnostics: Diagnostic[] }> {
	let names: string[];
	try {
		names = (await readdir(join(rootDir, dir))).filter((n) => /\.ya?ml$/.test(n)).sort();
	} catch {
		return { faqs: [], diagnostics: [] };
	}
	const faqs: FaqSet[] = [];
	const diagnostics: Diagnostic[] = [];
	for (const name of names) {
		const file = `${dir}/${name}`;
		const result = await loadYamlFile(FaqSchema, rootDir, file);
		if (!result) continue;
		diagnostics.push(...result.diagnostics);
		if (!result.data) continue;
		const seen = new Set<string>();
		result.data.topics.forEach((topic, ti) => {
			topic.questions.forEach((q, qi) => {
				const at = (key: string) => result.locate(["topics", ti, "questions", qi, key]);
				if (seen.has(q.id)) {
					const pos = at("id");
					diagnostics.push({
						severity: "error",
						file,
						...pos,
						code: "duplicate-question",
						message: `question id "${q.id}" is used twice`,
						hint: "Each question needs its own id: it is the question's anchor on the FAQ page.",
					});
				}
				seen.add(q.id);
				if (!q.step) return;
				const [fcId = "", stepId = ""] = q.step.split("/");
				const fc = flowcharts.find((f) => f.id === fcId);
				const pos = at("step");
				if (!fc && broken.includes(fcId)) return;
				if (!fc) {
					diagnostics.push({
						severity: "error",
						file,
						...pos,
						code: "unknown-flowchart",
						message: `question "${q.id}": step → unknown flowchart "${fcId}"${didYouMean(
							fcId,
							flowcharts.map((f) => f.id),
						)}`,
						hint: `Flowcharts: ${flowcharts.map((f) => f.id).join(", ")}.`,
					});
				} else if (!fc.data.steps.some((s) => s.id === stepId)) {
					const ids = fc.data.steps.map((s) => s.id);
					diagnostics.push({
						severity: "error",
						file,
						...pos,
						code: "unknown-step",
						message: `question "${q.id}": step → unknown step "${stepId}" in ${fcId}${didYouMean(stepId, ids)}`,
						hint: `Steps of ${fcId}: ${ids.join(", ")}.`,
					});
				}
			});
		});
		faqs.push({ lang: name.replace(/\.ya?ml$/, ""), file, faq: result.data });
	}
	return { faqs, diagnostics };
}
