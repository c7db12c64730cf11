import { buildSite } from "./site.ts";

/** One build for every browser test file. */
export default function setup(): void {
	if (process.env.FLOWBOOK_E2E_SKIP_BUILD === "1") return;
	buildSite();
}
