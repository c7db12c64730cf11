/**
 * JSON Schema for editors (YAML language server), generated from the Zod schema so the two
 * cannot disagree. Input side: fields with defaults are optional for authors.
 */
import { z } from "zod";
import { FlowchartSchema } from "./flowchart.ts";

export const JSON_SCHEMA_ID = "https://flowbook.local/schemas/flowchart.schema.json";

export function flowchartJsonSchema(): Record<string, unknown> {
	const schema = z.toJSONSchema(FlowchartSchema, {
		io: "input",
		target: "draft-2020-12",
		unrepresentable: "any",
		override: (ctx) => {
			// YAML with the core schema reads dates as text; the Date branch only exists for other loaders.
			if (ctx.zodSchema._zod.def.type === "date") {
				for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
				Object.assign(ctx.jsonSchema, { type: "string", format: "date" });
			}
		},
	}) as Record<string, unknown>;
	return { ...schema, $id: JSON_SCHEMA_ID, title: "Flowbook flowchart" };
}

/** The file as committed: stable key order from the schema, tabs, trailing newline. */
export function flowchartJsonSchemaText(): string {
	return `${JSON.stringify(flowchartJsonSchema(), null, "\t")}\n`;
}
