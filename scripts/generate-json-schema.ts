/** Writes public/schemas/flowchart.schema.json from the Zod schema. Run after changing the schema. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { flowchartJsonSchemaText } from "../src/lib/schema/json-schema.ts";

export const JSON_SCHEMA_PATH = "public/schemas/flowchart.schema.json";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = resolve(root, JSON_SCHEMA_PATH);
await mkdir(dirname(target), { recursive: true });
await writeFile(target, flowchartJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_PATH}`);
