/**
 * Dev preview: one short key for the content every page is rendered from, so a page can tell, once Vite's live
 * reload is connected, whether a save arrived while it was still loading (that reload went to no one).
 */

import { getCollection } from "astro:content";
import { createHash } from "node:crypto";
import { contentKey } from "../lib/content/page-list.ts";

const COLLECTIONS = ["flowcharts", "pages", "i18n", "faq", "onboarding"] as const;

export async function contentVersion(): Promise<string> {
	const hash = createHash("sha256");
	for (const name of COLLECTIONS) hash.update(`${name}\u0000${contentKey(await getCollection(name))}\u0000`);
	return hash.digest("hex").slice(0, 16);
}

/**
 * The dev server. `import.meta.env.DEV` alone follows NODE_ENV, which a build started from a test runner
 * (NODE_ENV=test) inherits; the mode is "production" in every build and something else under `astro dev`.
 */
export const DEV_SERVER = import.meta.env.DEV && import.meta.env.MODE !== "production";

/** The content key under `astro dev`; undefined in a build, which needs none. */
export async function devContentVersion(): Promise<string | undefined> {
	return DEV_SERVER ? contentVersion() : undefined;
}

/** Where the dev server answers with the current key; no such file exists in a build. */
export const CONTENT_VERSION_PATH = "flowbook-dev/content-version.json";
