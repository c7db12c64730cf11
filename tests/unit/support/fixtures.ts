/**
 * Flowchart fixtures for unit tests of what comes after loading (diagrams, diffs, roles, reviews): data
 * checked by the schema only, without the loader's diagnostics. Tests of the loader itself read fixtures
 * through it (tests/unit/load/helpers.ts); data one area builds by hand stays there (tests/unit/metrics/helpers.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import {
	type Flowchart,
	type FlowchartInput,
	FlowchartSchema,
	type LoadedFlowchart,
} from "../../../src/lib/schema/flowchart.ts";

/** Absolute path of `tests/fixtures/`, with a trailing slash. */
export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** `tests/fixtures/<path>` as flowchart data (throws if the fixture does not fit the schema). */
export function flowchartFixture(path: string): Flowchart {
	return FlowchartSchema.parse(parse(readFileSync(`${FIXTURES_DIR}${path}`, "utf8")));
}

/** A flowchart as the loader hands it on: an id, its file under content/, and data checked by the schema. */
export function loaded(id: string, input: FlowchartInput): LoadedFlowchart {
	return { id, file: `content/flowcharts/${id}.yaml`, data: FlowchartSchema.parse(input) };
}

/** `tests/fixtures/<area>/<name>.yaml` as a loaded flowchart with the id `name`. */
export function loadedFixture(area: string, name: string): LoadedFlowchart {
	return { id: name, file: `tests/fixtures/${area}/${name}.yaml`, data: flowchartFixture(`${area}/${name}.yaml`) };
}
