import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRoleNames } from "../../../src/lib/content/role-names.ts";
import { formatDiagnostic } from "../../../src/lib/diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../../../src/lib/load/load-flowcharts.ts";

const flowchart = (roles: string) =>
	`title: T\nroles:\n${roles}\nsteps:\n  - {id: a, type: start, label: A, next: b}\n  - {id: b, type: end, label: B}\n`;

describe("checkRoleNames", () => {
	it("names both places when one role id has two names, and accepts the same name written either way", async () => {
		const root = mkdtempSync(join(tmpdir(), "flowbook-roles-"));
		mkdirSync(join(root, "content/flowcharts"), { recursive: true });
		writeFileSync(
			join(root, "content/flowcharts/a.yaml"),
			flowchart("  ae: Account executive\n  cs: Customer success"),
		);
		writeFileSync(
			join(root, "content/flowcharts/b.yaml"),
			flowchart("  cs:\n    name: Customer success\n  ae: Account manager"),
		);
		const { flowcharts } = await loadFlowcharts(root);
		const report = (await checkRoleNames(root, flowcharts)).map(formatDiagnostic).join("\n");
		expect(report).toMatchInlineSnapshot(`
			"content/flowcharts/b.yaml:5:3 warning: role "ae" is named "Account manager" here but "Account executive" in content/flowcharts/a.yaml:3:3
			  hint: A role id is one role on every page: use the same name in both files, or a different id (e.g. "ae-2") if they are different roles."
		`);
	});
});
