/** The git history of the content folder: who changed which files, when, and why (the subject). */
import { GitError, git, unquoteGitPath } from "./git.ts";

export type FileStatus = "added" | "modified" | "deleted" | "type-changed";

export interface GitCommit {
	hash: string;
	/** Parent hashes; empty for the first commit. */
	parents: string[];
	/** The author's calendar day, YYYY-MM-DD, in the author's own timezone. */
	date: string;
	/** Author date, ISO 8601 with offset. */
	time: string;
	author: string;
	subject: string;
	/** Paths relative to the root directory, forward slashes. */
	files: { path: string; status: FileStatus }[];
}

export type GitHistory = { available: true; commits: GitCommit[] } | { available: false; reason: string };

const statuses: Record<string, FileStatus> = { A: "added", M: "modified", D: "deleted", T: "type-changed" };

/**
 * Commits touching `paths` (relative to `rootDir`), newest first. Never throws: without git, outside
 * a repository, before the first commit or in a shallow clone (whose oldest commit would seem to add
 * everything) it says why the history is unavailable.
 */
export function gitContentHistory(
	rootDir: string,
	paths: readonly string[] = ["content"],
	options: { maxCount?: number } = {},
): GitHistory {
	try {
		if (git(rootDir, ["rev-parse", "--is-inside-work-tree"]).trim() !== "true") {
			return { available: false, reason: "the project is not inside a git work tree" };
		}
	} catch (error) {
		const reason =
			error instanceof GitError && error.code === "no-git"
				? "git is not installed"
				: "the project is not a git repository (a download or a copy without history)";
		return { available: false, reason };
	}
	try {
		if (git(rootDir, ["rev-parse", "--is-shallow-repository"]).trim() === "true") {
			return {
				available: false,
				reason:
					"the repository is a shallow clone, so its history is incomplete (fetch it in full, e.g. `fetch-depth: 0`)",
			};
		}
		try {
			git(rootDir, ["rev-parse", "--verify", "--quiet", "HEAD"]);
		} catch {
			return { available: false, reason: "the repository has no commits yet" };
		}
		const args = ["log", "--relative", "--no-renames", "--name-status", "--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%s"];
		if (options.maxCount !== undefined) args.push(`--max-count=${options.maxCount}`);
		args.push("HEAD", "--", ...paths);
		return { available: true, commits: parseLog(git(rootDir, args)) };
	} catch (error) {
		return { available: false, reason: `git failed: ${(error as Error).message}` };
	}
}

/** Parses the `git log` output produced above. Commits without file changes (merges) are dropped. */
export function parseLog(out: string): GitCommit[] {
	const commits: GitCommit[] = [];
	for (const record of out.split("\x1e")) {
		if (record.trim() === "") continue;
		const [header = "", ...rest] = record.split("\n");
		const [hash = "", parents = "", time = "", author = "", subject = ""] = header.split("\x1f");
		const files: GitCommit["files"] = [];
		for (const line of rest) {
			if (line === "") continue;
			const [code = "", path = ""] = line.split("\t");
			const status = statuses[code.charAt(0)];
			if (status === undefined || path === "") continue;
			files.push({ path: unquoteGitPath(path).replace(/\\/g, "/"), status });
		}
		if (files.length === 0) continue;
		commits.push({
			hash,
			parents: parents.split(" ").filter(Boolean),
			date: time.slice(0, 10),
			time,
			author,
			subject,
			files,
		});
	}
	return commits;
}
