/** `npm run review -- <flowchart-id>`: the reviewer's checklist. Used by `src/cli/review.ts`. */
import { resolve } from "node:path";
import { formatDiagnostic } from "../lib/diagnostics/diagnostic.ts";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";
import { loadMetrics } from "../lib/metrics/index.ts";
import { reviewChecklist } from "../lib/review/checklist.ts";
import { buildDate, lastReview } from "../lib/review/due.ts";
import { checklistMetrics } from "../lib/review/metrics.ts";
import { closest, listOf } from "../lib/text/suggest.ts";

export interface ReviewIo {
	cwd: string;
	env: Record<string, string | undefined>;
	stdout: (text: string) => void;
	stderr: (line: string) => void;
}

const usage =
	"usage: npm run review -- <flowchart-id> [--root DIR] [--every '6 months'] [--no-metrics]   (FLOWBOOK_TODAY=YYYY-MM-DD fixes the date)";

export async function runReview(argv: readonly string[], io: ReviewIo): Promise<number> {
	let root = io.cwd;
	let every: string | undefined;
	let metrics = true;
	const ids: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === "--root" || arg === "--every") {
			const value = argv[++i];
			if (value === undefined) {
				io.stderr(`review: ${arg} needs a value\n${usage}`);
				return 2;
			}
			if (arg === "--root") root = resolve(io.cwd, value);
			else every = value;
		} else if (arg === "--no-metrics") metrics = false;
		else if (arg === "--help" || arg === "-h") {
			io.stdout(`${usage}\n`);
			return 0;
		} else if (arg.startsWith("-")) {
			io.stderr(`review: unknown option ${arg}\n${usage}`);
			return 2;
		} else ids.push(arg);
	}
	let today: string;
	try {
		today = buildDate(io.env);
	} catch (error) {
		io.stderr(`review: ${(error as Error).message}`);
		return 2;
	}
	const { flowcharts, diagnostics } = await loadFlowcharts(root);
	const known = flowcharts.map((f) => f.id);
	const id = ids[0];
	if (id === undefined || ids.length > 1) {
		io.stderr(`review: name one flowchart${known.length ? `: ${listOf(known)}` : ""}\n${usage}`);
		return 2;
	}
	const fc = flowcharts.find((f) => f.id === id);
	if (fc === undefined) {
		const own = diagnostics.filter((d) => d.file.endsWith(`/${id}.yaml`) || d.file.endsWith(`/${id}.yml`));
		if (own.length > 0) {
			io.stderr(`review: ${id} has errors; fix them first (npm run validate):`);
			for (const d of own) io.stderr(formatDiagnostic(d));
			return 1;
		}
		const guess = closest(id, known);
		io.stderr(
			formatDiagnostic({
				severity: "error",
				file: `content/flowcharts/${id}.yaml`,
				code: "unknown-flowchart",
				message: `there is no flowchart "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}`,
				hint: known.length
					? `Flowcharts: ${listOf(known, 50)}. The id is the file name without .yaml.`
					: "There are no valid flowcharts in content/flowcharts/ yet.",
			}),
		);
		return 1;
	}
	let summary: ReturnType<typeof checklistMetrics> | undefined;
	const notes: string[] = [];
	if (metrics) {
		const last = lastReview(fc.data.review?.log)?.day;
		const since = last === undefined ? undefined : Date.parse(`${last}T00:00:00Z`);
		const loaded = await loadMetrics({ root, id: fc.id, flowchart: fc.data, since });
		if (loaded.report) summary = checklistMetrics(loaded.report, last);
		// Problems with the export are said, so the reviewer knows why numbers are missing or partial.
		for (const d of loaded.diagnostics) notes.push(formatDiagnostic(d));
		if (!loaded.report && loaded.note && (loaded.diagnostics.length > 0 || last !== undefined)) notes.push(loaded.note);
	}
	io.stdout(reviewChecklist(fc, { today, ...(every ? { defaultCadence: every } : {}), metrics: summary }));
	for (const note of notes) io.stderr(note);
	return 0;
}
