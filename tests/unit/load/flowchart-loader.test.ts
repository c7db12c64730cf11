import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flowchartLoader } from "../../../src/loaders/flowcharts.ts";
import { type FakeStore, fakeStore, loaderContext } from "../support/loader-context.ts";

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-loader-"));
	cpSync(join(import.meta.dirname, "../../../content/flowcharts"), join(root, "content/flowcharts"), {
		recursive: true,
	});
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function sync(fake: FakeStore): Promise<void> {
	const { context, done } = loaderContext(fake);
	await flowchartLoader(root).load(context);
	done();
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
