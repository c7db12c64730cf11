/**
 * Structure figures of the source (issue 9 §3), printed as Markdown for docs/benchmarks.md:
 * lines per module, longest functions, import cycles and the modules that parse YAML.
 * Functions and imports are read with the TypeScript compiler API, not with regular expressions.
 *
 *   node_modules/.bin/node bench/structure.ts [--top 15]
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "..");
const topArg = process.argv.indexOf("--top");
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 15;

const files = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" })
	.filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith(".d.ts"))
	.map((f) => `src/${f.split("\\").join("/")}`)
	.sort();

const text = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), "utf8")]));
const lineCount = (s: string) => s.split("\n").length - (s.endsWith("\n") ? 1 : 0);

/** The frontmatter script of an .astro file, where its imports and functions are. */
function scriptOf(file: string): string {
	const source = text.get(file) ?? "";
	if (!file.endsWith(".astro")) return source;
	const m = /^---\n([\s\S]*?)\n---/.exec(source);
	return m?.[1] ?? "";
}

const sources = new Map(
	files.map((f) => [f, ts.createSourceFile(f, scriptOf(f), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)]),
);

// ------------------------------------------------------------------------------------------------- functions

interface Fn {
	file: string;
	name: string;
	lines: number;
	line: number;
}

function nameOf(node: ts.Node): string {
	const named = node as ts.Node & { name?: ts.Node };
	if (named.name && ts.isIdentifier(named.name)) return named.name.text;
	const parent = node.parent;
	if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
	if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
	if (parent && ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
	return "(anonymous)";
}

function functionsOf(file: string, sf: ts.SourceFile): Fn[] {
	const out: Fn[] = [];
	const visit = (node: ts.Node) => {
		if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
			const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
			const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
			out.push({ file, name: nameOf(node), lines: end - start + 1, line: start + 1 });
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return out;
}

// --------------------------------------------------------------------------------------------------- imports

/** Relative imports of a module, resolved to files under src/; `typeOnly` imports vanish at run time. */
function importsOf(file: string, sf: ts.SourceFile): { to: string; typeOnly: boolean }[] {
	const out: { to: string; typeOnly: boolean }[] = [];
	for (const st of sf.statements) {
		let spec: string | undefined;
		let typeOnly = false;
		if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
			spec = st.moduleSpecifier.text;
			const clause = st.importClause;
			const named = clause?.namedBindings;
			typeOnly =
				clause?.phaseModifier === ts.SyntaxKind.TypeKeyword ||
				(clause !== undefined &&
					!clause.name &&
					named !== undefined &&
					ts.isNamedImports(named) &&
					named.elements.length > 0 &&
					named.elements.every((e) => e.isTypeOnly));
		} else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
			spec = st.moduleSpecifier.text;
			typeOnly = st.isTypeOnly;
		}
		if (!spec?.startsWith(".")) continue;
		const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
			.split("\\")
			.join("/");
		if (text.has(target)) out.push({ to: target, typeOnly });
	}
	return out;
}

/** Strongly connected components with more than one module (or a module importing itself): Tarjan. */
function cycles(graph: Map<string, string[]>): string[][] {
	let index = 0;
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const on = new Set<string>();
	const out: string[][] = [];
	const connect = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!idx.has(w)) {
				connect(w);
				low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
			} else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
		}
		if (low.get(v) === idx.get(v)) {
			const scc: string[] = [];
			let w: string;
			do {
				w = stack.pop() as string;
				on.delete(w);
				scc.push(w);
			} while (w !== v);
			if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
		}
	};
	for (const v of graph.keys()) if (!idx.has(v)) connect(v);
	return out;
}

// ---------------------------------------------------------------------------------------------------- report

const fns = [...sources].flatMap(([f, sf]) => functionsOf(f, sf)).sort((a, b) => b.lines - a.lines);
const runtime = new Map<string, string[]>();
const all = new Map<string, string[]>();
for (const [f, sf] of sources) {
	const imports = importsOf(f, sf);
	all.set(
		f,
		imports.map((i) => i.to),
	);
	runtime.set(
		f,
		imports.filter((i) => !i.typeOnly).map((i) => i.to),
	);
}
/** `src/lib/<area>/` for area modules, the file itself for a module at the top of src/lib/, else `src/<dir>/`. */
function areaOf(file: string): string {
	const parts = file.split("/");
	if (parts[1] === "lib") return parts.length > 3 ? `src/lib/${parts[2]}/` : file;
	return parts.length > 2 ? `src/${parts[1]}/` : file;
}
const areaGraph = new Map<string, string[]>();
for (const [f, targets] of runtime) {
	const from = areaOf(f);
	const list = areaGraph.get(from) ?? [];
	for (const t of targets) if (areaOf(t) !== from && !list.includes(areaOf(t))) list.push(areaOf(t));
	areaGraph.set(from, list);
}
const areaCycles = cycles(areaGraph);
/** Imports from area `a` into area `b`. */
const importsBetween = (a: string, b: string) =>
	[...runtime].flatMap(([f, targets]) =>
		areaOf(f) === a ? targets.filter((t) => areaOf(t) === b).map((t) => `${f} → ${t}`) : [],
	);
/** Areas that import each other directly: the plainest way imports fail to point one way. */
const mutual = [...areaGraph].flatMap(([a, targets]) =>
	targets.filter((b) => a < b && (areaGraph.get(b) ?? []).includes(a)).map((b) => [a, b] as const),
);
const yamlParsers = files.filter((f) => {
	const s = scriptOf(f);
	return /from "(yaml|js-yaml)"/.test(s) && /\b(parse|parseDocument|parseAllDocuments|load|Parser|Composer)\b/.test(s);
});
const configImports = files.filter((f) => /from "[./]*flowbook\.config\.ts"/.test(scriptOf(f)));
const areaLines = new Map<string, number>();
for (const f of files.filter((f) => f.startsWith("src/lib/"))) {
	const area = f.split("/").length > 3 ? `src/lib/${f.split("/")[2]}/` : f;
	areaLines.set(area, (areaLines.get(area) ?? 0) + lineCount(text.get(f) ?? ""));
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const out: string[] = [];
const totalLines = files.reduce((n, f) => n + lineCount(text.get(f) ?? ""), 0);
out.push(`Source files: ${files.length} (.ts and .astro under src/), ${totalLines.toLocaleString("en-US")} lines.`, "");
out.push(`Largest modules (lines, top ${TOP}):`, "", row(["Module", "Lines"]), row(["---", "---:"]));
for (const f of [...files].sort((a, b) => lineCount(text.get(b) ?? "") - lineCount(text.get(a) ?? "")).slice(0, TOP))
	out.push(row([`\`${f}\``, lineCount(text.get(f) ?? "")]));
out.push("", "Lines per area of src/lib (top 10):", "", row(["Area", "Lines"]), row(["---", "---:"]));
for (const [a, n] of [...areaLines].sort((x, y) => y[1] - x[1]).slice(0, 10)) out.push(row([`\`${a}\``, n]));
out.push("", "Longest functions (lines, first to last line of the body; top 10):", "");
out.push(row(["Function", "Where", "Lines"]), row(["---", "---", "---:"]));
for (const fn of fns.slice(0, 10)) out.push(row([`\`${fn.name}\``, `\`${fn.file}:${fn.line}\``, fn.lines]));
const over = (n: number) => fns.filter((f) => f.lines > n).length;
out.push("", `Functions: ${fns.length}; longer than 50 lines: ${over(50)}; longer than 100 lines: ${over(100)}.`);
const rc = cycles(runtime);
const ac = cycles(all);
out.push(
	"",
	`Import cycles (strongly connected groups of modules): ${rc.length} at run time, ${ac.length} counting \`import type\`.`,
);
for (const c of ac)
	out.push(`- ${rc.some((r) => r.join() === c.join()) ? "" : "(types only) "}${c.map((m) => `\`${m}\``).join(", ")}`);
out.push("", `Cycles between areas (\`src/lib/<area>/\`, \`src/<dir>/\`; run-time imports): ${areaCycles.length}`);
for (const group of areaCycles) out.push(`- ${group.map((a) => `\`${a}\``).join(", ")}`);
out.push("", `Pairs of areas that import each other directly: ${mutual.length}`);
for (const [a, b] of mutual) {
	const there = importsBetween(a, b);
	const back = importsBetween(b, a);
	const show = (edges: string[]) => `\`${edges[0]}\`${edges.length > 1 ? ` (+${edges.length - 1})` : ""}`;
	out.push(`- \`${a}\` ⇄ \`${b}\`: ${show(there)}; ${show(back)}`);
}
out.push("", `Modules that parse YAML themselves (import \`yaml\` or \`js-yaml\`): ${yamlParsers.length}`);
for (const f of yamlParsers) out.push(`- \`${f}\``);
out.push("", `Modules importing \`flowbook.config.ts\` directly: ${configImports.length}`);
for (const f of configImports) out.push(`- \`${f}\``);
console.log(out.join("\n"));
