import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicSync } from "../../../src/lib/cache/write-file.ts";

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), "flowbook-write-"));
});
afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
	it("creates the folder, replaces the file and leaves no temporary file behind", async () => {
		const file = join(dir, "a", "b", "entry.svg");
		await writeFileAtomic(file, "<svg>1</svg>");
		await Promise.all([writeFileAtomic(file, "<svg>2</svg>"), writeFileAtomic(file, "<svg>2</svg>")]);
		expect(await readFile(file, "utf8")).toBe("<svg>2</svg>");
		expect(await readdir(join(dir, "a", "b"))).toEqual(["entry.svg"]);
	});

	it("fails, and writes nothing, where the folder cannot be made", async () => {
		await writeFileAtomic(join(dir, "blocker"), "a file, not a folder");
		await expect(writeFileAtomic(join(dir, "blocker", "entry.svg"), "x")).rejects.toThrow();
		expect(await readdir(dir)).toEqual(["blocker"]);
	});

	it("has a synchronous twin that does the same", async () => {
		const file = join(dir, "c", "entry.html");
		writeFileAtomicSync(file, "<p>1</p>");
		writeFileAtomicSync(file, "<p>2</p>");
		expect(await readFile(file, "utf8")).toBe("<p>2</p>");
		expect(await readdir(join(dir, "c"))).toEqual(["entry.html"]);
		expect(() => writeFileAtomicSync(join(dir, "c", "entry.html", "x"), "y")).toThrow();
	});
});
