/**
 * Translated label files, checked like flowcharts: schema-checked, and (even when the schema
 * fails) text for steps, roles, arrows or list items that do not exist in the English flowchart is
 * flagged, because it would be shown against the wrong English text or not at all.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { type Diagnostic, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { FlowchartLabelsSchema } from "../i18n/flowchart-labels.ts";
import { loadYamlSource } from "../load/load-yaml-file.ts";
import type { DataPath } from "../load/parse-yaml.ts";
import { readTextFile } from "../load/read-text.ts";
import { type LoadedFlowchart, type Step, transitionsOf } from "../schema/flowchart.ts";
import { didYouMean } from "../text/suggest.ts";

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

export async function checkLabelFiles(
	rootDir: string,
	flowcharts: readonly LoadedFlowchart[],
	dir = "content/i18n",
	/** Flowcharts whose files exist but have errors: their translations are checked once the file loads again. */
	broken: readonly string[] = [],
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
			const read = await readTextFile(join(rootDir, file), file);
			diagnostics.push(
				...(read.diagnostic ? [read.diagnostic] : checkLabelSource(file, read.text, flowcharts, broken)),
			);
		}
	}
	return diagnostics;
}

/** One label file's problems; `file` is `content/i18n/<lang>/flowcharts/<id>.yaml`. */
export function checkLabelSource(
	file: string,
	text: string,
	flowcharts: readonly LoadedFlowchart[],
	broken: readonly string[] = [],
): Diagnostic[] {
	const id = (file.split("/").pop() ?? file).replace(/\.ya?ml$/, "");
	const result = loadYamlSource(FlowchartLabelsSchema, file, text);
	const diagnostics = [...result.diagnostics];
	const fc = flowcharts.find((f) => f.id === id);
	if (!fc && broken.includes(id)) return diagnostics;
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
		return diagnostics;
	}
	if (!isRecord(result.value)) return diagnostics;
	const warn = (path: DataPath, target: "key" | "value", code: string, message: string, hint?: string) =>
		diagnostics.push({
			severity: "warning",
			file,
			...result.locate(path, target),
			code,
			message,
			...(hint ? { hint } : {}),
		});
	const steps = result.value.steps;
	const stepIds = fc.data.steps.map((s) => s.id);
	if (isRecord(steps)) {
		for (const [stepId, labels] of Object.entries(steps)) {
			const step = fc.data.steps.find((s) => s.id === stepId);
			if (!step) {
				warn(
					["steps", stepId],
					"key",
					"unknown-step",
					`translation for unknown step "${stepId}"${didYouMean(stepId, stepIds)}; it is not shown`,
					`Steps of ${id}: ${stepIds.join(", ")}.`,
				);
			} else if (isRecord(labels)) checkStepLabels(step, labels, warn);
		}
	}
	const roles = result.value.roles;
	const roleIds = Object.keys(fc.data.roles);
	if (isRecord(roles)) {
		for (const roleId of Object.keys(roles)) {
			if (roleIds.includes(roleId)) continue;
			warn(
				["roles", roleId],
				"key",
				"unknown-role",
				`translation for unknown role "${roleId}"${didYouMean(roleId, roleIds)}; it is not shown`,
			);
		}
	}
	return sortDiagnostics(diagnostics);
}

type Warn = (path: DataPath, target: "key" | "value", code: string, message: string, hint?: string) => void;

/** Lists are matched to the English ones by position, conditions by the arrow's target step. */
function checkStepLabels(step: Step, labels: Raw, warn: Warn): void {
	const where = `step "${step.id}"`;
	for (const [field, english] of [
		["tasks", step.tasks?.length ?? 0],
		["automations", step.automations?.length ?? 0],
	] as const) {
		const list = labels[field];
		if (!Array.isArray(list) || list.length === english) continue;
		warn(
			["steps", step.id, field],
			"key",
			"label-count",
			`${where}: ${list.length} translated ${field}, but the English step has ${english}`,
			`Items are matched to the English ${field} by position: translate each one in the same order, no more and no fewer.`,
		);
	}
	const when = labels.when;
	if (!isRecord(when)) return;
	const arrows = transitionsOf(step)
		.filter((t) => t.when !== undefined)
		.map((t) => t.to);
	for (const target of Object.keys(when)) {
		if (arrows.includes(target)) continue;
		warn(
			["steps", step.id, "when", target],
			"key",
			"unknown-arrow",
			`${where}: condition for an arrow to "${target}", but the English step has no condition on an arrow there${didYouMean(target, arrows)}`,
			arrows.length > 0
				? `Conditions are keyed by the step the arrow leads to: ${arrows.join(", ")}.`
				: "This step's arrows have no conditions to translate: remove `when`.",
		);
	}
}
