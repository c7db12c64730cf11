/**
 * Zod issues → messages a sales-ops author can act on: what is wrong, where (named by step id),
 * and how to fix it. Works after parsing, with the input data at hand, so messages can quote
 * the offending value and name the step it sits in.
 */
import type { z } from "zod";
import { didYouMean } from "../text/suggest.ts";
import { FlowchartSchema, idPattern } from "./flowchart.ts";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export interface FriendlyIssue {
	/** Where to point: the value at `path`, or its key (`target: "key"`) for unknown or invalid keys. */
	path: PropertyKey[];
	target: "key" | "value";
	code: string;
	message: string;
	hint?: string;
}

/** Every Zod issue becomes one or more friendly issues (one per unknown key). */
export function friendlyIssues(
	issues: readonly Issue[],
	input: unknown,
	schema: z.core.$ZodType = FlowchartSchema,
): FriendlyIssue[] {
	const out: FriendlyIssue[] = [];
	for (const issue of issues) collect(issue, [], input, schema, out);
	return out;
}

function collect(issue: Issue, prefix: Path, input: unknown, schema: z.core.$ZodType, out: FriendlyIssue[]): void {
	const path = [...prefix, ...issue.path];
	const value = valueAt(input, path);
	const where = describePlace(path, input);
	const fieldDoc = descriptionAt(schema, path);

	switch (issue.code) {
		case "invalid_type": {
			if (value === undefined) {
				const name = String(path[path.length - 1]);
				out.push({
					path,
					target: "value",
					code: "missing-field",
					message: `${where.prefix}missing required field \`${name}\``,
					hint: `Add \`${name}: …\`${fieldDoc ? ` (${lowerFirst(fieldDoc)})` : ""}.`,
				});
				return;
			}
			if (path.length === 0) {
				out.push({
					path,
					target: "value",
					code: "not-a-mapping",
					message: `the file must be a mapping with \`title\`, \`roles\` and \`steps\`, got ${describeValue(value)}`,
					hint: "Start the file with `title: …` on its own line, then `roles:` and `steps:`.",
				});
				return;
			}
			out.push({
				path,
				target: "value",
				code: "wrong-type",
				message: `${where.subject} must be ${expectedName(issue.expected)}, got ${describeValue(value)}`,
				hint: typeHint(issue.expected, value, where.field) ?? fieldDoc,
			});
			return;
		}
		case "unrecognized_keys": {
			const allowed = keysAt(schema, path);
			for (const key of issue.keys) {
				const container = where.field ? ` in \`${where.field}\`` : path.length === 0 ? " at the top level" : "";
				out.push({
					path: [...path, key],
					target: "key",
					code: "unknown-key",
					message: `${where.prefix}unknown key \`${key}\`${container}${didYouMean(key, allowed, "`")}`,
					hint: allowed.length > 0 ? `Allowed keys here: ${allowed.join(", ")}.` : undefined,
				});
			}
			return;
		}
		case "invalid_value": {
			const options = issue.values.map((v) => String(v));
			out.push({
				path,
				target: "value",
				code: "invalid-value",
				message: `${where.subject} must be one of ${options.join(", ")}; got ${describeValue(value)}${
					typeof value === "string" ? didYouMean(value, options) : ""
				}`,
				hint: fieldDoc,
			});
			return;
		}
		case "invalid_format": {
			if (issue.format === "regex" && issue.pattern === String(idPattern) && typeof value === "string") {
				out.push(invalidId(path, "value", `${where.subject} ${JSON.stringify(value)} is not a valid id`, value));
				return;
			}
			const rule = issue.format === "email" ? "must be an e-mail address such as 'ana@example.com'" : issue.message;
			out.push({
				path,
				target: "value",
				code: "invalid-value",
				message: `${where.subject} ${rule}, got ${describeValue(value)}`,
				hint: fieldDoc,
			});
			return;
		}
		case "too_small": {
			if (issue.origin === "number") {
				const bound = Number(issue.minimum);
				const what = issue.inclusive ? `must be at least ${bound}` : `must be more than ${bound}`;
				out.push({
					path,
					target: "value",
					code: "out-of-range",
					message: `${where.subject} ${what}, got ${JSON.stringify(value)}`,
					hint: fieldDoc,
				});
				return;
			}
			const what = issue.origin === "array" ? listMinimum(Number(issue.minimum), where.field) : "must not be empty";
			out.push({ path, target: "value", code: "empty-value", message: `${where.subject} ${what}`, hint: fieldDoc });
			return;
		}
		case "too_big": {
			// Never quote the value: it may be megabytes long.
			const max = Number(issue.maximum).toLocaleString("en-US");
			const size =
				typeof value === "string"
					? `is ${value.length.toLocaleString("en-US")} characters long; at most ${max} are allowed`
					: Array.isArray(value)
						? `has ${value.length.toLocaleString("en-US")} items; at most ${max} are allowed`
						: `must be at most ${max}`;
			out.push({
				path,
				target: "value",
				code: "too-long",
				message: `${where.subject} ${size}`,
				hint:
					typeof value === "string"
						? "Keep diagram text short; put long explanations in a playbook page (content/pages/) and link to it."
						: "Split the process into several flowcharts, one per sales motion.",
			});
			return;
		}
		case "invalid_key": {
			const key = String(path[path.length - 1]);
			out.push(invalidId(path, "key", `${where.prefix}id ${JSON.stringify(key)} is not a valid id`, key));
			return;
		}
		case "invalid_union": {
			// A branch that failed only because the value had another type says nothing; a branch
			// that got further (right type, wrong content) is what the author meant.
			const meaningful = issue.errors.filter(
				(branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0),
			);
			if (meaningful.length === 1 && meaningful[0]) {
				for (const inner of meaningful[0]) collect(inner, path, input, schema, out);
				return;
			}
			out.push({
				path,
				target: "value",
				code: "wrong-type",
				message: `${where.subject} must be ${unionExpectation(path)}, got ${describeValue(value)}`,
				hint: unionHint(path) ?? fieldDoc,
			});
			return;
		}
		default:
			out.push({ path, target: "value", code: "invalid-value", message: `${where.subject}: ${issue.message}` });
	}
}

function invalidId(path: PropertyKey[], target: "key" | "value", message: string, value: string): FriendlyIssue {
	const slug = slugify(value);
	return {
		path,
		target,
		code: "invalid-id",
		message: `${message}: use lower-case letters, digits, '-' and '_', starting with a letter`,
		hint: slug ? `Try ${JSON.stringify(slug)}.` : "Ids name steps and roles in links, e.g. `prospecting` or `ae`.",
	};
}

function slugify(text: string): string {
	return text
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, "-")
		.replace(/^[^a-z]+|-+$/g, "");
}

interface Place {
	/** `step "prospecting": ` or `role "ae": ` or empty. */
	prefix: string;
	/** The field within that place, e.g. `max_days`, `next[0].to`; empty when the place itself is meant. */
	field: string;
	/** What a sentence starts with: prefix plus the field in backticks, or the place itself. */
	subject: string;
}

/** Names the place of a path the way an author thinks of it: by step id rather than by index. */
export function describePlace(path: Path, input: unknown): Place {
	let context = "";
	let rest = path;
	if (path[0] === "steps" && typeof path[1] === "number") {
		const id = valueAt(input, ["steps", path[1], "id"]);
		context = typeof id === "string" && id !== "" ? `step ${JSON.stringify(id)}` : `step #${path[1] + 1}`;
		rest = path.slice(2);
	} else if (path[0] === "roles" && path.length >= 2) {
		context = `role ${JSON.stringify(String(path[1]))}`;
		rest = path.slice(2);
	} else if (path[0] === "review" && path[1] === "log" && typeof path[2] === "number") {
		context = `review #${path[2] + 1}`;
		rest = path.slice(3);
	}
	const field = fieldName(rest);
	const prefix = context ? `${context}: ` : "";
	const subject = field ? `${prefix}\`${field}\`` : context || "the flowchart";
	return { prefix, field, subject };
}

/** `max_days`, `consulted[1]`, `next[0].to`: the last key, with its list parent when inside a list. */
function fieldName(path: Path): string {
	let start = -1;
	for (let i = path.length - 1; i >= 0; i--) {
		if (typeof path[i] === "string") {
			start = i;
			break;
		}
	}
	if (start === -1) return path.map((p) => `[${String(p)}]`).join("");
	if (start >= 2 && typeof path[start - 1] === "number") start -= 2;
	let out = "";
	for (const segment of path.slice(start)) {
		out += typeof segment === "number" ? `[${segment}]` : out ? `.${String(segment)}` : String(segment);
	}
	return out;
}

export function valueAt(input: unknown, path: Path): unknown {
	let node = input;
	for (const segment of path) {
		if (node === null || typeof node !== "object") return undefined;
		node = (node as Record<PropertyKey, unknown>)[segment];
	}
	return node;
}

function describeValue(value: unknown): string {
	if (value === null) return "an empty value";
	if (typeof value === "string")
		return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
	if (typeof value === "number") return `the number ${value}`;
	if (typeof value === "boolean") return `${value}`;
	if (Array.isArray(value)) return "a list";
	if (value instanceof Date) return "a date";
	if (typeof value === "object") return "a mapping of keys and values";
	return String(value);
}

function expectedName(expected: string): string {
	switch (expected) {
		case "string":
			return "text";
		case "number":
			return "a number";
		case "boolean":
			return "true or false";
		case "array":
			return "a list";
		case "object":
		case "record":
			return "a mapping of keys and values";
		default:
			return `a ${expected}`;
	}
}

function typeHint(expected: string, value: unknown, field: string): string | undefined {
	const key = field.replace(/^.*\./, "").replace(/\[\d+\]$/, "") || "key";
	if (value === null) return `Write the value after \`${key}:\` on the same line, or remove the line.`;
	if (expected === "string") return `Put the value in quotes, e.g. \`${key}: "${String(value)}"\`.`;
	if (expected === "number") return `Write a plain number without quotes or units, e.g. \`${key}: 14\`.`;
	if (expected === "array") return `Write a list: one \`- item\` per line under \`${key}:\`.`;
	if (expected === "object") return `Write the fields indented under \`${key}:\`, one \`name: value\` per line.`;
	return undefined;
}

function lastKey(path: Path): string {
	for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return String(path[i]);
	return "";
}

function unionExpectation(path: Path): string {
	if (path[0] === "roles" && path.length === 2)
		return "a display name or a mapping with `name`, `description` and `email`";
	switch (lastKey(path)) {
		case "next":
			return "a step id or a list of {to, when} transitions";
		case "target_conversion":
			return 'a percentage such as "40%" or a number between 0 and 1';
		case "date":
			return "a date written YYYY-MM-DD";
		default:
			return "a value of another kind";
	}
}

function unionHint(path: Path): string | undefined {
	if (path[0] === "roles" && path.length === 2)
		return "Write `ae: Account executive`, or `name:` and `email:` indented under the role id.";
	if (lastKey(path) === "next")
		return "Write `next: <step id>`, or a list of `- to: <step id>` entries, each with an optional `when: <condition>`.";
	return undefined;
}

function listMinimum(minimum: number, field: string): string {
	if (field === "steps") return "must list at least one step";
	return minimum === 1 ? "must list at least one item" : `must list at least ${minimum} items`;
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}

// ---- walking the schema, to name allowed keys and quote field descriptions ----

interface Def {
	type: string;
	innerType?: z.core.$ZodType;
	in?: z.core.$ZodType;
	shape?: Record<string, z.core.$ZodType>;
	element?: z.core.$ZodType;
	valueType?: z.core.$ZodType;
	options?: z.core.$ZodType[];
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;
const descriptionOf = (schema: z.core.$ZodType): string | undefined => (schema as { description?: string }).description;

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
	let current = schema;
	for (;;) {
		const def = defOf(current);
		const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
		if (!inner) return current;
		current = inner;
	}
}

function child(schema: z.core.$ZodType, segment: PropertyKey): z.core.$ZodType | undefined {
	const base = unwrap(schema);
	const def = defOf(base);
	if (def.type === "object") return def.shape?.[String(segment)];
	if (def.type === "array") return typeof segment === "number" ? def.element : undefined;
	if (def.type === "record") return def.valueType;
	if (def.type === "union") {
		for (const option of def.options ?? []) {
			const found = child(option, segment);
			if (found) return found;
		}
	}
	return undefined;
}

function schemaAt(schema: z.core.$ZodType, path: Path): z.core.$ZodType | undefined {
	let current: z.core.$ZodType | undefined = schema;
	for (const segment of path) {
		if (!current) return undefined;
		current = child(current, segment);
	}
	return current;
}

/** The first description found on the field's schema or any wrapper around it. */
function descriptionAt(schema: z.core.$ZodType, path: Path): string | undefined {
	let current = schemaAt(schema, path);
	while (current) {
		const found = descriptionOf(current);
		if (found) return found;
		const def = defOf(current);
		current = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
	}
	return undefined;
}

function keysAt(schema: z.core.$ZodType, path: Path): string[] {
	const found = schemaAt(schema, path);
	if (!found) return [];
	const base = unwrap(found);
	const def = defOf(base);
	if (def.type === "object") return Object.keys(def.shape ?? {});
	for (const option of def.type === "union" ? (def.options ?? []) : []) {
		const optionDef = defOf(unwrap(option));
		if (optionDef.type === "object") return Object.keys(optionDef.shape ?? {});
	}
	return [];
}
