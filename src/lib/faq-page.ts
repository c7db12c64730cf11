/** The FAQ page: anchors, questions by step, and the schema.org FAQPage structured data. */
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Faq } from "./schema/faq.ts";

export const questionAnchor = (id: string) => `q-${id}`;
export const topicAnchor = (id: string) => `topic-${id}`;

export interface StepRef {
	flowchartId: string;
	stepId: string;
}

/** `b2b/qualified` → `{ flowchartId: "b2b", stepId: "qualified" }`. */
export function parseStepRef(ref: string): StepRef | undefined {
	const [flowchartId, stepId, ...rest] = ref.split("/");
	if (!flowchartId || !stepId || rest.length > 0) return undefined;
	return { flowchartId, stepId };
}

export interface StepQuestion {
	id: string;
	question: string;
}

/** Questions that point at a step, keyed `<flowchart-id>/<step-id>`, in FAQ order. */
export function questionsByStep(faq: Faq): Map<string, StepQuestion[]> {
	const out = new Map<string, StepQuestion[]>();
	for (const topic of faq.topics) {
		for (const q of topic.questions) {
			if (!q.step) continue;
			const list = out.get(q.step) ?? [];
			list.push({ id: q.id, question: q.question });
			out.set(q.step, list);
		}
	}
	return out;
}

interface MdNode {
	type: string;
	value?: string;
	children?: MdNode[];
}

const blockTypes = new Set(["paragraph", "heading", "listItem", "blockquote", "code", "table", "tableRow"]);

/** Markdown to readable plain text: link text kept, URLs and markup dropped, blocks separated by a space. */
export function markdownToPlainText(markdown: string): string {
	const tree = unified().use(remarkParse).parse(markdown) as MdNode;
	const parts: string[] = [];
	const walk = (node: MdNode) => {
		if (node.type === "html") return;
		if (typeof node.value === "string") parts.push(node.value);
		if (node.type === "break") parts.push(" ");
		for (const child of node.children ?? []) walk(child);
		if (blockTypes.has(node.type)) parts.push(" ");
	};
	walk(tree);
	return parts.join("").replace(/\s+/g, " ").trim();
}

/** schema.org FAQPage: every question with its answer as plain text. */
export function faqPageJsonLd(faq: Faq, lang: string, url?: string): Record<string, unknown> {
	return {
		"@context": "https://schema.org",
		"@type": "FAQPage",
		inLanguage: lang,
		...(url ? { url } : {}),
		mainEntity: faq.topics.flatMap((topic) =>
			topic.questions.map((q) => ({
				"@type": "Question",
				name: q.question,
				...(url ? { url: `${url}#${questionAnchor(q.id)}` } : {}),
				acceptedAnswer: { "@type": "Answer", text: markdownToPlainText(q.answer) },
			})),
		),
	};
}
