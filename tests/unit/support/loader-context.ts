/** A stand-in for the context Astro hands a content loader: its scoped data store, counting what would mark it for saving. */
import { createHash } from "node:crypto";

interface Entry {
	id: string;
	data: unknown;
	digest?: string;
	filePath?: string;
}

export function fakeStore() {
	const entries = new Map<string, Entry>();
	const changes: string[] = [];
	return {
		entries,
		changes,
		store: {
			keys: () => [...entries.keys()],
			get: (id: string) => entries.get(id),
			has: (id: string) => entries.has(id),
			set(entry: Entry) {
				if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
				changes.push(`set ${entry.id}`);
				entries.set(entry.id, entry);
				return true;
			},
			delete(id: string) {
				changes.push(`delete ${id}`);
				entries.delete(id);
			},
			clear() {
				changes.push("clear");
				entries.clear();
			},
		},
	};
}

export type FakeStore = ReturnType<typeof fakeStore>;

/** The rest of the context: `parseData` counts its calls into `changes` (`parsed N` after the load) and may be swapped. */
export function loaderContext(fake: FakeStore, extra: Record<string, unknown> = {}) {
	let parses = 0;
	return {
		context: {
			store: fake.store,
			meta: { set() {} },
			logger: { warn() {}, error() {} },
			parseData: async ({ data }: { data: unknown }) => {
				parses++;
				return data;
			},
			generateDigest: (data: unknown) => createHash("sha256").update(JSON.stringify(data)).digest("hex"),
			...extra,
		} as never,
		done: () => fake.changes.push(`parsed ${parses}`),
	};
}
