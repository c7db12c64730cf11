import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CONFIG_COPY_SCRIPT, patchMermaidScript } from "../../../src/lib/render/mermaid-patch.ts";

const require = createRequire(import.meta.url);

describe("patchMermaidScript", () => {
	it("patches the installed Mermaid bundle's getConfig exactly once", () => {
		const bundle = readFileSync(require.resolve("mermaid/dist/mermaid.min.js"), "utf8");
		const { script, patched } = patchMermaidScript(bundle);
		// If this fails after a Mermaid upgrade, renders still work, only slower: update the pattern.
		expect(patched).toBe(true);
		expect(script.match(/__flowbookConfigCopy\(/g)).toHaveLength(1);
	});

	it("leaves a bundle of unknown shape unchanged", () => {
		const bundle = 'var a=n(()=>b({},c),"getConfig"),d=n(()=>b({},e),"getConfig");';
		expect(patchMermaidScript(bundle)).toEqual({ script: bundle, patched: false });
		expect(patchMermaidScript("x=1")).toEqual({ script: "x=1", patched: false });
	});

	it("rewrites only the call, keeping Mermaid's names", () => {
		const { script } = patchMermaidScript('ri=i(()=>Bh({},Uee),"getConfig"),x=1');
		expect(script).toBe('ri=i(()=>globalThis.__flowbookConfigCopy(Bh,Uee),"getConfig"),x=1');
	});

	it("copies like assignWithDepth: a fresh object per call, memoised per configuration object", () => {
		const g = globalThis as { __flowbookConfigCopy?: (a: unknown, c: unknown) => Record<string, unknown> };
		new Function(CONFIG_COPY_SCRIPT)();
		let assigns = 0;
		const assign = (target: object, source: object) => {
			assigns++;
			return Object.assign(target, structuredClone(source));
		};
		const config = { flowchart: { curve: "basis", list: [1, 2] }, theme: "base" };
		const copy = g.__flowbookConfigCopy as (a: unknown, c: unknown) => Record<string, unknown>;
		const a = copy(assign, config);
		const b = copy(assign, config);
		expect(a).toEqual(config);
		expect(a).not.toBe(b);
		expect(a.flowchart).not.toBe(b.flowchart);
		(a.flowchart as { curve: string }).curve = "linear";
		expect((copy(assign, config).flowchart as { curve: string }).curve).toBe("basis");
		expect(assigns).toBe(1);
		copy(assign, { ...config });
		expect(assigns).toBe(2);
		delete g.__flowbookConfigCopy;
	});

	it("a copy reads, spreads, serialises and accepts writes like a plain deep copy", () => {
		const g = globalThis as { __flowbookConfigCopy?: (a: unknown, c: unknown) => Record<string, unknown> };
		new Function(CONFIG_COPY_SCRIPT)();
		const copy = g.__flowbookConfigCopy as (a: unknown, c: unknown) => Record<string, unknown>;
		// Like Mermaid's assignWithDepth: own data properties, "__proto__" included.
		const assign = (target: object, source: Record<string, unknown>) => {
			for (const k of Object.keys(source))
				Object.defineProperty(target, k, {
					value: structuredClone(source[k]),
					writable: true,
					enumerable: true,
					configurable: true,
				});
			return target;
		};
		const config = { theme: "base", flowchart: { padding: 8, list: [{ a: 1 }] }, themeVariables: { x: "#fff" }, n: 0 };
		// Keys that are not identifiers are never written into the generated code as names.
		Object.assign(config, { "a-b": { c: 1 }, "x'); throw 1; ('": 2 });
		Object.defineProperty(config, "__proto__", {
			value: { p: 1 },
			enumerable: true,
			writable: true,
			configurable: true,
		});
		const plain = JSON.stringify(config);
		const a = copy(assign, config);
		// Same keys in the same order, before any section was read; "__proto__" an own key, not the prototype.
		expect(Object.keys(a)).toEqual([
			"theme",
			"flowchart",
			"themeVariables",
			"n",
			"a-b",
			"x'); throw 1; ('",
			"__proto__",
		]);
		expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
		expect(JSON.stringify(a)).toBe(plain);
		expect({ ...copy(assign, config) }).toEqual(config);
		// A write into a section, a replaced section and a new key stay in that copy.
		const b = copy(assign, config);
		((b.flowchart as { list: { a: number }[] }).list[0] as { a: number }).a = 2;
		b.themeVariables = { x: "#000" };
		b.extra = true;
		expect(b.themeVariables).toEqual({ x: "#000" });
		expect(JSON.stringify(copy(assign, config))).toBe(plain);
		expect(JSON.stringify(a)).toBe(plain);
		// Deleting a section works as on a plain object.
		delete b.flowchart;
		expect("flowchart" in b).toBe(false);
		delete g.__flowbookConfigCopy;
	});
});
