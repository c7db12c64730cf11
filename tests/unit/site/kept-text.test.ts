import { existsSync } from "node:fs";
import { appendFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type KeptTextOptions, keptText } from "../../../src/lib/site/kept-text.ts";

let root: string;
let kept: KeptTextOptions;

beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), "flowbook-kept-text-"));
	await mkdir(join(root, "src/lib"), { recursive: true });
	await mkdir(join(root, "src/i18n"), { recursive: true });
	await writeFile(join(root, "src/lib/export.ts"), "export const a = 1;\n");
	await writeFile(join(root, "src/i18n/ui.ts"), "export const b = 2;\n");
	kept = { dir: join(root, ".cache/flowbook/pages"), srcDir: join(root, "src") };
});

afterEach(async () => {
	await rm(root, { recursive: true, force: true });
});

/** The text for `inputs`, and whether `make` ran to get it. */
async function made(kind: string, inputs: string, text = `made ${kind} ${inputs}`) {
	let ran = false;
	const out = await keptText(kept, kind, inputs, () => {
		ran = true;
		return text;
	});
	return { out, ran };
}

describe("keptText", () => {
	it("makes a text once and reads it back while the kind, inputs and code are the same", async () => {
		expect(await made("bpmn", '{"id":"b2b"}')).toEqual({ out: 'made bpmn {"id":"b2b"}', ran: true });
		expect(await made("bpmn", '{"id":"b2b"}', "other")).toEqual({ out: 'made bpmn {"id":"b2b"}', ran: false });
	});

	it("makes it again when any of them changes: inputs, kind, code, interface strings, packages", async () => {
		await made("bpmn", "x");
		expect((await made("bpmn", "y")).ran).toBe(true);
		expect((await made("faq", "x")).ran).toBe(true);
		const changes: [string, () => Promise<unknown>][] = [
			["code", () => appendFile(join(root, "src/lib/export.ts"), "// edited\n")],
			["a new module", () => writeFile(join(root, "src/lib/more.ts"), "export {};\n")],
			["interface strings", () => appendFile(join(root, "src/i18n/ui.ts"), "// edited\n")],
			[
				"packages",
				() =>
					mkdir(join(root, "node_modules"), { recursive: true }).then(() =>
						writeFile(join(root, "node_modules/.package-lock.json"), "{}"),
					),
			],
		];
		for (const [what, change] of changes) {
			await change();
			expect((await made("bpmn", "x", what)).out, what).toBe(what);
			expect((await made("bpmn", "x")).ran, what).toBe(false);
		}
	});

	it("keeps nothing for a project without Flowbook's code", async () => {
		await rm(kept.srcDir, { recursive: true });
		expect((await made("bpmn", "x")).ran).toBe(true);
		expect((await made("bpmn", "x")).ran).toBe(true);
		expect(existsSync(kept.dir)).toBe(false);
	});
});
