/**
 * Content-layer loader for `content/flowcharts/*.yaml`. It reuses the core
 * loader, so the collection holds exactly what validation accepted; the
 * integration has already printed the located errors of rejected files.
 */
import type { Loader } from "astro/loaders";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";

export function flowchartLoader(rootDir: string = process.cwd()): Loader {
	return {
		name: "flowbook-flowcharts",
		load: async ({ store, parseData, generateDigest, watcher, logger }) => {
			const sync = async () => {
				const { flowcharts, diagnostics } = await loadFlowcharts(rootDir);
				const errors = diagnostics.filter((d) => d.severity === "error");
				if (errors.length > 0) logger.warn(`${errors.length} flowchart error(s); invalid files are left out.`);
				store.clear();
				for (const fc of flowcharts) {
					const data = await parseData({ id: fc.id, data: { ...fc.data, file: fc.file }, filePath: fc.file });
					store.set({ id: fc.id, data, digest: generateDigest(data), filePath: fc.file });
				}
			};
			await sync();
			watcher?.on("all", (_event, path) => {
				if (/content[\\/]flowcharts[\\/].*\.ya?ml$/.test(path)) void sync();
			});
		},
	};
}
