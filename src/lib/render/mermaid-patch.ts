/**
 * A speed patch for the Mermaid bundle loaded into the render page.
 *
 * Mermaid's internal `getConfig()` deep-copies the whole configuration (about 840 properties: every diagram type's
 * section and ~270 theme variables) with `assignWithDepth`, one `Object.defineProperty` per property, and a
 * flowchart render calls it a few hundred times: about half of a warm render in Chromium (measured with the CDP
 * profiler, see docs/benchmarks.md). The patch keeps Mermaid's own copy of the current configuration, made once
 * per configuration change, and hands each caller its own copy of it. Callers still get their own object, so a caller
 * that mutates its copy changes nothing for the others, as before.
 *
 * The copy is lazy at the top level: plain values are copied, and each of the ~34 sections (`flowchart`,
 * `themeVariables`, one per diagram type…) is deep-cloned only when the caller first reads or replaces it. A flowchart
 * render calls getConfig ~135 times and each caller reads one or two sections: a deep clone per call was 21% of
 * Chromium's time in a fence render, the lazy copy under 3% (CDP profiler, docs/benchmarks.md). The
 * sections are own, enumerable accessor properties in the original order, so spreading, `Object.keys` and
 * `JSON.stringify` see the same object as before; a read or write turns the accessor into a plain data property.
 *
 * The bundle is minified, so the patch matches the shape `X=n(()=>assign({},current),"getConfig")`. When that is
 * not found exactly once (a Mermaid upgrade), the bundle is used unpatched: slower, same output.
 */

/** Runs in the page before the Mermaid bundle; defines the cheap copy the patched `getConfig` calls. */
export const CONFIG_COPY_SCRIPT = `(() => {
	let source;
	let factory;
	const define = (o, k, value) =>
		Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
	const clone = (v) => {
		if (Array.isArray(v)) return v.map(clone);
		if (v === null || typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) return v;
		const o = {};
		for (const k of Object.keys(v)) {
			// A plain store of "__proto__" would set the prototype; Mermaid defines it as an own property.
			if (k === "__proto__") define(o, k, clone(v[k]));
			else o[k] = clone(v[k]);
		}
		return o;
	};
	// One factory per configuration, compiled from an object literal with a getter and setter per section: V8 creates
	// such a literal ~5x faster than Object.defineProperties with the same descriptors. Only key names that are plain
	// identifiers are written into the code; values are always read from the snapshot, never written as code.
	const factoryFor = (snapshot) => {
		const keys = Object.keys(snapshot);
		const section = (o, k) => {
			const value = clone(snapshot[k]);
			define(o, k, value);
			return value;
		};
		// Mermaid's keys are identifiers; anything else (or "__proto__", which a literal would treat as the
		// prototype) is written as a computed key, the slower path.
		const name = (i) => (/^[A-Za-z_$][\\w$]*$/.test(keys[i]) && keys[i] !== "__proto__" ? keys[i] : \`[k[\${i}]]\`);
		const parts = keys.map((k, i) => {
			const v = snapshot[k];
			return v !== null && typeof v === "object"
				? \`get \${name(i)}() { return section(this, k[\${i}]); }, set \${name(i)}(v) { define(this, k[\${i}], v); }\`
				: \`\${name(i)}: s[k[\${i}]]\`;
		});
		const body = \`return function flowbookConfigCopy() { return { \${parts.join(", ")} }; };
//# sourceURL=flowbook-config-copy-literal.js\`;
		return new Function("s", "k", "section", "define", body)(snapshot, keys, section, define);
	};
	globalThis.__flowbookConfigCopy = (assign, current) => {
		if (source !== current) {
			factory = factoryFor(assign({}, current));
			source = current;
		}
		return factory();
	};
})();
//# sourceURL=flowbook-config-copy.js`;

/** `X=n(()=>assign({},current),"getConfig")`, ending where the text it is tried on ends. */
const GET_CONFIG = /([\w$]+)=([\w$]+)\(\(\)=>([\w$]+)\(\{\},([\w$]+)\),"getConfig"\)$/;
const MARK = ',"getConfig")';
/** Enough text before the mark for the whole definition: minified names are a few characters. */
const WINDOW = 200;

export interface PatchedMermaid {
	script: string;
	/** False when the bundle did not have the expected shape; `script` is then the bundle unchanged. */
	patched: boolean;
}

/** Where each `getConfig` definition ends and what it says; found from the name, since a regex over 3 MB is slow. */
function getConfigDefinitions(bundle: string): { start: number; end: number; match: RegExpExecArray }[] {
	const found = [];
	for (let at = bundle.indexOf(MARK); at >= 0; at = bundle.indexOf(MARK, at + 1)) {
		const end = at + MARK.length;
		const from = Math.max(0, end - WINDOW);
		const match = GET_CONFIG.exec(bundle.slice(from, end));
		if (match) found.push({ start: from + match.index, end, match });
	}
	return found;
}

export function patchMermaidScript(bundle: string): PatchedMermaid {
	const found = getConfigDefinitions(bundle);
	if (found.length !== 1) return { script: bundle, patched: false };
	const { start, end, match } = found[0] as (typeof found)[number];
	const [, name, wrap, assign, current] = match;
	const patched = `${name}=${wrap}(()=>globalThis.__flowbookConfigCopy(${assign},${current}),"getConfig")`;
	return { script: `${bundle.slice(0, start)}${patched}${bundle.slice(end)}`, patched: true };
}
