import { readFileSync } from "node:fs";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";

export const FIXTURES = "tests/fixtures/flowcharts";

/** Loads a fixture by name, as the CLI would from the project root. */
export function loadFixture(name: string) {
	const file = `${FIXTURES}/${name}`;
	return loadFlowchartSource(file, readFileSync(file, "utf8"));
}

/** The formatted diagnostics, one per line pair, as an author would read them. */
export function report(name: string): string {
	return `\n${loadFixture(name).diagnostics.map(formatDiagnostic).join("\n")}\n`;
}
