import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
	CHECK_CODE_DIRS,
	CHECK_RESULT_FILE,
	checkInputsKey,
	storeCheckResult,
	storedCheckOutput,
} from "../../../src/lib/cache/check-result.ts";
import { defineFlowbookConfig } from "../../../src/lib/config.ts";

let root: string;
let code: string;
const config = defineFlowbookConfig({ today: "2026-11-27", pdf: false }, {});
const now = new Date("2026-11-27T10:00:00Z");
const key = (settings: Parameters<typeof checkInputsKey>[1] = config, env: Record<string, string> = {}, at = now) =>
	checkInputsKey(root, settings, { codeDirs: [code], packagesDir: root, env, now: at });

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), "fb-check-result-"));
	code = join(root, "code");
	mkdirSync(join(root, "content/flowcharts"), { recursive: true });
	mkdirSync(join(root, "content/metrics/b2b"), { recursive: true });
	mkdirSync(code);
	writeFileSync(join(root, "content/flowcharts/b2b.yaml"), "title: B2B\n");
	writeFileSync(join(root, "content/metrics/b2b/export.csv"), "deal,stage\n1,won\n");
	writeFileSync(join(code, "check.ts"), "export const v = 1;");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("checkInputsKey", () => {
	it("is the same for the same inputs", async () => {
		expect(await key()).toBe(await key());
	});

	it("changes with any byte of any file under content/, a file's name, and a new file", async () => {
		const first = await key();
		writeFileSync(join(root, "content/metrics/b2b/export.csv"), "deal,stage\n1,wOn\n");
		const edited = await key();
		expect(edited).not.toBe(first);
		renameSync(join(root, "content/metrics/b2b/export.csv"), join(root, "content/metrics/b2b/export2.csv"));
		const renamed = await key();
		expect(renamed).not.toBe(edited);
		writeFileSync(join(root, "content/faq.yaml"), "");
		expect(await key()).not.toBe(renamed);
	});

	it("changes with a setting, the code, and a FLOWBOOK_ variable other than FLOWBOOK_TIMING", async () => {
		const first = await key();
		expect(await key({ ...config, strict: true })).not.toBe(first);
		expect(await key({ ...config, base: "/sales/" })).not.toBe(first);
		expect(await key({ ...config, today: "2026-11-28" })).not.toBe(first);
		expect(await key(config, { FLOWBOOK_REPO: "x" })).not.toBe(first);
		expect(await key(config, { FLOWBOOK_TIMING: "1", PATH: "/elsewhere" })).toBe(first);
		writeFileSync(join(code, "check.ts"), "export const v = 2;");
		expect(await key()).not.toBe(first);
	});

	it("changes with the installed packages (npm's record, or a lock file)", async () => {
		const first = await key();
		mkdirSync(join(root, "node_modules"));
		writeFileSync(join(root, "node_modules/.package-lock.json"), '{"mermaid":"11.0.0"}');
		const installed = await key();
		expect(installed).not.toBe(first);
		writeFileSync(join(root, "node_modules/.package-lock.json"), '{"mermaid":"11.0.1"}');
		expect(await key()).not.toBe(installed);
		writeFileSync(join(root, "pnpm-lock.yaml"), "lockfileVersion: 9");
		expect(await key()).not.toBe(installed);
	});

	it("follows the date when `today` is not set, and only then", async () => {
		const { today: _, ...unset } = config;
		const tomorrow = new Date("2026-11-28T10:00:00Z");
		expect(await key(unset, {}, tomorrow)).not.toBe(await key(unset));
		expect(await key(config, {}, tomorrow)).toBe(await key(config));
	});

	it("gives none when content/ or the code holds a symbolic link, whose target could change unseen", async () => {
		symlinkSync(join(root, "content/flowcharts/b2b.yaml"), join(code, "linked.ts"));
		expect(await key()).toBeUndefined();
		rmSync(join(code, "linked.ts"));
		expect(await key()).toBeDefined();
		symlinkSync(join(code, "check.ts"), join(root, "content/flowcharts/linked.yaml"));
		expect(await key()).toBeUndefined();
	});

	it("covers the check's code: every module the build's check imports is in a hashed folder", () => {
		const src = fileURLToPath(new URL("../../../src/", import.meta.url));
		const hashed = CHECK_CODE_DIRS.map((d) => join(src, d) + sep);
		const entries = [
			"integration/flowbook.ts",
			"lib/check.ts",
			"lib/content/fence-check.ts",
			"lib/site/prerender.ts",
			"lib/render/cache.ts",
		].map((f) => join(src, f));
		const modules = importedModules(entries);
		expect(modules.length).toBeGreaterThan(50);
		const outside = modules.filter((m) => !hashed.some((dir) => m.startsWith(dir))).map((m) => relative(src, m));
		expect(outside).toEqual([]);
	});
});

/** Every module reachable from `entries` through relative imports, static or dynamic (comments may name others). */
function importedModules(entries: readonly string[]): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		const text = readFileSync(file, "utf8");
		for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.[^"']+)["']/g)) {
			visit(resolve(dirname(file), m[1] as string));
		}
	};
	for (const entry of entries) visit(entry);
	return [...seen];
}

describe("storedCheckOutput", () => {
	const diagram = () => join(root, ".cache/flowbook/diagrams/abc.svg");
	beforeEach(() => {
		mkdirSync(dirname(diagram()), { recursive: true });
		writeFileSync(diagram(), "<svg/>");
	});

	it("gives back what was stored for the same key, while its diagram files are there", async () => {
		const k = (await key()) as string;
		await storeCheckResult(root, k, { output: "a warning\nflowbook: 0 errors\n", diagrams: [diagram()] });
		expect(await storedCheckOutput(root, k)).toBe("a warning\nflowbook: 0 errors\n");
		expect(await storedCheckOutput(root, `${k}x`)).toBeUndefined();
		rmSync(diagram());
		expect(await storedCheckOutput(root, k)).toBeUndefined();
	});

	it("ignores a missing, corrupt or foreign record without throwing", async () => {
		const k = (await key()) as string;
		expect(await storedCheckOutput(root, k)).toBeUndefined();
		const file = join(root, CHECK_RESULT_FILE);
		mkdirSync(dirname(file), { recursive: true });
		for (const text of [
			"{not json",
			"null",
			"[]",
			JSON.stringify({ key: k, output: "x", diagrams: [] }),
			JSON.stringify({ format: 1, key: k, output: 3, diagrams: [] }),
			JSON.stringify({ format: 1, key: k, output: "x", diagrams: [7] }),
			JSON.stringify({ format: 99, key: k, output: "x", diagrams: [] }),
		]) {
			writeFileSync(file, text);
			expect(await storedCheckOutput(root, k), text).toBeUndefined();
		}
	});
});
