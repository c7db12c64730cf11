/**
 * Conformance since the last review for the checklist: how many deals followed the playbook, and the
 * largest deviations turned into prompts under the four review questions.
 */
import type { ConformanceReport, DeviationReport } from "../conformance/analyse.ts";
import { arrowText, count, deals, deviationPhrase, percent } from "../conformance/describe.ts";
import type { ReviewAnswerKey } from "./questions.ts";

export interface ChecklistConformance {
	/** Lines of the conformance section. */
	summary: string[];
	/** Prompts under each review question. */
	prompts: Partial<Record<ReviewAnswerKey, string[]>>;
}

/** Deviations turned into prompts: the largest by impact, as the metrics page ranks them. */
export const TOP_DEVIATIONS = 5;
/** Dead arrows listed before the rest are counted. */
export const TOP_DEAD_ARROWS = 5;

/** Which question a deviation is a prompt for: what to write down, what to ask the team, what a tool could remove. */
const questionOf: Record<DeviationReport["kind"], ReviewAnswerKey> = {
	"skipped-step": "goals",
	"undocumented-transition": "goals",
	"mid-process-start": "goals",
	"backwards-move": "feedback",
	"several-branches": "feedback",
	"repeated-step": "tools",
};

const action: Record<ReviewAnswerKey, string> = {
	goals: "write it down or coach it?",
	market: "still needed?",
	tools: "could a template or an automation remove the rework?",
	feedback: "ask the team why.",
};

function impactText(d: DeviationReport): string {
	if (d.winRate === null || d.winRateWithout === null) return "";
	return ` (win rate ${percent(d.winRate)} with it, ${percent(d.winRateWithout)} without)`;
}

export function checklistConformance(report: ConformanceReport, label: (id: string) => string): ChecklistConformance {
	const prompts: ChecklistConformance["prompts"] = {};
	const add = (key: ReviewAnswerKey, text: string) => {
		prompts[key] = [...(prompts[key] ?? []), text];
	};
	for (const d of report.deviations.slice(0, TOP_DEVIATIONS)) {
		const key = questionOf[d.kind];
		const who = `${percent(d.share)} of deals (${count(d.deals)})`;
		add(key, `${who} ${deviationPhrase(d.kind, d.steps, label)}${impactText(d)}: ${action[key]}`);
	}
	const dead = report.deadArrows;
	for (const a of dead.slice(0, TOP_DEAD_ARROWS)) {
		add("market", `Nobody took ${arrowText(a.key, label)}${a.when ? ` ("${a.when}")` : ""}: ${action.market}`);
	}
	if (dead.length > TOP_DEAD_ARROWS)
		add("market", `…and ${count(dead.length - TOP_DEAD_ARROWS)} more arrows nobody took.`);

	const summary = [
		`- Conformance rate: **${percent(report.rate)}** (${deals(report.conforming)} of ${count(report.deals)} followed a documented path exactly)`,
		`- Fitness: **${percent(report.logFitness)}** (1 − alignment cost / (recorded steps + ${count(report.shortestRun)}-step shortest path), over all deals)`,
		`- Deviations counted against fitness: ${count(report.deviations.length)}; accepted by the allowlist: ${count(report.allowed.length)}; arrows nobody took: ${count(dead.length)}`,
	];
	return { summary, prompts };
}
