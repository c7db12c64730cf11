/** Translated label files: schema-checked; text for steps or roles that don't exist is flagged. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { FlowchartLabelsSchema } from "../i18n/flowchart-labels.ts";
import { loadYamlSource } from "../load/load-yaml-file.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { didYouMean } from "../validate/suggest.ts";

export async function checkLabelFiles(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
	dir = "content/i18n",
): Promise<Diagnostic[]> {
	const diagnostics: Diagnostic[] = [];
	let langs: string[];
	try {
		langs = (await readdir(join(rootDir, dir), { withFileTypes: true }))
			.filter((e) => e.isDirectory())
			.map((e) => e.name);
	} catch {
		return [];
	}
	for (const lang of langs.sort()) {
		let names: string[];
		try {
			names = (await readdir(join(rootDir, dir, lang, "flowcharts"))).filter((n) => /\.ya?ml$/.test(n)).sort();
		} catch {
			continue;
		}
		for (const name of names) {
			const file = `${dir}/${lang}/flowcharts/${name}`;
			const id = name.replace(/\.ya?ml$/, "");
			const result = loadYamlSource(FlowchartLabelsSchema, file, await readFile(join(rootDir, file), "utf8"));
			diagnostics.push(...result.diagnostics);
			const fc = flowcharts.find((f) => f.id === id);
			if (!fc) {
				diagnostics.push({
					severity: "warning",
					file,
					line: 1,
					column: 1,
					code: "orphan-labels",
					message: `translations for flowchart "${id}", which does not exist${didYouMean(
						id,
						flowcharts.map((f) => f.id),
					)}`,
					hint: "Rename the file after its flowchart, or delete it.",
				});
				continue;
			}
			if (!result.data) continue;
			const stepIds = fc.data.steps.map((s) => s.id);
			for (const stepId of Object.keys(result.data.steps ?? {})) {
				if (stepIds.includes(stepId)) continue;
				diagnostics.push({
					severity: "warning",
					file,
					...result.locate(["steps", stepId], "key"),
					code: "unknown-step",
					message: `translation for unknown step "${stepId}"${didYouMean(stepId, stepIds)}; it is not shown`,
					hint: `Steps of ${id}: ${stepIds.join(", ")}.`,
				});
			}
			const roleIds = Object.keys(fc.data.roles);
			for (const roleId of Object.keys(result.data.roles ?? {})) {
				if (roleIds.includes(roleId)) continue;
				diagnostics.push({
					severity: "warning",
					file,
					...result.locate(["roles", roleId], "key"),
					code: "unknown-role",
					message: `translation for unknown role "${roleId}"${didYouMean(roleId, roleIds)}; it is not shown`,
				});
			}
		}
	}
	return diagnostics;
}
