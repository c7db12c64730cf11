/**
 * Content-layer loader for YAML data files (FAQ, onboarding path, label files) that reads them with the check's
 * own readers (YAML 1.2 core schema, merge keys). Astro's `glob()` reads YAML with js-yaml's default
 * schema, where a bare date (`answer: 2026-06-01`) becomes a Date: the check passed it as text, the collection
 * schema then failed it with an unlocated error. Same files and entry ids as `glob({ pattern, base })`.
 */
import { glob, readFile } from "node:fs/promises";
import { join, matchesGlob, relative, sep } from "node:path";
import type { Loader } from "astro/loaders";
import { slug } from "github-slugger";
import { fastParseYaml } from "../lib/load/fast-yaml.ts";
import { parseYaml } from "../lib/load/parse-yaml.ts";
import { decodeText } from "../lib/load/read-text.ts";
import { followFiles } from "./follow.ts";

export interface YamlDataFiles {
	/** Folder relative to the project root, e.g. `content/faq`. */
	base: string;
	/** Files under `base`, as for `glob()`, e.g. `*.{yaml,yml}`. */
	pattern: string;
}

const toPosix = (path: string) => path.split(sep).join("/");

/** The id `glob()` gives a file (`id/flowcharts/b2b.yaml` → `id/flowcharts/b2b`): each segment slugged. */
export function yamlEntryId(entry: string): string {
	return entry
		.replace(/\.ya?ml$/, "")
		.split("/")
		.map((segment) => slug(segment))
		.join("/")
		.replace(/\/index$/, "");
}

/** The matching files under `dir`, relative to it with `/`, sorted (none when `dir` does not exist). */
async function matchingFiles(dir: string, pattern: string): Promise<string[]> {
	const found = await Array.fromAsync(glob(pattern, { cwd: dir, withFileTypes: true }));
	return found
		.filter((e) => e.isFile())
		.map((e) => toPosix(relative(dir, join(e.parentPath, e.name))))
		.sort();
}

/** The data of `path` as the check reads it; undefined when it cannot be read (the check says where and why). */
async function readData(path: string, file: string): Promise<Record<string, unknown> | undefined> {
	const bytes = await readFile(path).catch(() => undefined);
	const text = bytes && decodeText(file, bytes).text;
	if (text === undefined) return undefined;
	// The check's two readers: the fast one gives exactly what the full one does, or declines (fast-yaml.ts).
	const value = fastParseYaml(text) ?? parseYaml(file, text).value;
	return value !== null && typeof value === "object" && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

export function yamlDataLoader(rootDir: string, { base, pattern }: YamlDataFiles): Loader {
	const dir = join(rootDir, base);
	/** Files whose problems were reported: once per breakage, though a save is read twice (follow.ts). */
	const reported = new Set<string>();
	return {
		name: "flowbook-yaml-data",
		load: async ({ store, parseData, generateDigest, watcher, logger }) => {
			/** A file with problems keeps its last good entry, if any: the check prints the located messages. */
			const keepLast = (file: string, id: string) => {
				if (reported.has(file)) return;
				reported.add(file);
				logger.warn(
					store.has(id)
						? `${file} has problems (listed by flowbook): the site keeps its last good version`
						: `${file} has problems (listed by flowbook): it is left out until they are fixed`,
				);
			};
			/** Stores the data of one file; false when it has problems (its entry, if any, stays as it was). */
			const syncFile = async (id: string, file: string, path: string): Promise<boolean> => {
				const data = await readData(path, file);
				if (!data) return false;
				// A digest of the data, not the text: an unchanged entry is not rewritten (nor the store saved), and one
				// read differently (by another reader) is.
				const digest = generateDigest(data);
				if (store.get(id)?.digest === digest) return true;
				try {
					store.set({ id, data: await parseData({ id, data, filePath: file }), digest, filePath: file });
					return true;
				} catch {
					return false;
				}
			};
			const sync = async () => {
				const ids = new Set<string>();
				for (const entry of await matchingFiles(dir, pattern)) {
					const id = yamlEntryId(entry);
					const file = `${base}/${entry}`;
					ids.add(id);
					if (await syncFile(id, file, join(dir, entry))) reported.delete(file);
					else keepLast(file, id);
				}
				for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
			};
			await sync();
			if (!watcher) return;
			watcher.add(dir);
			const matches = (path: string) => {
				const entry = toPosix(relative(dir, path));
				return !entry.startsWith("../") && matchesGlob(entry, pattern);
			};
			followFiles(watcher, matches, sync, (error) => logger.error(String(error)));
		},
	};
}
