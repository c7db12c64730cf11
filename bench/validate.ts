/**
 * Times `npm run validate` on 1,000 synthetic 30-step flowcharts. Target: under 2 s on the 2-core CI machine.
 *
 *   node_modules/.bin/node bench/validate.ts [--files 1000] [--steps 30] [--runs 3]
 *
 * Writes the flowcharts to `bench/out/validate/content/flowcharts/` (other sizes: `validate-<files>x<steps>/`) (once; delete the folder to
 * regenerate), then runs the validate CLI in a fresh process `--runs` times and prints each wall
 * time and the median. A cold process each time: that is what CI and a pre-commit hook pay.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(name);
	const value = i >= 0 ? Number(args[i + 1]) : Number.NaN;
	return Number.isFinite(value) && value > 0 ? value : fallback;
};
const files = option("--files", 1000);
const steps = option("--steps", 30);
const runs = option("--runs", 3);
const outDir = files === 1000 && steps === 30 ? "bench/out/validate" : `bench/out/validate-${files}x${steps}`;
const flowchartDir = `${root}${outDir}/content/flowcharts`;

const roles = ["sdr", "ae", "se", "manager", "cs", "ops"];

/** A flowchart shaped like the sample ones: start, stages with full details, decisions every fifth step, won/lost ends. */
export function syntheticFlowchart(n: number, stepCount: number): string {
	const lines: string[] = [
		"# yaml-language-server: $schema=../../../../public/schemas/flowchart.schema.json",
		`title: "Synthetic process ${n}"`,
		`summary: A generated process with ${stepCount} steps, used to time \`npm run validate\`.`,
		"owner: ops",
		"direction: LR",
		"roles:",
		...roles.map((r) => `  ${r}:\n    name: Role ${r.toUpperCase()}\n    description: Does the ${r} part of the work.`),
		"steps:",
		"  - id: start",
		"    type: start",
		"    label: New lead",
		"    next: s1",
	];
	const middle = stepCount - 3;
	for (let i = 1; i <= middle; i++) {
		const next = i === middle ? "won" : `s${i + 1}`;
		const responsible = roles[i % roles.length] as string;
		if (i % 5 === 0) {
			lines.push(
				`  - id: s${i}`,
				"    type: decision",
				`    label: "Qualified at gate ${i}?"`,
				`    responsible: ${responsible}`,
				"    next:",
				`      - to: ${next}`,
				'        when: "Yes: budget, authority, need and timeline confirmed"',
				"      - to: lost",
				'        when: "No"',
			);
			continue;
		}
		lines.push(
			`  - id: s${i}`,
			`    label: Stage ${i}`,
			`    description: In stage ${i} the **${responsible}** works the deal (calls, e-mails and notes in the CRM).`,
			`    responsible: ${responsible}`,
			"    accountable: manager",
			"    consulted: [se, ops]",
			"    informed: [cs]",
			"    tasks:",
			"      - Call the buyer and confirm the next meeting.",
			"      - Update the opportunity's stage, amount and close date in the CRM.",
			"      - Send a summary e-mail within one business day.",
			`    entry: The deal has passed stage ${i - 1}.`,
			`    exit: The buyer agreed to stage ${i + 1} in writing.`,
			"    metrics:",
			`      target_conversion: "${50 + (i % 40)}%"`,
			`      max_days: ${5 + (i % 20)}`,
			"    automations:",
			"      - trigger: No reply after 3 days",
			"        action: Send the follow-up template",
			"        system: CRM sequence",
			`    next: ${next}`,
		);
	}
	lines.push(
		"  - id: won",
		"    type: end",
		"    label: Won",
		"    outcome: won",
		"  - id: lost",
		"    type: end",
		"    label: Lost",
		"    outcome: lost",
		"review:",
		"  every: 6 months",
		"  log:",
		'    - date: "2026-09-01"',
		"      by: Sales operations",
		"      summary: Generated for the benchmark.",
		"",
	);
	return lines.join("\n");
}

function generate(): void {
	if (existsSync(flowchartDir) && readdirSync(flowchartDir).length === files) return;
	mkdirSync(flowchartDir, { recursive: true });
	for (let n = 1; n <= files; n++) {
		writeFileSync(`${flowchartDir}/fc-${String(n).padStart(4, "0")}.yaml`, syntheticFlowchart(n, steps));
	}
	console.log(`Generated ${files} flowcharts of ${steps} steps in ${outDir}/content/flowcharts`);
}

function timeOnce(): { ms: number; out: string; code: number | null } {
	const t0 = performance.now();
	const result = spawnSync(process.execPath, [`${root}src/cli/validate.ts`, "--root", outDir], {
		cwd: root,
		encoding: "utf8",
		env: { ...process.env, FLOWBOOK_TODAY: "2026-11-27", NO_COLOR: "1" },
	});
	const ms = performance.now() - t0;
	return { ms, out: `${result.stdout}${result.stderr}`.trim(), code: result.status };
}

if (import.meta.main) {
	generate();
	measure();
}

function measure(): void {
	const times: number[] = [];
	let last = "";
	for (let i = 0; i < runs; i++) {
		const run = timeOnce();
		if (run.code !== 0) {
			console.error(`validate exited ${run.code}:\n${run.out}`);
			process.exit(1);
		}
		times.push(run.ms);
		last = run.out.split("\n").at(-1) ?? "";
	}
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)] as number;
	console.log(
		JSON.stringify({
			files,
			steps,
			runsMs: times.map((t) => Math.round(t)),
			medianMs: Math.round(median),
			output: last,
		}),
	);
}
