/**
 * A throwaway copy of the site (code, config, node_modules linked) around
 * fixture content, for builds that must fail or fall back.
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./site.ts";

export async function fixtureProject(files: Record<string, string>): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), "flowbook-fixture-"));
	for (const entry of ["src", "public", "astro.config.mjs", "flowbook.config.ts", "tsconfig.json", "package.json"]) {
		await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
	}
	await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
	for (const [path, text] of Object.entries(files)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), text);
	}
	return dir;
}

/** Longest a fixture build may take on a loaded 2-core machine; tests building one allow a minute more. */
export const BUILD_TIMEOUT = 420_000;

export function astroBuild(
	dir: string,
	env: Record<string, string> = {},
): { status: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], {
		cwd: dir,
		encoding: "utf8",
		// Fixture builds test other things: the playbook PDF (tests/e2e/pdf.test.ts) would only add time.
		// NODE_ENV: vitest's `test` would make Astro build the pages with `import.meta.env.DEV` true.
		env: { ...process.env, NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1", FLOWBOOK_PDF: "0", ...env },
		timeout: BUILD_TIMEOUT,
	});
	if (result.error) {
		// A build killed at the limit would otherwise read as a wrong exit code.
		throw new Error(`astro build in ${dir} did not finish: ${result.error.message}`);
	}
	return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
