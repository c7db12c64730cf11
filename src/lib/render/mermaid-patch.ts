/**
 * A speed patch for the Mermaid bundle loaded into the render page.
 *
 * Mermaid's internal `getConfig()` deep-copies the whole configuration (about 840 properties: every diagram type's
 * section and ~270 theme variables) with `assignWithDepth`, one `Object.defineProperty` per property, and a
 * flowchart render calls it a few hundred times: about half of a warm render in Chromium (measured with the CDP
 * profiler, see docs/benchmarks.md). The patch keeps Mermaid's own copy of the current configuration, made once
 * per configuration change, and hands each caller a plain deep clone of it, about 8x cheaper. Callers still get
 * their own object, so a caller that mutates its copy changes nothing for the others, as before.
 *
 * The bundle is minified, so the patch matches the shape `X=n(()=>assign({},current),"getConfig")`. When that is
 * not found exactly once (a Mermaid upgrade), the bundle is used unpatched: slower, same output.
 */

/** Runs in the page before the Mermaid bundle; defines the cheap copy the patched `getConfig` calls. */
export const CONFIG_COPY_SCRIPT = `(() => {
	let source;
	let snapshot;
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
	globalThis.__flowbookConfigCopy = (assign, current) => {
		if (source !== current) {
			snapshot = assign({}, current);
			source = current;
		}
		return clone(snapshot);
	};
})();`;

const GET_CONFIG = /([\w$]+)=([\w$]+)\(\(\)=>([\w$]+)\(\{\},([\w$]+)\),"getConfig"\)/g;

export interface PatchedMermaid {
	script: string;
	/** False when the bundle did not have the expected shape; `script` is then the bundle unchanged. */
	patched: boolean;
}

export function patchMermaidScript(bundle: string): PatchedMermaid {
	const matches = [...bundle.matchAll(GET_CONFIG)];
	if (matches.length !== 1) return { script: bundle, patched: false };
	const script = bundle.replace(
		GET_CONFIG,
		(_, name: string, wrap: string, assign: string, current: string) =>
			`${name}=${wrap}(()=>globalThis.__flowbookConfigCopy(${assign},${current}),"getConfig")`,
	);
	return { script, patched: true };
}
