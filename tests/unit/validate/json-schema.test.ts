import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flowchartJsonSchema, flowchartJsonSchemaText } from "../../../src/lib/schema/json-schema.ts";

const COMMITTED = "public/schemas/flowchart.schema.json";

/** Every `properties` entry anywhere in the schema, with its JSON pointer. */
function properties(node: unknown, pointer = ""): [string, Record<string, unknown>][] {
	if (node === null || typeof node !== "object") return [];
	const out: [string, Record<string, unknown>][] = [];
	const record = node as Record<string, unknown>;
	if (record.properties && typeof record.properties === "object") {
		for (const [key, value] of Object.entries(record.properties)) {
			out.push([`${pointer}/properties/${key}`, value as Record<string, unknown>]);
		}
	}
	for (const [key, value] of Object.entries(record)) out.push(...properties(value, `${pointer}/${key}`));
	return out;
}

describe("flowchart.schema.json", () => {
	it("is up to date (run `node scripts/generate-json-schema.ts`)", () => {
		expect(readFileSync(COMMITTED, "utf8")).toBe(flowchartJsonSchemaText());
	});

	it("describes every property", () => {
		const props = properties(flowchartJsonSchema());
		expect(props.length).toBeGreaterThan(40);
		expect(props.filter(([, schema]) => typeof schema.description !== "string").map(([p]) => p)).toEqual([]);
	});

	it("is strict and treats defaulted fields as optional", () => {
		const schema = flowchartJsonSchema() as {
			additionalProperties: unknown;
			required: string[];
			properties: { steps: { items: { required: string[]; additionalProperties: unknown } } };
		};
		expect(schema.additionalProperties).toBe(false);
		expect(schema.required).toEqual(["title", "roles", "steps"]);
		expect(schema.properties.steps.items.required).toEqual(["id", "label"]);
		expect(schema.properties.steps.items.additionalProperties).toBe(false);
	});
});
