/** Loads a flowchart fixture without the site's loader: parse YAML, validate with the schema. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { FlowchartSchema, type LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";

export const fixtureDir = fileURLToPath(new URL("../../fixtures/mermaid/", import.meta.url));

export function loadFixture(name: string): LoadedFlowchart {
	const file = `${fixtureDir}${name}.yaml`;
	const data = FlowchartSchema.parse(parse(readFileSync(file, "utf8")));
	return { id: name, file: `tests/fixtures/mermaid/${name}.yaml`, data };
}
