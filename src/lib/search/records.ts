/**
 * Search records for things that live inside a page (a flowchart's steps, FAQ
 * questions): Pagefind indexes whole pages, so these are added as custom
 * records whose URL is the exact anchor, filterable by kind and flowchart.
 */
import type { Faq } from "../schema/faq.ts";
import { type Flowchart, roleName } from "../schema/flowchart.ts";

export type SearchKind = "flowchart" | "step" | "page" | "faq" | "role";

export interface SearchRecord {
	/** Site-relative URL without the base path, e.g. `/id/flowcharts/b2b/#step-negotiation`; Pagefind's baseUrl adds the base. */
	url: string;
	content: string;
	language: string;
	/** `title` is what must match to rank first (the step's or question's own words); `page` groups results. */
	meta: { title: string; kind: SearchKind; page: string };
	filters: { kind: SearchKind[]; flowchart?: string[] };
}

/** Markdown link targets and markup characters add nothing to search. */
const plain = (text: string | undefined) => (text ?? "").replace(/\]\([^)]*\)/g, "]").replace(/[*_`#>[\]]/g, "");

/** "A" + "B?" + "C" → "A. B? C": sentences joined without doubled punctuation. */
export function sentences(parts: readonly string[]): string {
	return parts
		.map((p) => p.trim())
		.filter((p) => p !== "")
		.map((p) => (/[.!?…:]$/.test(p) ? p : `${p}.`))
		.join(" ");
}

export function stepRecords(
	flowchart: { id: string; data: Flowchart },
	lang: string,
	langPrefix: string,
	labels: { types: Record<string, string> },
): SearchRecord[] {
	const { data } = flowchart;
	return data.steps.map((step) => {
		const roles = [step.responsible, step.accountable, ...(step.consulted ?? []), ...(step.informed ?? [])]
			.filter((r): r is string => r !== undefined)
			.map((r) => roleName(data.roles[r], r));
		const content = sentences([
			step.label,
			labels.types[step.type] ?? step.type,
			plain(step.description),
			...(step.tasks ?? []).map(plain),
			plain(step.entry),
			plain(step.exit),
			...(step.automations ?? []).map((a) => `${a.trigger} ${a.action} ${a.system}`),
			...roles,
		]);
		return {
			url: `${langPrefix}flowcharts/${flowchart.id}/#step-${step.id}`,
			content,
			language: lang,
			meta: { title: step.label, kind: "step", page: data.title },
			filters: { kind: ["step"], flowchart: [data.title] },
		};
	});
}

export function faqRecords(
	faq: Faq,
	lang: string,
	langPrefix: string,
	flowchartTitles: Record<string, string>,
	pageTitle: string,
): SearchRecord[] {
	return faq.topics.flatMap((topic) =>
		topic.questions.map((q): SearchRecord => {
			const fcTitle = q.step ? flowchartTitles[q.step.split("/")[0] ?? ""] : undefined;
			return {
				url: `${langPrefix}faq/#q-${q.id}`,
				content: sentences([q.question, plain(q.answer)]),
				language: lang,
				meta: { title: q.question, kind: "faq", page: pageTitle },
				filters: { kind: ["faq"], ...(fcTitle ? { flowchart: [fcTitle] } : {}) },
			};
		}),
	);
}
