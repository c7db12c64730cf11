/**
 * The dev server's content check, on a worker thread: checking every content file (CRM exports included) after
 * a save would otherwise hold up the page render that shows the edit, on the same thread.
 */
import { parentPort } from "node:worker_threads";
import { checkContent } from "./check.ts";
import type { FlowbookConfig } from "./config.ts";
import { PAGE_BODY_CACHE } from "./content/page-bodies.ts";
import { devReport } from "./dev-report.ts";

export interface CheckRequest {
	rootDir: string;
	config: Pick<FlowbookConfig, "strict"> & Partial<Pick<FlowbookConfig, "today" | "reviewEvery">>;
	/** Files saved since the last check, relative to rootDir. */
	changed: string[];
}

parentPort?.on("message", async (request: CheckRequest) => {
	const report = await checkContent(request.rootDir, request.config, { cacheFile: PAGE_BODY_CACHE });
	parentPort?.postMessage(devReport(report, request.changed));
});
