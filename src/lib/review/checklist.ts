/** The reviewer's checklist for one flowchart, in Markdown: state, the four questions, metrics, log snippet. */
import { stringify } from "yaml";
import { type LoadedFlowchart, roleName, targetFraction } from "../schema/flowchart.ts";
import type { ChecklistConformance } from "./conformance.ts";
import { type ReviewOptions, reviewRow } from "./dashboard.ts";
import { type CalendarDate, formatDay, toCalendarDate } from "./due.ts";
import { REVIEW_QUESTIONS } from "./questions.ts";
import { flowchartSubject, type ReviewLogEntry } from "./subject.ts";

/**
 * Metrics since the last review, computed elsewhere (the metrics module, from CRM exports).
 * This module only prints them, so it does not depend on how they are computed.
 */
export interface ChecklistMetrics {
	/** First day the numbers cover. */
	since?: CalendarDate;
	/** Last day they cover (the export's date). */
	until?: CalendarDate;
	/** Whether `since` is the last review's day, or the first event of an export no review has seen. */
	scope?: "since-review" | "whole-export";
	/** Deals with at least one event in the window. */
	deals?: number;
	/** Where the numbers come from, e.g. "content/metrics/b2b/q3.csv". */
	source?: string;
	rows: { step: string; measure: string; actual: string; target?: string; offTarget?: boolean }[];
	notes?: string[];
	/** Conformance of the deals that started since the last review, and the prompts it raises. */
	conformance?: ChecklistConformance;
}

export interface ChecklistOptions extends ReviewOptions {
	metrics?: ChecklistMetrics;
}

/** The latest answer to each question, with the day it was given. */
function previousAnswers(log: readonly ReviewLogEntry[]): Map<string, { day: CalendarDate; text: string }> {
	const out = new Map<string, { day: CalendarDate; text: string }>();
	for (const entry of log) {
		const day = toCalendarDate(entry.date);
		if (day === undefined) continue;
		for (const [key, text] of Object.entries(entry.answers ?? {})) {
			if (typeof text !== "string" || text.trim() === "") continue;
			const seen = out.get(key);
			if (!seen || day >= seen.day) out.set(key, { day, text: text.trim() });
		}
	}
	return out;
}

function percent(value: number | string): string {
	const f = targetFraction(value);
	return f === undefined || Number.isNaN(f) ? String(value) : `${Math.round(f * 1000) / 10}%`;
}

function metricsSection(fc: LoadedFlowchart, metrics: ChecklistMetrics | undefined): string[] {
	if (metrics && metrics.rows.length > 0) {
		const lines = ["## Metrics", "", `${windowSentence(metrics)}`, ""];
		lines.push("| Step | Measure | Actual | Target |", "| --- | --- | --- | --- |");
		for (const r of metrics.rows) {
			const actual = r.offTarget ? `**${r.actual}** (off target)` : r.actual;
			lines.push(`| ${cell(r.step)} | ${cell(r.measure)} | ${cell(actual)} | ${cell(r.target ?? "")} |`);
		}
		lines.push("");
		for (const note of metrics.notes ?? []) lines.push(`- ${note}`);
		lines.push("- [ ] Do the numbers call for a change to the flowchart?", "");
		return lines;
	}
	const targets = fc.data.steps.filter((s) => s.metrics?.target_conversion !== undefined || s.metrics?.max_days);
	if (targets.length === 0) return [];
	const lines = [
		"## Metric targets",
		"",
		"No CRM numbers were given for this review; compare these targets by hand.",
		"",
	];
	lines.push("| Step | Target conversion | Max days in step |", "| --- | --- | --- |");
	for (const s of targets) {
		const conv = s.metrics?.target_conversion === undefined ? "" : percent(s.metrics.target_conversion);
		lines.push(`| ${cell(s.label)} | ${conv} | ${s.metrics?.max_days ?? ""} |`);
	}
	lines.push("", "- [ ] Are the targets still right?", "");
	return lines;
}

function conformanceSection(conformance: ChecklistConformance | undefined): string[] {
	if (!conformance) return [];
	return [
		"## Conformance",
		"",
		"Deals first recorded since the last review (the whole export when there is none), replayed against this flowchart.",
		"The largest deviations and the arrows nobody took are listed as prompts under the four questions.",
		"",
		...conformance.summary,
		"",
	];
}

/** Which days and how many deals the numbers cover, and where they come from. */
function windowSentence(m: ChecklistMetrics): string {
	const deals = m.deals === undefined ? "" : `${m.deals.toLocaleString("en-US")} deal${m.deals === 1 ? "" : "s"}`;
	const until = m.until ? ` to ${formatDay(m.until)}` : "";
	const from = m.source ? ` (from ${m.source})` : "";
	if (m.scope === "since-review" && m.since) {
		return `Since the last review: events from ${formatDay(m.since)}${until}, ${deals || "all deals"}${from}.`;
	}
	if (m.scope === "whole-export") {
		const span = m.since ? ` from ${formatDay(m.since)}${until}` : "";
		return `No review recorded yet, so these cover the whole export: events${span}, ${deals || "all deals"}${from}.`;
	}
	const since = m.since ? `Deals since ${formatDay(m.since)}` : "";
	return `${[since, m.source ? `from ${m.source}` : ""].filter(Boolean).join(", ")}.`;
}

function cell(text: string): string {
	return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A `review.log` entry to paste, indented to sit under `review:` → `log:`. */
export function reviewLogSnippet(today: CalendarDate, by: string): string {
	const entry = stringify([{ date: today, by, summary: "What was decided or changed." }], { lineWidth: 0 }).trimEnd();
	const lines = entry.split("\n");
	lines.push("  answers:");
	for (const q of REVIEW_QUESTIONS) lines.push(`    ${q.key}: "" # ${q.question}`);
	return lines.map((l) => `    ${l}`).join("\n");
}

export function reviewChecklist(fc: LoadedFlowchart, options: ChecklistOptions): string {
	const row = reviewRow(flowchartSubject(fc), options);
	const lines = [`# Review checklist: ${fc.data.title}`, ""];
	lines.push(`- **Flowchart:** \`${fc.id}\` (${fc.file})`);
	if (row.ownerName) lines.push(`- **Owner:** ${row.ownerName}`);
	lines.push(`- **Cadence:** every ${row.cadence}`);
	if (row.lastReview && row.nextDue && row.daysUntilDue !== undefined) {
		lines.push(
			`- **Last review:** ${formatDay(row.lastReview.date)} by ${row.lastReview.by}: ${row.lastReview.summary}`,
		);
		const d = row.daysUntilDue;
		const when =
			d < 0 ? `overdue by ${-d} day${d === -1 ? "" : "s"}` : d === 0 ? "due today" : `in ${d} day${d === 1 ? "" : "s"}`;
		lines.push(`- **Next review due:** ${formatDay(row.nextDue)} (${when})`);
	} else {
		lines.push("- **Last review:** none yet");
	}
	lines.push("", "## The four questions", "");
	const previous = previousAnswers(fc.data.review?.log ?? []);
	for (const [i, q] of REVIEW_QUESTIONS.entries()) {
		lines.push(`${i + 1}. [ ] **${q.question}**`);
		const prev = previous.get(q.key);
		lines.push(
			prev
				? `   Previous answer (${formatDay(prev.day)}): ${prev.text.replace(/\n+/g, " ")}`
				: "   Previous answer: none recorded.",
		);
		for (const prompt of options.metrics?.conformance?.prompts[q.key] ?? []) lines.push(`   - ${prompt}`);
		lines.push("");
	}
	lines.push(...metricsSection(fc, options.metrics));
	lines.push(...conformanceSection(options.metrics?.conformance));
	const by = row.ownerName ?? (fc.data.owner ? roleName(undefined, fc.data.owner) : "Your name");
	lines.push(
		"## Record the review",
		"",
		`Add this entry under \`review:\` → \`log:\` in ${fc.file}, fill in the answers, and open a pull request.`,
		"",
		"```yaml",
		reviewLogSnippet(options.today, by),
		"```",
		"",
	);
	return lines.join("\n");
}
