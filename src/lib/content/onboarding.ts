/** The onboarding path: schema-checked, and every item must point at something that exists. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadYamlFile } from "../load/load-yaml-file.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { type Onboarding, OnboardingSchema } from "../schema/onboarding.ts";
import { didYouMean } from "../text/suggest.ts";

export interface OnboardingTargets {
	flowcharts: readonly LoadedFlowchart[];
	/** Page slugs, e.g. `overview`. */
	pages: readonly string[];
	/** Flowcharts whose files exist but have errors: they are there, only not checked. */
	broken?: readonly string[];
}

export async function loadOnboarding(
	rootDir: string,
	targets: OnboardingTargets,
	file = "content/onboarding.yaml",
): Promise<{ onboarding?: Onboarding; diagnostics: Diagnostic[] }> {
	const result = await loadYamlFile(OnboardingSchema, rootDir, file);
	if (!result) return { diagnostics: [] };
	if (!result.data) return { diagnostics: result.diagnostics };
	const diagnostics = [...result.diagnostics];
	const roles = new Set(targets.flowcharts.flatMap((f) => Object.keys(f.data.roles)));
	const known: Record<string, string[]> = {
		page: [...targets.pages],
		flowchart: [...targets.flowcharts.map((f) => f.id), ...(targets.broken ?? [])],
		metrics: [...targets.flowcharts.map((f) => f.id), ...(targets.broken ?? [])],
		role: [...roles],
	};
	result.data.items.forEach((item, i) => {
		const [kind = "", id] = item.ref.split(":");
		if (id === undefined) return;
		const ids = known[kind] ?? [];
		if (ids.includes(id)) return;
		diagnostics.push({
			severity: "error",
			file,
			...result.locate(["items", i, "ref"]),
			code: "unknown-ref",
			message: `onboarding item ${i + 1}: ${kind} "${id}" does not exist${didYouMean(id, ids)}`,
			hint: `Known ${kind} ids: ${ids.join(", ") || "none"}.`,
		});
	});
	return { onboarding: result.data, diagnostics };
}
