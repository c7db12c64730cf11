/**
 * Minimal git access for the changelog and the diff CLI. Arguments go to git as an array
 * (execFileSync, no shell), so refs and paths are never interpreted by a shell.
 */
import { execFileSync } from "node:child_process";

export class GitError extends Error {
	readonly code: "no-git" | "failed";
	constructor(message: string, code: "no-git" | "failed") {
		super(message);
		this.code = code;
	}
}

/** Runs git in `cwd` and returns its stdout; throws GitError with git's own message. */
export function git(cwd: string, args: readonly string[]): string {
	try {
		return execFileSync("git", ["-c", "core.quotePath=false", ...args], {
			cwd,
			encoding: "utf8",
			maxBuffer: 512 * 1024 * 1024,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
		});
	} catch (error) {
		const e = error as NodeJS.ErrnoException & { stderr?: string };
		if (e.code === "ENOENT") throw new GitError("git is not installed or not on the PATH", "no-git");
		const stderr = typeof e.stderr === "string" ? e.stderr.trim() : "";
		throw new GitError(stderr.split("\n")[0] || e.message, "failed");
	}
}

/** A file's text at a commit, with `path` relative to `cwd`; undefined when it does not exist there. */
export function gitShow(cwd: string, ref: string, path: string): string | undefined {
	try {
		return git(cwd, ["show", `${ref}:./${path}`]);
	} catch (error) {
		if (error instanceof GitError && error.code === "failed") return undefined;
		throw error;
	}
}

/** Files under `dir` (relative to `cwd`) at `ref`, relative to `cwd`. */
export function gitListFiles(cwd: string, ref: string, dir: string): string[] {
	const out = git(cwd, ["ls-tree", "-r", "-z", "--name-only", ref, "--", dir]);
	return out.split("\0").filter((p) => p !== "");
}

/** Undoes git's C-style quoting of unusual paths: "a\tb \303\251.yaml" → a<TAB>b é.yaml. */
export function unquoteGitPath(path: string): string {
	if (!path.startsWith('"') || !path.endsWith('"')) return path;
	const bytes: number[] = [];
	const body = Array.from(path.slice(1, -1));
	const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
	for (let i = 0; i < body.length; i++) {
		const ch = body[i] as string;
		if (ch !== "\\") {
			bytes.push(...Buffer.from(ch, "utf8"));
			continue;
		}
		const next = body[i + 1] ?? "";
		if (/[0-7]/.test(next)) {
			bytes.push(Number.parseInt(body.slice(i + 1, i + 4).join(""), 8));
			i += 3;
		} else {
			bytes.push(simple[next] ?? next.charCodeAt(0));
			i += 1;
		}
	}
	return Buffer.from(bytes).toString("utf8");
}
