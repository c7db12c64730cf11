/** Writes an imported flowchart as YAML in the key order people write by hand, with the schema line. */
import { stringify } from "yaml";
import type { FlowchartInput } from "../schema/flowchart.ts";

const topOrder = [
	"title",
	"summary",
	"owner",
	"direction",
	"layout",
	"order",
	"roles",
	"steps",
	"review",
	"conformance",
];
const stepOrder = [
	"id",
	"type",
	"label",
	"outcome",
	"description",
	"responsible",
	"accountable",
	"consulted",
	"informed",
	"tasks",
	"entry",
	"exit",
	"metrics",
	"automations",
	"next",
];

function ordered<T extends object>(value: T, order: readonly string[]): T {
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	entries.sort(([a], [b]) => rank(order, a) - rank(order, b));
	return Object.fromEntries(entries) as T;
}

const rank = (order: readonly string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

export function flowchartYaml(data: FlowchartInput, note: string): string {
	const doc = ordered({ ...data, steps: data.steps.map((s) => ordered(s, stepOrder)) }, topOrder);
	const header = `# yaml-language-server: $schema=../../public/schemas/flowchart.schema.json\n# ${note}\n`;
	return header + stringify(doc, { lineWidth: 0 });
}
