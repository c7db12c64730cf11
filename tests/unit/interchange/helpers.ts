/** Shared by the interchange tests: the flowcharts every format must carry, and BPMN's own checks. */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createModdle } from "../../../src/lib/interchange/moddle.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import type { LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";

const require = createRequire(import.meta.url);
const { Linter } = require("bpmnlint");
const NodeResolver = require("bpmnlint/lib/resolver/node-resolver");

/** Every valid flowchart among the samples and test fixtures. */
export function validFlowcharts(): LoadedFlowchart[] {
	const dirs = ["content/flowcharts", "tests/fixtures/flowcharts", "tests/fixtures/mermaid"];
	return dirs.flatMap((dir) =>
		readdirSync(dir)
			.filter((name) => name.endsWith(".yaml"))
			.flatMap((name) => {
				const file = join(dir, name);
				const loaded = loadFlowchartSource(file, readFileSync(file, "utf8")).flowchart;
				return loaded ? [loaded] : [];
			}),
	);
}

/** bpmnlint's recommended rules; returns `error rule element: message` lines. */
export async function lintBpmn(xml: string): Promise<{ errors: string[]; warnings: string[] }> {
	const { rootElement } = await createModdle().fromXML(xml);
	const linter = new Linter({ config: { extends: "bpmnlint:recommended" }, resolver: new NodeResolver() });
	const reports: Record<string, { id: string; message: string; category: string }[]> = await linter.lint(rootElement);
	const lines = Object.entries(reports).flatMap(([rule, list]) =>
		list.map((r) => ({ category: r.category, text: `${rule} ${r.id}: ${r.message}` })),
	);
	return {
		errors: lines.filter((l) => l.category === "error").map((l) => l.text),
		warnings: lines.filter((l) => l.category !== "error").map((l) => l.text),
	};
}
