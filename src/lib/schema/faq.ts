/** The FAQ: `content/faq/<lang>.yaml`, questions grouped by topic, with the same ids in every language. */
import { z } from "zod";
import { IdSchema } from "./flowchart.ts";

export const FaqQuestionSchema = z
	.strictObject({
		/** Anchor of the question on the FAQ page; keep it the same in every language. */
		id: IdSchema.describe("Anchor of the question; the same in every language."),
		/** The question as a rep would ask it. */
		question: z.string().min(1).describe("The question as a rep would ask it."),
		/** The answer (Markdown). */
		answer: z.string().min(1).describe("The answer, in Markdown."),
		/** A flowchart step this question is about, `<flowchart-id>/<step-id>`; the step's section lists it. */
		step: z
			.string()
			.regex(/^[a-z][a-z0-9_-]*\/[a-z][a-z0-9_-]*$/, { message: "must be written <flowchart-id>/<step-id>" })
			.optional()
			.describe("A flowchart step this question is about, written <flowchart-id>/<step-id>, e.g. b2b/qualified."),
	})
	.describe("One question and its answer.");

export const FaqTopicSchema = z
	.strictObject({
		/** Anchor of the topic. */
		id: IdSchema.describe("Anchor of the topic."),
		/** Topic heading. */
		title: z.string().min(1).describe("Topic heading."),
		/** The questions of this topic, in reading order. */
		questions: z.array(FaqQuestionSchema).min(1).describe("The questions of this topic, in reading order."),
	})
	.describe("A group of questions.");

export const FaqSchema = z
	.strictObject({
		/** Topics in reading order. */
		topics: z.array(FaqTopicSchema).min(1).describe("Topics in reading order."),
	})
	.describe("Frequently asked questions in one language.");

export type Faq = z.output<typeof FaqSchema>;
export type FaqQuestion = z.output<typeof FaqQuestionSchema>;
