/**
 * A text that is a bare date in a FAQ, onboarding or label file is text on the page, as the check reads it: those
 * collections are read with our YAML reader (src/loaders/yaml-data.ts), not js-yaml's default schema, which made it
 * a Date and failed the build with an unlocated schema error after the check had passed it.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { astroBuild, BUILD_TIMEOUT, fixtureProject } from "./support/fixture-project.ts";

describe("a bare date as a text in YAML content", () => {
	let dir = "";
	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it(
		"builds and shows 2026-06-01 in the FAQ, the onboarding path and a translated title",
		async () => {
			dir = await fixtureProject({
				"content/flowcharts/ok.yaml":
					"title: Renewal desk\nsummary: How renewals are signed.\nroles: {}\nsteps:\n  - { id: a, type: start, label: Start here, next: b }\n  - { id: b, type: end, label: Signed }\n",
				"content/i18n/id/flowcharts/ok.yaml": "title: 2026-06-01\n",
				"content/faq/en.yaml":
					"topics:\n  - id: prices\n    title: Prices\n    questions:\n      - id: new-prices\n        question: From when do the new prices apply?\n        answer: 2026-06-01\n",
				"content/onboarding.yaml":
					"title: Your first week\nitems:\n  - ref: faq\n    minutes: 5\n    why: 2026-06-01\n",
			});
			const { status, stdout, stderr } = astroBuild(dir, { CHROME_PATH: "none" });
			expect(stderr).not.toMatch(/\n\s+at /);
			expect(status, `${stdout}\n${stderr}`).toBe(0);
			const faq = await readFile(join(dir, "dist/faq/index.html"), "utf8");
			expect(faq).toMatch(/<p>2026-06-01<\/p>/);
			const onboarding = await readFile(join(dir, "dist/onboarding/index.html"), "utf8");
			expect(onboarding).toContain(">2026-06-01<");
			const flowchart = await readFile(join(dir, "dist/id/flowcharts/ok/index.html"), "utf8");
			expect(flowchart).toMatch(/<h1[^>]*>\s*2026-06-01\s*<\/h1>/);
			// A Date that reached a page would read as its string.
			for (const html of [faq, onboarding, flowchart]) expect(html).not.toContain("GMT");
		},
		BUILD_TIMEOUT + 60_000,
	);
});
