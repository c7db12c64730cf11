import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { syntheticFlowchart } from "../../../bench/validate.ts";
import { loadCleanFlowchart } from "../../../src/lib/load/fast-path.ts";
import { fastParseYaml } from "../../../src/lib/load/fast-yaml.ts";
import { loadFlowchartSource } from "../../../src/lib/load/load-flowcharts.ts";
import { parseYaml } from "../../../src/lib/load/parse-yaml.ts";

function yamlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return yamlFiles(path);
		return /\.ya?ml$/.test(name) ? [path] : [];
	});
}

/** The fast reader either declines or gives exactly what the `yaml` package gives. */
function agrees(text: string): "fast" | "declined" {
	const fast = fastParseYaml(text);
	if (fast === undefined) return "declined";
	// The options of src/lib/load/parse-yaml.ts.
	expect(fast).toStrictEqual(parse(text, { uniqueKeys: true, merge: true }));
	return "fast";
}

describe("fastParseYaml", () => {
	it("reads the sample flowcharts and the benchmark's exactly as yaml does", () => {
		for (const file of yamlFiles("content/flowcharts")) expect(agrees(readFileSync(file, "utf8")), file).toBe("fast");
		expect(agrees(syntheticFlowchart(7, 30))).toBe("fast");
	});

	it("never disagrees with yaml on any fixture or content file", () => {
		const files = [...yamlFiles("tests/fixtures"), ...yamlFiles("content")];
		expect(files.length).toBeGreaterThan(30);
		for (const file of files) agrees(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
	});

	it.each([
		[
			"numbers, strings that look like numbers, dates",
			"a: 1\nb: -2\nc: 1.5\nd: 50%\ne: 2026-09-01\nf: 014\ng: +3\nh: 1.\n",
		],
		[
			"quotes, comments and colons",
			"a: \"x: y # z\" # c\nb: 'it is'\nc: http://x.example/a#b\nd: v # note\ne: # empty\n",
		],
		[
			"flow lists and nested blocks",
			'a: [x, y_1, z-2]\nb: []\nc:\n  - id: s\n    next:\n      - to: t\n        when: "Yes"\n  - plain\n',
		],
		["null values", "a:\nb: 1\n"],
	])("agrees on %s", (_name, text) => {
		expect(agrees(text)).toBe("fast");
	});

	it.each([
		["booleans and nulls", "a: true\nb: ~\nc: null\n"],
		["hex and exponents", "a: 0x1F\nb: 1e3\n"],
		["binary-looking numbers", "a: 0b101\n"],
		["anchors and aliases", "a: &x 1\nb: *x\n"],
		["tags", "a: !!str 1\n"],
		["block scalars", "a: |\n  text\nb: >\n  folded\n  text\n"],
		["multi-line plain scalars", "a: one\n  two\n"],
		["escapes", 'a: "x\\ty"\n'],
		["doubled single quotes", "a: 'it''s'\n"],
		["flow lists of numbers", "a: [1, 2]\n"],
		["flow maps", "a: {b: 1, c: [x, 'y']}\n"],
		["a sequence at the key's indentation", "a:\n- x\n"],
		["CRLF line ends", "a: 1\r\nb: 2\r\n"],
		["a document marker", "---\na: 1\n"],
		["a top-level list", "- a\n"],
		["quoted keys", '"a": 1\n'],
		["merge-looking keys", "<<: {a: 1}\n"],
	])("never disagrees with yaml on %s", (_name, text) => {
		agrees(text);
	});

	it.each([
		["duplicate keys", "a: 1\na: 2\n"],
		["nested mappings on one line", "a: b: c\n"],
		["bad indentation", "a:\n  b: 1\n c: 2\n"],
		["several documents", "a: 1\n---\nb: 2\n"],
		["binary numbers", "a: 0b101\n"],
		[
			"an alias bomb",
			`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
		],
	])("declines %s", (_name, text) => {
		expect(fastParseYaml(text)).toBeUndefined();
	});
});

describe("loadFlowchartSource fast path", () => {
	it("reads `<<: *anchor` merge keys as the full parser and Astro's YAML reader (js-yaml's default schema) do", () => {
		const text = "base: &b { label: A, tasks: [x] }\nstep:\n  <<: *b\n  label: B\nboth:\n  <<: [*b, { owner: ae }]\n";
		const merged = {
			base: { label: "A", tasks: ["x"] },
			step: { label: "B", tasks: ["x"] },
			both: { label: "A", tasks: ["x"], owner: "ae" },
		};
		expect(agrees(text)).toBe("fast");
		expect(fastParseYaml(text)).toStrictEqual(merged);
		expect(parseYaml("x.yaml", text).value).toStrictEqual(merged);
		expect(load(text)).toStrictEqual(merged);
	});

	it("gives the same flowchart as the full path for a clean file", () => {
		const text = readFileSync("content/flowcharts/b2b.yaml", "utf8");
		const fast = loadCleanFlowchart("b2b", "content/flowcharts/b2b.yaml", text);
		expect(fast?.flowchart.data).toStrictEqual(
			loadFlowchartSource("content/flowcharts/b2b.yaml", `${text}\n# x: [`).flowchart?.data,
		);
	});

	it("leaves files with warnings or errors to the full path, which locates them", () => {
		for (const file of yamlFiles("tests/fixtures/flowcharts")) {
			const result = loadFlowchartSource(file, readFileSync(file, "utf8"));
			if (result.diagnostics.length > 0)
				expect(loadCleanFlowchart("x", file, readFileSync(file, "utf8"))).toBeUndefined();
		}
	});
});
