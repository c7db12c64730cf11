/** Site sections beyond flowcharts and guides, in sidebar order. */
import type { UiKey } from "../i18n/ui.ts";

export interface NavSection {
	key: UiKey;
	/** Path under the language root, with trailing slash. */
	path: string;
}

export const extraSections: NavSection[] = [];
