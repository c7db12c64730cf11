/**
 * The pull request's flowchart against real deals: the same CRM history replayed against the base and the
 * proposed flowchart, and what would change in how well deals fit the playbook.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { arrowText, count, deals, deviationPhrase, percent, points } from "../conformance/describe.ts";
import type { DeviationKind } from "../conformance/deviations.ts";
import {
	type ConformanceChange,
	type ConformanceReport,
	compareConformance,
	conformanceOf,
} from "../conformance/index.ts";
import { gitShow } from "../git/git.ts";
import { csvFilesIn, ingestCsv } from "../metrics/ingest.ts";
import { parseMapping } from "../metrics/mapping.ts";
import type { Flowchart } from "../schema/flowchart.ts";
import { inline } from "./markdown.ts";

export interface ConformanceReplay {
	/** Project-relative folder of the CRM export. */
	folder: string;
	before: ConformanceReport;
	after: ConformanceReport;
	change: ConformanceChange;
	/** Milliseconds spent reading the export and replaying it twice. */
	ms: number;
}

type Replayed = { report: ConformanceReport } | { problem: string };

async function replay(
	text: string,
	file: string,
	fc: Flowchart,
	sources: Awaited<ReturnType<typeof csvFilesIn>>,
): Promise<Replayed> {
	const { mapping, diagnostics } = parseMapping(text, file, fc);
	const first = diagnostics.find((d) => d.severity === "error");
	if (!mapping || first) {
		const where = first?.line === undefined ? file : `${file}:${first.line}:${first.column ?? 1}`;
		return { problem: `\`${where}\`: ${(first?.message ?? "the mapping has errors").replace(/\.$/, "")}` };
	}
	const { store } = await ingestCsv(sources, mapping, fc);
	if (store.order.length === 0)
		return { problem: `the export in \`${file.replace(/\/[^/]*$/, "/")}\` has no usable rows` };
	return { report: conformanceOf(fc, store, { period: mapping.period }) };
}

/**
 * Replays `content/metrics/<id>/` (the working tree's export) against both versions. The base is read
 * with the mapping at the ref, so a renamed step maps as it did then. Undefined without an export;
 * a problem (e.g. the mapping names a step the proposal removes) is said, not hidden.
 */
export async function replayConformance(
	root: string,
	ref: string,
	id: string,
	base: Flowchart,
	proposed: Flowchart,
): Promise<ConformanceReplay | { problem: string } | undefined> {
	const started = performance.now();
	const folder = `content/metrics/${id}`;
	const sources = await csvFilesIn(join(root, folder), folder);
	if (sources.length === 0) return undefined;
	const file = `${folder}/mapping.yaml`;
	let now: string;
	try {
		now = await readFile(join(root, file), "utf8");
	} catch {
		return undefined;
	}
	const then = gitShow(root, ref, file) ?? now;
	const after = await replay(now, file, proposed, sources);
	if ("problem" in after) return { problem: `against the proposed flowchart, ${after.problem}` };
	const before = await replay(then, file, base, sources);
	if ("problem" in before) return { problem: `against the flowchart at the base, ${before.problem}` };
	return {
		folder,
		before: before.report,
		after: after.report,
		change: compareConformance(before.report, after.report),
		ms: performance.now() - started,
	};
}

/** Deviations listed in the comment; the rest are counted. */
export const DIFF_DEVIATIONS = 8;

/** The replay as Markdown lines under the flowchart's section of the diff comment. */
export function conformanceMarkdown(r: ConformanceReplay, base: Flowchart, proposed: Flowchart): string[] {
	const labels = new Map([...base.steps, ...proposed.steps].map((s) => [s.id, s.label]));
	const label = (stepId: string) => `**${inline(labels.get(stepId) ?? stepId)}**`;
	const { change: c, before, after } = r;
	const lines = [
		`**Against real deals** (${deals(after.deals)} in \`${r.folder}/\`, replayed against both versions):`,
		"",
		"| | Before | After | Change |",
		"| --- | --- | --- | --- |",
		`| Conformance rate | ${percent(c.rateBefore)} | ${percent(c.rateAfter)} | ${delta(c.rateBefore, c.rateAfter)} |`,
		`| Fitness | ${percent(c.fitnessBefore)} | ${percent(c.fitnessAfter)} | ${delta(c.fitnessBefore, c.fitnessAfter)} |`,
		`| Deals that conform | ${count(before.conforming)} | ${count(after.conforming)} | ${signed(after.conforming - before.conforming)} |`,
		`| Arrows nobody took | ${count(before.deadArrows.length)} | ${count(after.deadArrows.length)} | ${signed(after.deadArrows.length - before.deadArrows.length)} |`,
		"",
	];
	lines.push(`- ${headline(c)}`);
	const kinds = new Map(
		[...before.deviations, ...before.allowed, ...after.deviations, ...after.allowed].map((d) => [d.key, d]),
	);
	const nowAllowed = new Set(after.allowed.map((d) => d.key));
	for (const d of c.deviations.slice(0, DIFF_DEVIATIONS)) {
		const dev = kinds.get(d.key);
		if (!dev) continue;
		lines.push(`- ${deviationChange(dev.kind, dev.steps, d.before, d.after, nowAllowed.has(d.key), label)}`);
	}
	if (c.deviations.length > DIFF_DEVIATIONS) {
		lines.push(`- …and ${count(c.deviations.length - DIFF_DEVIATIONS)} more deviations change.`);
	}
	for (const key of c.newDeadArrows) lines.push(`- Nobody took ${arrowText(key, label)}: it would be a dead arrow.`);
	lines.push("");
	return lines;
}

function delta(before: number | null, after: number | null): string {
	return before === null || after === null ? "–" : points(after - before);
}

function signed(n: number): string {
	return n === 0 ? "0" : `${n > 0 ? "+" : "−"}${count(Math.abs(n))}`;
}

/** The sentence a reviewer reads first: how many deals the change brings into line, or out of it. */
function headline(c: ConformanceChange): string {
	const parts: string[] = [];
	if (c.newlyConforming > 0)
		parts.push(`makes ${count(c.newlyConforming)} more ${c.newlyConforming === 1 ? "deal" : "deals"} conform`);
	if (c.newlyDeviating > 0) parts.push(`makes ${deals(c.newlyDeviating)} that conform today deviate`);
	if (parts.length === 0) parts.push("changes no deal's conformance");
	const dead = c.newDeadArrows.length;
	const tail = dead > 0 ? `; ${count(dead)} ${dead === 1 ? "arrow" : "arrows"} would be dead` : "";
	return `This change ${parts.join(" and ")}${tail}.`;
}

function deviationChange(
	kind: DeviationKind,
	steps: readonly string[],
	before: number,
	after: number,
	allowed: boolean,
	label: (id: string) => string,
): string {
	const what = capital(deviationPhrase(kind, steps, label));
	const then = after === 0 ? (allowed ? "accepted by the allowlist" : "none") : deals(after);
	return `${what}: ${before === 0 ? "none" : deals(before)} today → ${then}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
