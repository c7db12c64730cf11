/** How our content loaders follow file changes in `astro dev`: one sync at a time, and once more after a save. */
import type { LoaderContext } from "astro/loaders";

/** Time after a file event by which the save has surely finished. */
const SETTLE_MS = 300;

/**
 * Runs `sync` after each watcher event for a file `matches` accepts. One sync at a time, and one more after the
 * last event: overlapping syncs could finish out of order and leave the store at an older read of the file.
 */
export function followFiles(
	watcher: NonNullable<LoaderContext["watcher"]>,
	matches: (path: string) => boolean,
	sync: () => Promise<void>,
	onError: (error: unknown) => void,
): void {
	let running: Promise<void> | undefined;
	let again = false;
	const schedule = () => {
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			do {
				again = false;
				await sync();
			} while (again);
		})()
			.catch(onError)
			.finally(() => {
				running = undefined;
			});
	};
	watcher.on("all", (_event, path) => {
		if (!matches(path)) return;
		schedule();
		// An editor's save can be seen mid-write (an empty file) with no later event: read once more after it.
		setTimeout(schedule, SETTLE_MS);
	});
}
