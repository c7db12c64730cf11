/**
 * A role id is one role across the whole playbook (one role page): two flowcharts giving it
 * different names would be merged silently under the first name, so say where they differ.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseYaml, type SourcePosition } from "../load/parse-yaml.ts";
import { type LoadedFlowchart, roleName } from "../schema/flowchart.ts";

export async function checkRoleNames(rootDir: string, flowcharts: readonly LoadedFlowchart[]): Promise<Diagnostic[]> {
	const first = new Map<string, { name: string; fc: LoadedFlowchart }>();
	const clashes: { id: string; name: string; fc: LoadedFlowchart; other: { name: string; fc: LoadedFlowchart } }[] = [];
	for (const fc of flowcharts) {
		for (const [id, role] of Object.entries(fc.data.roles)) {
			const name = roleName(role, id).trim();
			const seen = first.get(id);
			if (!seen) first.set(id, { name, fc });
			else if (seen.name !== name) clashes.push({ id, name, fc, other: seen });
		}
	}
	// Positions only for the (rare) files with a clash: the loaded data does not keep them.
	const where = async (fc: LoadedFlowchart, id: string): Promise<SourcePosition | undefined> => {
		const text = await readFile(join(rootDir, fc.file), "utf8").catch(() => undefined);
		return text === undefined ? undefined : parseYaml(fc.file, text).locate(["roles", id], "key");
	};
	const out: Diagnostic[] = [];
	for (const { id, name, fc, other } of clashes) {
		const pos = await where(fc, id);
		const otherPos = await where(other.fc, id);
		const otherAt = otherPos ? `${other.fc.file}:${otherPos.line}:${otherPos.column}` : other.fc.file;
		out.push({
			severity: "warning",
			file: fc.file,
			...(pos ? { line: pos.line, column: pos.column } : {}),
			code: "role-name-differs",
			message: `role "${id}" is named ${JSON.stringify(name)} here but ${JSON.stringify(other.name)} in ${otherAt}`,
			hint: `A role id is one role on every page: use the same name in both files, or a different id (e.g. "${id}-2") if they are different roles.`,
		});
	}
	return out;
}
