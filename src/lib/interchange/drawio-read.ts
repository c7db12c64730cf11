/**
 * Reads the cells of a draw.io diagram with their line and column: `.drawio` files plain or
 * compressed (deflate-raw + base64 + URI-encoding, draw.io's default for years), and `.drawio.svg`
 * images that carry the file in their `content` attribute. Uses saxen, the XML parser bpmn-moddle uses.
 */
import { inflateRawSync } from "node:zlib";
import { Parser } from "saxen";

export interface DrawioCell {
	id: string;
	value: string;
	style: string;
	vertex: boolean;
	edge: boolean;
	parent?: string;
	source?: string;
	target?: string;
	line: number;
	column: number;
}

export interface DrawioRead {
	cells: DrawioCell[];
	pageName?: string;
	problems: { line: number; column: number; message: string; severity: "error" | "warning" }[];
}

interface Tag {
	name: string;
	attrs: Record<string, string>;
	line: number;
	column: number;
	text: string;
}

/** Every element of an XML text with its attributes, text and position; a parse error is reported. */
function readTags(
	xml: string,
	at?: { line: number; column: number },
): { tags: Tag[]; error?: { line: number; column: number; message: string } } {
	const tags: Tag[] = [];
	const open: Tag[] = [];
	let error: { line: number; column: number; message: string } | undefined;
	const parser = new Parser();
	parser.on("openTag", (name, attrs, decode, selfClosing, context) => {
		const { line, column } = context();
		const values = Object.fromEntries(Object.entries(attrs()).map(([k, v]) => [k, decode(v)]));
		const tag = { name, attrs: values, line: at?.line ?? line + 1, column: at?.column ?? column + 1, text: "" };
		tags.push(tag);
		if (!selfClosing) open.push(tag);
	});
	parser.on("closeTag", () => {
		open.pop();
	});
	parser.on("text", (value, decode) => {
		const current = open.at(-1);
		if (current) current.text += decode(value);
	});
	parser.on("error", (e, context) => {
		const { line, column } = context();
		error ??= {
			line: at?.line ?? line + 1,
			column: at?.column ?? column + 1,
			message: e.message.split("\n")[0] ?? e.message,
		};
	});
	parser.parse(xml);
	return { tags, ...(error ? { error } : {}) };
}

export function readDrawio(text: string): DrawioRead {
	const problems: DrawioRead["problems"] = [];
	let { tags, error } = readTags(text);
	if (error)
		return {
			cells: [],
			problems: [{ ...error, severity: "error", message: `this is not readable XML: ${error.message}` }],
		};
	const svg = tags[0]?.name === "svg" ? tags[0] : undefined;
	if (svg) {
		const content = svg.attrs.content;
		if (!content?.includes("<mxfile") && !content?.includes("<mxGraphModel"))
			return {
				cells: [],
				problems: [
					{
						line: svg.line,
						column: svg.column,
						severity: "error",
						message: "this SVG holds no draw.io diagram (no `content` attribute with an <mxfile>)",
					},
				],
			};
		({ tags, error } = readTags(content, svg));
		if (error)
			return {
				cells: [],
				problems: [
					{ ...error, severity: "error", message: `the diagram inside the SVG is not readable: ${error.message}` },
				],
			};
	}
	return cellsOf(tags, problems);
}

function cellsOf(tags: Tag[], problems: DrawioRead["problems"]): DrawioRead {
	const diagrams = tags.filter((t) => t.name === "diagram");
	for (const other of diagrams.slice(1))
		problems.push({
			line: other.line,
			column: other.column,
			severity: "warning",
			message: `the page "${other.attrs.name ?? other.attrs.id}" is left out: one page becomes one flowchart`,
		});
	const page = diagrams[0];
	if (page && !tags.some((t) => t.name === "mxGraphModel")) return compressed(page, problems);
	const firstPageEnd = diagrams[1] ? tags.indexOf(diagrams[1]) : tags.length;
	return {
		cells: toCells(tags.slice(0, firstPageEnd)),
		...(page?.attrs.name ? { pageName: page.attrs.name } : {}),
		problems,
	};
}

/** A compressed page: base64 → deflate-raw → URI-encoded XML. Positions point at the page element. */
function compressed(page: Tag, problems: DrawioRead["problems"]): DrawioRead {
	let xml: string;
	try {
		xml = decodeURIComponent(inflateRawSync(Buffer.from(page.text.trim(), "base64")).toString("utf8"));
	} catch {
		problems.push({
			line: page.line,
			column: page.column,
			severity: "error",
			message: "the compressed diagram on this page cannot be unpacked",
		});
		return { cells: [], problems };
	}
	const { tags, error } = readTags(xml, page);
	if (error)
		problems.push({
			...error,
			severity: "error",
			message: `the compressed diagram is not readable XML: ${error.message}`,
		});
	return { cells: toCells(tags), ...(page.attrs.name ? { pageName: page.attrs.name } : {}), problems };
}

/** mxCells, with `<object label=…>` / `<UserObject>` wrappers folded into the cell they hold. */
function toCells(tags: Tag[]): DrawioCell[] {
	const cells: DrawioCell[] = [];
	let wrapper: Tag | undefined;
	for (const tag of tags) {
		if (tag.name === "object" || tag.name === "UserObject") wrapper = tag;
		if (tag.name !== "mxCell") continue;
		const a: Record<string, string | undefined> = wrapper
			? { ...tag.attrs, id: wrapper.attrs.id ?? tag.attrs.id, value: wrapper.attrs.label ?? "" }
			: tag.attrs;
		const where = wrapper ?? tag;
		wrapper = undefined;
		cells.push({
			id: a.id ?? "",
			value: a.value ?? "",
			style: a.style ?? "",
			vertex: a.vertex === "1",
			edge: a.edge === "1",
			...(a.parent ? { parent: a.parent } : {}),
			...(a.source ? { source: a.source } : {}),
			...(a.target ? { target: a.target } : {}),
			line: where.line,
			column: where.column,
		});
	}
	return cells;
}
