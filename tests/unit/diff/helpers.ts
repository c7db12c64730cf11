import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { type Flowchart, FlowchartSchema, type LoadedFlowchart } from "../../../src/lib/schema/flowchart.ts";

const dir = join(import.meta.dirname, "../../fixtures/diff");

export function fixture(name: string): Flowchart {
	return FlowchartSchema.parse(parse(readFileSync(join(dir, name), "utf8")));
}

export function loaded(id: string, data: Flowchart): LoadedFlowchart {
	return { id, file: `content/flowcharts/${id}.yaml`, data };
}
