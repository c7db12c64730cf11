/** axe-core checks for browser tests, and a small pool to run page checks side by side. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * axe-core on the page as it is now, one line per violation (`rule (nodes) first-target`).
 * Legacy mode runs `axe.run` in the page itself: the site has no iframes, and the default mode opens and
 * injects a second, blank page per check to merge frame results, which took about 40% of each check.
 * Only violations are collected in full (passes would be serialised node by node and then ignored).
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.setLegacyMode(true)
		.options({ resultTypes: ["violations"] })
		.analyze();
	return result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ") ?? ""}`);
}

/**
 * Runs `work` on every item with `workers` items in flight at once, each worker keeping its own state
 * (e.g. a page in its own browser context). Stops taking new items once `stop()` says so and returns the items
 * it never started, so the caller can fail with a clear message instead of a bare timeout.
 */
export async function inPool<T, W>(
	items: readonly T[],
	workers: readonly W[],
	work: (item: T, worker: W) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<T[]> {
	const queue = [...items];
	await Promise.all(
		workers.map(async (worker) => {
			for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
				if (stop()) {
					queue.unshift(item);
					return;
				}
				await work(item, worker);
			}
		}),
	);
	return queue;
}
