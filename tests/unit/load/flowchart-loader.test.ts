import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowchartLoader } from "../../../src/loaders/flowcharts.ts";

interface Entry {
	id: string;
	data: unknown;
	digest?: string;
	filePath?: string;
}

/** Astro's scoped data store as the loader sees it, counting what would mark the store for saving. */
function fakeStore() {
	const entries = new Map<string, Entry>();
	const changes: string[] = [];
	return {
		entries,
		changes,
		store: {
			keys: () => [...entries.keys()],
			get: (id: string) => entries.get(id),
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

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-loader-"));
	cpSync(join(import.meta.dirname, "../../../content/flowcharts"), join(root, "content/flowcharts"), {
		recursive: true,
	});
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function sync(fake: ReturnType<typeof fakeStore>): Promise<void> {
	let parses = 0;
	await flowchartLoader(root).load({
		store: fake.store,
		meta: { set() {} },
		parseData: async ({ data }: { data: unknown }) => {
			parses++;
			return data;
		},
		generateDigest: (data: unknown) => createHash("sha256").update(JSON.stringify(data)).digest("hex"),
	} as never);
	fake.changes.push(`parsed ${parses}`);
}

describe("flowchart loader on a kept data store", () => {
	it("leaves the store untouched when no flowchart changed, so Astro does not save it again", async () => {
		const fake = fakeStore();
		await sync(fake);
		expect(fake.changes).toEqual(["clear", "set b2b", "set renewal", "parsed 2"]);
		fake.changes.length = 0;
		await sync(fake);
		expect(fake.changes).toEqual(["parsed 0"]);
	});

	it("updates only the flowchart whose file changed", async () => {
		const fake = fakeStore();
		await sync(fake);
		const file = join(root, "content/flowcharts/renewal.yaml");
		writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Renewals, edited"));
		fake.changes.length = 0;
		await sync(fake);
		expect(fake.changes).toEqual(["set renewal", "parsed 1"]);
		expect(fake.entries.get("renewal")?.data).toMatchObject({ title: "Renewals, edited" });
	});

	it("starts again in file order when a flowchart is added or removed", async () => {
		const fake = fakeStore();
		await sync(fake);
		rmSync(join(root, "content/flowcharts/b2b.yaml"));
		fake.changes.length = 0;
		await sync(fake);
		expect(fake.changes).toEqual(["clear", "set renewal", "parsed 1"]);
		expect([...fake.entries.keys()]).toEqual(["renewal"]);
	});
});
