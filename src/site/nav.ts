/** Site sections beyond flowcharts and guides, in sidebar order. */
import type { UiKey } from "../i18n/ui.ts";

export interface NavSection {
	key: UiKey;
	/** Path under the language root, with trailing slash. */
	path: string;
}

export const extraSections: NavSection[] = [
	// A new rep starts here.
	{ key: "nav.onboarding", path: "onboarding/" },
	{ key: "nav.roles", path: "roles/" },
	{ key: "nav.faq", path: "faq/" },
	{ key: "nav.metrics", path: "metrics/" },
	{ key: "nav.automations", path: "automations/" },
	{ key: "nav.reviews", path: "reviews/" },
	{ key: "nav.changelog", path: "changelog/" },
];
