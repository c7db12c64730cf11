/**
 * The fast path for files without problems: js-yaml (several times faster than `yaml`, which
 * also builds the syntax tree that positions come from) with the YAML 1.2 core schema, the same
 * schema `yaml` uses (with merge keys, as both read them). It returns `undefined` whenever the result might differ or be unsafe, and
 * the caller then reads the file with `yaml`, which locates every message.
 */
import * as jsYaml from "js-yaml";

// js-yaml exports the types its schemas are made of; @types/js-yaml does not declare them.
const { CORE_SCHEMA, load, types } = jsYaml as typeof jsYaml & { types: { merge: jsYaml.Type } };

/** The 1.2 core schema plus `<<` merge keys, as the full parser reads them (parse-yaml.ts). */
const SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });

/** Far above any flowchart; an alias bomb shares nodes, so walking it blows through this at once. */
const NODE_BUDGET = 100_000;

/** Counts nodes, following shared (aliased) objects every time they appear, up to `budget`. */
function withinBudget(value: unknown, budget: number): boolean {
	let left = budget;
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const node = stack.pop();
		if (--left < 0) return false;
		if (Array.isArray(node)) stack.push(...node);
		else if (node !== null && typeof node === "object") stack.push(...Object.values(node));
	}
	return true;
}

/** The data of `text`, or undefined when the full parser must read it. */
export function fastParseYaml(text: string): unknown {
	// js-yaml reads binary integers (0b101) as numbers; the 1.2 core schema keeps them strings.
	if (/\b0b[01]/.test(text)) return undefined;
	let value: unknown;
	try {
		value = load(text, { schema: SCHEMA });
	} catch {
		// Syntax errors, duplicate keys, several documents: all for the full parser to locate.
		return undefined;
	}
	return withinBudget(value, NODE_BUDGET) ? value : undefined;
}
