/**
 * `astro dev` on a project folder, for tests and the edit-to-update bench: started on a free port under /sales/,
 * its terminal output collected, stopped with its whole process group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./site.ts";

export interface DevServer {
	/** e.g. http://127.0.0.1:4567/sales/ */
	url: string;
	/** Everything the dev server printed so far (stdout and stderr). */
	output(): string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
	const address = server.address();
	await new Promise<void>((done) => server.close(() => done()));
	if (!address || typeof address === "string") throw new Error("no free port");
	return address.port;
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`astro dev exited with ${child.exitCode}:\n${output()}`);
		try {
			const response = await fetch(url);
			if (response.status < 500) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((done) => setTimeout(done, 500));
	}
	throw new Error(`astro dev did not answer at ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** The environment without the test runner's marks: under VITEST / NODE_ENV=test, Vite serves no live reload. */
function devEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env))
		if (key.startsWith("VITEST") || key === "NODE_ENV" || key === "TEST") delete env[key];
	return env;
}

export async function startDevServer(dir: string, timeoutMs = 300_000): Promise<DevServer> {
	const port = await freePort();
	const child = spawn(
		process.execPath,
		[join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--port", String(port), "--host", "127.0.0.1"],
		{
			cwd: dir,
			detached: true,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...devEnv(), ASTRO_TELEMETRY_DISABLED: "1", FLOWBOOK_BASE: "/sales/", FLOWBOOK_TODAY: "2026-11-27" },
		},
	);
	let text = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		text += chunk.toString();
	});
	child.stderr?.on("data", (chunk: Buffer) => {
		text += chunk.toString();
	});
	const url = `http://127.0.0.1:${port}/sales/`;
	const stop = async () => {
		if (child.exitCode !== null || child.pid === undefined) return;
		const exited = new Promise((done) => child.once("exit", done));
		process.kill(-child.pid, "SIGTERM");
		await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
		if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
	};
	try {
		await waitUntilServing(url, child, () => text, timeoutMs);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, output: () => text, stop };
}
