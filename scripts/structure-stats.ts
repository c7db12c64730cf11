/**
 * Structure figures for refactoring notes: lines per module (top 10), longest functions,
 * import cycles among `src/` modules, and which files parse YAML themselves.
 *
 *   node_modules/.bin/node scripts/structure-stats.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(path);
		return /\.ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
	});
}

const files = sourceFiles(join(root, "src"));
const rel = (path: string) => relative(root, path);
const texts = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));

const lines = files.map((f) => ({ file: rel(f), lines: (texts.get(f) ?? "").split("\n").length }));
lines.sort((a, b) => b.lines - a.lines);
console.log("Lines per module (top 10):");
for (const l of lines.slice(0, 10)) console.log(`  ${String(l.lines).padStart(5)}  ${l.file}`);

/** Every function-like node with its line span; nested functions count on their own too. */
function functionSpans(file: string): { name: string; lines: number }[] {
	const text = texts.get(file) ?? "";
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const out: { name: string; lines: number }[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionLike(node) && "body" in node && node.body) {
			const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
			const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			let name = node.name && ts.isIdentifier(node.name) ? node.name.text : "";
			if (!name && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
				name = node.parent.name.text;
			}
			out.push({ name: `${rel(file)}:${start + 1} ${name || "(anonymous)"}`, lines: end - start + 1 });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return out;
}
const spans = files.flatMap(functionSpans).sort((a, b) => b.lines - a.lines);
console.log("\nLongest functions (top 5):");
for (const s of spans.slice(0, 5)) console.log(`  ${String(s.lines).padStart(5)}  ${s.name}`);
console.log(`  functions over 60 lines: ${spans.filter((s) => s.lines > 60).length}`);

// Import graph over relative imports (type-only imports included: they still tie modules together).
const importPattern = /(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g;
const graph = new Map<string, string[]>();
for (const f of files) {
	const targets: string[] = [];
	for (const m of (texts.get(f) ?? "").matchAll(importPattern)) {
		const target = resolve(dirname(f), m[1] ?? "");
		if (texts.has(target)) targets.push(target);
	}
	graph.set(f, targets);
}

/** Tarjan's strongly connected components; every component of two or more files is a cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const out: string[][] = [];
	const strong = (v: string) => {
		indices.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!indices.has(w)) {
				strong(w);
				low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
		}
		if (low.get(v) === indices.get(v)) {
			const component: string[] = [];
			let w: string | undefined;
			do {
				w = stack.pop();
				if (w === undefined) break;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1) out.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!indices.has(v)) strong(v);
	return out;
}
const found = cycles(graph);
console.log(`\nImport cycles between files (strongly connected groups): ${found.length}`);
for (const c of found) console.log(`  ${c.map(rel).join(" <-> ")}`);

// The same over areas (`src/lib/<area>/`; a file directly in `src/lib/` is its own area): imports should point one way.
const areaOf = (file: string) => {
	const parts = rel(file).split("/");
	return parts[1] === "lib" && parts.length > 3
		? parts.slice(0, 3).join("/")
		: parts[1] === "lib"
			? rel(file)
			: dirname(rel(file));
};
const areas = new Map<string, string[]>();
for (const [f, targets] of graph) {
	const from = areaOf(f);
	const list = areas.get(from) ?? [];
	for (const t of targets) if (areaOf(t) !== from && !list.includes(areaOf(t))) list.push(areaOf(t));
	areas.set(from, list);
}
const areaCycles = cycles(areas);
console.log(`Import cycles between areas: ${areaCycles.length}`);
for (const c of areaCycles) {
	console.log(`  ${c.join(" <-> ")}`);
	// The area-to-area imports inside the cycle, so they can be moved.
	const pairs = new Set<string>();
	for (const [f, targets] of graph)
		for (const t of targets) {
			const [a, b] = [areaOf(f), areaOf(t)];
			if (a !== b && c.includes(a) && c.includes(b)) pairs.add(`${a} -> ${b} (${rel(f)})`);
		}
	for (const p of [...pairs].sort()) console.log(`    ${p}`);
}

const yamlParse = /import\s*\{([^}]*)\}\s*from\s*"(yaml|js-yaml)"/g;
const parsers = files.filter((f) =>
	[...(texts.get(f) ?? "").matchAll(yamlParse)].some((m) =>
		/\b(parse|parseDocument|parseAllDocuments|load)\b/.test(m[1] ?? ""),
	),
);
console.log(`\nFiles that parse YAML themselves: ${parsers.length}`);
for (const p of parsers) console.log(`  ${rel(p)}`);
