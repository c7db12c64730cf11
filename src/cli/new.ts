/**
 * `node src/cli/new.ts flowchart "Renewal process" [--root DIR]`: writes a commented, valid starter
 * flowchart to `content/flowcharts/<slug>.yaml`. Never overwrites. Exit 1 when the file exists,
 * 2 on bad usage.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { slug } from "github-slugger";
import { buildDate } from "../lib/review/due.ts";
import { idPattern } from "../lib/schema/flowchart.ts";

export interface NewIo {
	cwd: string;
	env: Record<string, string | undefined>;
	stdout: (line: string) => void;
	stderr: (line: string) => void;
}

const usage = 'usage: npm run new -- flowchart "Renewal process" [--root DIR]';

/** A file name (and so id) for a title: "Renewal process" → "renewal-process". */
export function flowchartSlug(title: string): string {
	const s = slug(title)
		.normalize("NFKD")
		.replace(/[^a-z0-9_-]/g, "")
		.replace(/-+/g, "-")
		.replace(/^-|-$/g, "");
	if (s === "") return "flowchart";
	return idPattern.test(s) ? s : `flowchart-${s}`;
}

/** The starter file: a minimal valid flow with a comment on every field. */
export function flowchartTemplate(title: string, today: string): string {
	const q = JSON.stringify(title);
	return `# yaml-language-server: $schema=../../public/schemas/flowchart.schema.json
# A sales process flowchart. The file name (without .yaml) is its id and its page address.
# Check it with \`npm run validate\`; see what you changed with \`npm run diff -- origin/main\`.

# The process name, shown as the page title.
title: ${q}
# One sentence: what the process is for (inline Markdown allowed).
summary: What this process is for, in one sentence.
# Role (an id from \`roles\` below) that keeps this flowchart current.
owner: ops
# Diagram direction: left out, Flowbook picks the one that fits a screen. Set LR or TB to force one.
# direction: TB

# The roles taking part, keyed by a short id used in the steps below.
# A role is a name, or { name, description, email }.
roles:
  ae: Account executive
  ops: Sales operations

# The steps, in reading order. Each has a unique id (lower-case, digits, - and _).
steps:
  # type: start | stage (the default) | decision | end.
  - id: start
    type: start
    label: New opportunity
    # Where the step leads: one step id, or a list of { to, when }.
    next: first-stage

  - id: first-stage
    label: First stage
    # What happens here (inline Markdown).
    description: Describe what the team does in this stage.
    # RACI: responsible does the work (and is the diagram swimlane), accountable answers for it,
    # consulted are asked for input, informed are kept up to date.
    responsible: ae
    accountable: ops
    consulted: []
    informed: []
    # Things to do in this step.
    tasks:
      - The first thing to do.
    # Entry criteria: what must be true before a deal enters this step.
    entry: What must be true before a deal enters this stage.
    # Exit criteria: what "done" means.
    exit: What must be true before a deal leaves this stage.
    # Targets, compared with the CRM export when there is one.
    metrics:
      target_conversion: 50%
      max_days: 14
    # Tasks a system does on its own, e.g. { trigger: ..., action: ..., system: CRM workflow }.
    automations: []
    next: decision

  # A decision: every branch needs a \`when\` condition, shown on the arrow.
  - id: decision
    type: decision
    label: Ready to go ahead?
    responsible: ae
    next:
      - to: won
        when: "Yes"
      - to: lost
        when: "No"

  # End steps: outcome won, lost or other (used for the win rate).
  - id: won
    type: end
    label: Won
    outcome: won

  - id: lost
    type: end
    label: Lost
    outcome: lost

# Reviews: how often (e.g. 6 months, 1 year, 90 days) and the reviews so far.
# \`npm run review -- <id>\` prints the checklist and an entry to paste below.
review:
  every: 6 months
  log:
    - date: ${today}
      by: Sales operations
      summary: First version of the flowchart.
`;
}

export async function runNew(argv: readonly string[], io: NewIo): Promise<number> {
	let root = io.cwd;
	const words: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === "--root") {
			const value = argv[++i];
			if (value === undefined) {
				io.stderr(`new: --root needs a value\n${usage}`);
				return 2;
			}
			root = resolve(io.cwd, value);
		} else if (arg === "--help" || arg === "-h") {
			io.stdout(usage);
			return 0;
		} else if (arg.startsWith("--")) {
			io.stderr(`new: unknown option ${arg}\n${usage}`);
			return 2;
		} else words.push(arg);
	}
	const [kind, ...rest] = words;
	const title = rest.join(" ").trim();
	if (kind !== "flowchart" || title === "") {
		io.stderr(kind && kind !== "flowchart" ? `new: I can only make a flowchart, not "${kind}"\n${usage}` : usage);
		return 2;
	}
	let today: string;
	try {
		today = buildDate(io.env);
	} catch (error) {
		io.stderr(`new: ${(error as Error).message}`);
		return 2;
	}
	const file = `content/flowcharts/${flowchartSlug(title)}.yaml`;
	const path = join(root, file);
	if (existsSync(path) || existsSync(path.replace(/\.yaml$/, ".yml"))) {
		io.stderr(
			`${file} error: a flowchart with this id already exists, so nothing was written.\n  hint: Edit the existing file, or choose another title.`,
		);
		return 1;
	}
	await mkdir(dirname(path), { recursive: true });
	await writeFile(path, flowchartTemplate(title, today), { flag: "wx" });
	io.stdout(`Created ${file}. Edit it, then run \`npm run validate\` and open a pull request.`);
	return 0;
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
	try {
		return await runNew(argv, {
			cwd: process.cwd(),
			env: process.env,
			stdout: (line) => process.stdout.write(`${line}\n`),
			stderr: (line) => process.stderr.write(`${line}\n`),
		});
	} catch (error) {
		process.stderr.write(`new: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
		return 2;
	}
}

if (import.meta.main) process.exitCode = await main();
