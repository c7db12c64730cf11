/**
 * What the diagram cache needs on every build, kept apart from post-processing: a warm build reads every diagram
 * from the cache and renames its ids, and should not load SVGO and csso (~350 of the 700 modules the integration
 * imported, ~0.35 s of CPU) only to learn the version below.
 */

/** Bump when the output of `postprocessSvg` (postprocess.ts) changes, so cached diagrams are rebuilt. */
export const POSTPROCESS_VERSION = "5";

const ID_ATTR = /\sid="([^"]+)"/g;

/**
 * Renames every id in the SVG to `<prefix>` (root) or `<prefix>-<n>`, with all references: url(#…), href="#…",
 * aria-labelledby/-describedby and `#id` selectors in <style>. References to ids the SVG does not define
 * (page anchors such as `#step-prospecting`) are left alone.
 */
export function prefixIds(svg: string, prefix: string): string {
	const map = new Map<string, string>();
	for (const match of svg.matchAll(ID_ATTR)) {
		const id = match[1] as string;
		if (!map.has(id)) map.set(id, map.size === 0 ? prefix : `${prefix}-${map.size.toString(36)}`);
	}
	if (map.size === 0) return svg;
	const rename = (id: string) => map.get(id) ?? id;
	const idList = (list: string) => list.split(/\s+/).map(rename).join(" ");
	// url(#…) inside <style> is left to the url() pass below, so nothing is renamed twice.
	const renameStyle = (css: string) =>
		css.replace(/(url\(\s*['"]?)?#(-?[_a-zA-Z][\w-]*)/g, (whole, url: string | undefined, id: string) =>
			url === undefined && map.has(id) ? `#${rename(id)}` : whole,
		);
	return svg
		.replace(
			/(<style[^>]*>)([\s\S]*?)(<\/style>)/g,
			(_, open: string, css: string, close: string) => `${open}${renameStyle(css)}${close}`,
		)
		.replace(ID_ATTR, (_, id: string) => ` id="${rename(id)}"`)
		.replace(/url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g, (_, q: string, id: string) => `url(${q}#${rename(id)}${q})`)
		.replace(/(\s(?:xlink:)?href)="#([^"]*)"/g, (_, attr: string, id: string) => `${attr}="#${rename(id)}"`)
		.replace(
			/(\saria-(?:labelledby|describedby))="([^"]*)"/g,
			(_, attr: string, ids: string) => `${attr}="${idList(ids)}"`,
		);
}
