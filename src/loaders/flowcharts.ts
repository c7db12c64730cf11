/**
 * Content-layer loader for `content/flowcharts/*.yaml`. It reuses the core loader, so the collection holds
 * exactly what validation accepted. In dev (when Astro gives a watcher), a file that breaks keeps its page:
 * the entry stays at its last valid version and carries the file's located problems, which the flowchart
 * page shows as a panel; the integration prints the same messages in the terminal.
 */
import type { Loader } from "astro/loaders";
import type { Diagnostic } from "../lib/diagnostics/diagnostic.ts";
import { flowchartId, loadFlowcharts } from "../lib/load/load-flowcharts.ts";
import type { LoadedFlowchart } from "../lib/schema/flowchart.ts";
import { followFiles } from "./follow.ts";

const flowchartFile = /content[\\/]flowcharts[\\/][^\\/]*\.ya?ml$/;

/** Errors and warnings per flowchart id, for the files that have errors. */
export function brokenFiles(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
	const failing = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
	const out = new Map<string, Diagnostic[]>();
	for (const d of diagnostics) {
		if (!failing.has(d.file) || !flowchartFile.test(d.file)) continue;
		const id = flowchartId(d.file);
		out.set(id, [...(out.get(id) ?? []), d]);
	}
	return out;
}

export function flowchartLoader(rootDir: string): Loader {
	/** Last version of each flowchart that passed validation in this process (dev only). */
	const lastGood = new Map<string, LoadedFlowchart>();
	return {
		name: "flowbook-flowcharts",
		load: async ({ store, meta, parseData, generateDigest, watcher, logger }) => {
			const dev = watcher !== undefined;
			const sync = async () => {
				const { flowcharts, diagnostics } = await loadFlowcharts(rootDir);
				const broken = dev ? brokenFiles(diagnostics) : new Map<string, Diagnostic[]>();
				const entries: { fc: LoadedFlowchart; problems?: Diagnostic[] }[] = flowcharts.map((fc) => ({ fc }));
				for (const fc of flowcharts) lastGood.set(fc.id, fc);
				for (const [id, problems] of broken) {
					const good = lastGood.get(id);
					if (good) entries.push({ fc: good, problems });
				}
				// An unchanged store stays untouched: any change (even a clear and the same entries again) makes Astro
				// serialise and save its whole data store, every guide's body included, on every build. Entries keep
				// file order, as a clean build has them; a flowchart added or removed starts the collection again.
				const ids = entries.map(({ fc }) => fc.id);
				const kept = store.keys();
				if (kept.length !== ids.length || kept.some((id, i) => id !== ids[i])) store.clear();
				for (const { fc, problems } of entries) {
					const raw = { ...fc.data, file: fc.file, ...(problems ? { problems } : {}) };
					const digest = generateDigest(raw);
					if (store.get(fc.id)?.digest === digest) continue;
					const data = await parseData({ id: fc.id, data: raw, filePath: fc.file });
					store.set({ id: fc.id, data, digest, filePath: fc.file });
				}
				// Files that never loaded have no entry to carry their problems; a changed meta value still makes the
				// dev server reload the browser, whose 404 page then lists the current problems.
				if (dev) meta.set("problems", generateDigest(JSON.stringify([...broken])));
			};
			await sync();
			if (!watcher) return;
			followFiles(
				watcher,
				(path) => flowchartFile.test(path),
				sync,
				(error) => logger.error(String(error)),
			);
		},
	};
}
