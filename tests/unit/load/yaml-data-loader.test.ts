import { EventEmitter } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { load } from "js-yaml";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseYaml } from "../../../src/lib/load/parse-yaml.ts";
import { yamlDataLoader } from "../../../src/loaders/yaml-data.ts";
import { type FakeStore, fakeStore, loaderContext } from "../support/loader-context.ts";

/** A FAQ whose answer is a bare date and whose second question starts from the first with a merge key. */
const faq = `topics:
  - id: dates
    title: Dates
    questions:
      - &first
        id: launch
        question: When does the new price list start?
        answer: 2026-06-01
      - <<: *first
        id: launch-again
`;

let root: string;
const write = (file: string, text: string) => {
	mkdirSync(dirname(join(root, file)), { recursive: true });
	writeFileSync(join(root, file), text);
};
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-yaml-loader-"));
	write("content/faq/en.yaml", faq);
	write("content/faq/id.yml", "topics: []\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const faqFiles = { base: "content/faq", pattern: "*.{yaml,yml}" };

/** One load, as Astro makes it at every build; dev keeps `loader` for the session. */
async function sync(
	fake: FakeStore,
	files = faqFiles,
	extra: Record<string, unknown> = {},
	loader = yamlDataLoader(root, files),
): Promise<void> {
	const { context, done } = loaderContext(fake, extra);
	await loader.load(context);
	done();
}

describe("YAML data loader", () => {
	it("stores what the check's reader reads: a bare date stays text, a merge key merges", async () => {
		// What Astro's glob() loader stored: js-yaml's default schema makes the date a Date.
		expect((load(faq) as { topics: { questions: { answer: unknown }[] }[] }).topics[0]?.questions[0]?.answer).toEqual(
			new Date("2026-06-01"),
		);
		const fake = fakeStore();
		await sync(fake);
		const entry = fake.entries.get("en");
		expect(entry?.data).toStrictEqual(parseYaml("content/faq/en.yaml", faq).value);
		expect(entry?.data).toMatchObject({
			topics: [{ questions: [{ answer: "2026-06-01" }, { id: "launch-again", answer: "2026-06-01" }] }],
		});
		expect(entry?.filePath).toBe("content/faq/en.yaml");
		expect(fake.entries.get("id")?.filePath).toBe("content/faq/id.yml");
	});

	it("gives the ids Astro's glob() gives: the path under the base, each part slugged, without the extension", async () => {
		write("content/i18n/id/flowcharts/b2b.yaml", "title: Alur B2B\n");
		write("content/i18n/id/flowcharts/Renewal Desk.yml", "title: Perpanjangan\n");
		write("content/i18n/id/notes.yaml", "title: not a label file\n");
		write("content/i18n/id/flowcharts/.draft.yaml", "title: hidden\n");
		const fake = fakeStore();
		await sync(fake, { base: "content/i18n", pattern: "*/flowcharts/*.{yaml,yml}" });
		expect([...fake.entries.keys()].sort()).toEqual(["id/flowcharts/b2b", "id/flowcharts/renewal-desk"]);
		write("content/onboarding.yaml", "title: Start\n");
		const onboarding = fakeStore();
		await sync(onboarding, { base: "content", pattern: "onboarding.{yaml,yml}" });
		expect([...onboarding.entries.keys()]).toEqual(["onboarding"]);
	});

	it("leaves unchanged entries alone, rewrites an edited one and removes a deleted one", async () => {
		const fake = fakeStore();
		await sync(fake);
		expect(fake.changes).toEqual(["set en", "set id", "parsed 2"]);
		fake.changes.length = 0;
		await sync(fake);
		expect(fake.changes).toEqual(["parsed 0"]);
		write("content/faq/en.yaml", faq.replace("2026-06-01", "2026-07-01"));
		rmSync(join(root, "content/faq/id.yml"));
		fake.changes.length = 0;
		await sync(fake);
		expect(fake.changes).toEqual(["set en", "delete id", "parsed 1"]);
		expect(fake.entries.get("en")?.data).toMatchObject({
			topics: [{ questions: [{ answer: "2026-07-01" }, { answer: "2026-07-01" }] }],
		});
	});

	it("keeps the last good entry of a file that breaks, without throwing, and says so once", async () => {
		const fake = fakeStore();
		await sync(fake);
		const good = fake.entries.get("en");
		const warnings: string[] = [];
		const logger = { warn: (m: string) => warnings.push(m), error() {} };
		const loader = yamlDataLoader(root, faqFiles);
		write("content/faq/en.yaml", faq.replace("    title: Dates", "   title: Dates"));
		await sync(fake, faqFiles, { logger }, loader);
		expect(fake.entries.get("en")).toBe(good);
		// A file the collection schema rejects (Astro's parseData throws) is kept the same way.
		write("content/faq/en.yaml", faq.replace("id: launch-again", "id: launch-later"));
		const parseData = () => Promise.reject(new Error("invalid entry"));
		await sync(fake, faqFiles, { logger, parseData }, loader);
		expect(fake.entries.get("en")).toBe(good);
		write("content/faq/ms.yaml", "topics: [");
		await sync(fake, faqFiles, { logger }, loader);
		expect(fake.entries.has("ms")).toBe(false);
		expect(warnings).toEqual([
			"content/faq/en.yaml has problems (listed by flowbook): the site keeps its last good version",
			"content/faq/ms.yaml has problems (listed by flowbook): it is left out until they are fixed",
		]);
	});

	it("follows additions, edits and deletions in dev through the watcher", async () => {
		const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
		const fake = fakeStore();
		await sync(fake, faqFiles, { watcher });
		expect(watcher.add).toHaveBeenCalledWith(join(root, "content/faq"));
		write("content/faq/ms.yaml", "topics: []\n");
		watcher.emit("all", "add", join(root, "content/faq/ms.yaml"));
		await vi.waitFor(() => expect(fake.entries.has("ms")).toBe(true));
		write("content/faq/ms.yaml", "topics: [{ id: a, title: 2026-06-01, questions: [] }]\n");
		watcher.emit("all", "change", join(root, "content/faq/ms.yaml"));
		await vi.waitFor(() =>
			expect(fake.entries.get("ms")?.data).toEqual({ topics: [expect.objectContaining({ title: "2026-06-01" })] }),
		);
		rmSync(join(root, "content/faq/en.yaml"));
		watcher.emit("all", "unlink", join(root, "content/faq/en.yaml"));
		await vi.waitFor(() => expect(fake.entries.has("en")).toBe(false));
	});
});
