/**
 * Chart SVGs kept between builds. Drawing the metrics charts with Vega is most of a warm build's chart time, and a
 * drawing depends only on the Vega-Lite spec (data, locale and style are all in it) and on the Vega versions: a
 * spec drawn before is read back from `<cacheDir>/<digest>.svg`. Drawings no build uses any more are pruned
 * (prune.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packageVersion, textKey } from "../cache/digest.ts";
import { noteUsed } from "../cache/prune.ts";
import { writeFileAtomic } from "../cache/write-file.ts";

export const DEFAULT_CHART_CACHE = ".cache/flowbook/charts";

const DRAWING_PACKAGES = ["vega", "vega-lite", "vega-scenegraph"];

let versions: Promise<string | undefined> | undefined;

/** The drawing packages' versions, or undefined when one cannot be found (then nothing is cached). */
function vegaVersions(): Promise<string | undefined> {
	versions ??= Promise.all(DRAWING_PACKAGES.map((name) => packageVersion(name, import.meta.url))).then((found) =>
		found.every((v) => v !== undefined)
			? DRAWING_PACKAGES.map((name, i) => `${name}@${found[i]}`).join(" ")
			: undefined,
	);
	return versions;
}

/** The SVG `draw` makes of `spec`: read from `cacheDir` when drawn before, else drawn and kept there. */
export async function cachedSvg(
	cacheDir: string | undefined,
	spec: unknown,
	draw: () => Promise<string>,
): Promise<string> {
	const drawn = cacheDir ? await vegaVersions() : undefined;
	if (!cacheDir || !drawn) return draw();
	const name = `${textKey(drawn, JSON.stringify(spec))}.svg`;
	const file = join(cacheDir, name);
	try {
		const kept = await readFile(file, "utf8");
		noteUsed(cacheDir, name);
		return kept;
	} catch {
		// Not drawn yet.
	}
	noteUsed(cacheDir, name);
	const svg = await draw();
	await writeFileAtomic(file, svg).catch(() => {
		// A cache that cannot be written costs the next build a drawing, never this one its chart.
	});
	return svg;
}

/** Clip path and gradient ids as Vega writes them: `clip3`, `gradient_0`, and a pattern's `p_gradient_0`. */
const DEF_ID = /(id="|url\(#|href="#)(p_)?(clip\d+|gradient_\d+)(?=[")])/g;

/**
 * Vega numbers clip paths and gradients with counters global to the process, so a chart's ids depend on how many
 * charts were drawn before it: a kept drawing could clash with a new one on the same page, and a build would not
 * be byte-identical to one that drew everything. Renumbers them in order under a prefix of the chart's own.
 */
export function stableDefIds(svg: string, prefix: string): string {
	const ids = new Map<string, string>();
	return svg.replace(DEF_ID, (_, lead: string, pattern: string | undefined, id: string) => {
		let renamed = ids.get(id);
		if (!renamed) {
			renamed = `${prefix}${ids.size + 1}`;
			ids.set(id, renamed);
		}
		return `${lead}${pattern ?? ""}${renamed}`;
	});
}
