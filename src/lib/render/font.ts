/**
 * The font stack diagrams are laid out with. The site's CSS uses the same stack for diagram text, so the boxes
 * Mermaid measures at build time fit the text the reader sees.
 */
export const DIAGRAM_FONT_FAMILY =
	'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';

/** Default page CSS for the render page: no @font-face, just the system stack. */
export function defaultFontCss(): string {
	return `body { font-family: ${DIAGRAM_FONT_FAMILY}; }`;
}
