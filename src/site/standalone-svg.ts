/**
 * The inline SVG as a file of its own: it already carries light-theme
 * fallbacks in its `var(--fb-*, fallback)` colours; only the XML prolog and
 * namespace an image viewer expects are added.
 */
export function standaloneSvg(inline: string): string {
	const withNs = inline.includes('xmlns="http://www.w3.org/2000/svg"')
		? inline
		: inline.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
	return `<?xml version="1.0" encoding="UTF-8"?>\n${withNs}\n`;
}
