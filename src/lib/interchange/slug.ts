/** Ids for imported steps and roles: the schema's alphabet, unique within the flowchart. */
import { idPattern } from "../schema/flowchart.ts";

export function slugId(text: string, fallback: string): string {
	const slug = text
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, "-")
		.replace(/^[^a-z]+|-+$/g, "")
		.slice(0, 40)
		.replace(/-+$/, "");
	return idPattern.test(slug) ? slug : fallback;
}

/** `wanted` made valid and unique among `taken` (which it joins): `review`, `review-2`, ... */
export function uniqueId(wanted: string, taken: Set<string>, fallback: string): string {
	const base = idPattern.test(wanted) ? wanted : slugId(wanted, fallback);
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}
