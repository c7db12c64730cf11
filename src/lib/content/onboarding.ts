/** The onboarding path: schema-checked, and every item must point at something that exists. */
import { existsSync } from "node:fs";
import { join } from "node:path";
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

/** The site reads `content/onboarding.yaml` or `.yml` (src/content.config.ts); the check reads the same one. */
const ONBOARDING_FILES = ["content/onboarding.yaml", "content/onboarding.yml"] as const;

/** Which onboarding file there is, and an error when there are both (the site would show one of them). */
function onboardingFile(rootDir: string): { file: string; diagnostics: Diagnostic[] } {
	const [yaml, yml] = ONBOARDING_FILES.map((f) => existsSync(join(rootDir, f)));
	const diagnostics: Diagnostic[] = [];
	if (yaml && yml) {
		diagnostics.push({
			severity: "error",
			file: ONBOARDING_FILES[1],
			line: 1,
			column: 1,
			code: "duplicate-file",
			message: `there are two onboarding paths, ${ONBOARDING_FILES[0]} and ${ONBOARDING_FILES[1]}`,
			hint: "Keep one of them: the site shows only one onboarding path.",
		});
	}
	return { file: yml && !yaml ? ONBOARDING_FILES[1] : ONBOARDING_FILES[0], diagnostics };
}

export async function loadOnboarding(
	rootDir: string,
	targets: OnboardingTargets,
	path?: string,
): Promise<{ onboarding?: Onboarding; diagnostics: Diagnostic[] }> {
	const found = path === undefined ? onboardingFile(rootDir) : { file: path, diagnostics: [] };
	const file = found.file;
	const result = await loadYamlFile(OnboardingSchema, rootDir, file);
	if (!result) return { diagnostics: found.diagnostics };
	if (!result.data) return { diagnostics: [...found.diagnostics, ...result.diagnostics] };
	const diagnostics = [...found.diagnostics, ...result.diagnostics];
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
