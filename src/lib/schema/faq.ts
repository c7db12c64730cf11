/** The FAQ: `content/faq/<lang>.yaml`, questions grouped by topic, with the same ids in every language. */
import { z } from "zod";
import { IdSchema } from "./flowchart.ts";

export const FaqQuestionSchema = z
	.strictObject({
		id: IdSchema.describe("Anchor of the question; the same in every language."),
		question: z.string().min(1).describe("The question as a rep would ask it."),
		answer: z.string().min(1).describe("The answer, in Markdown."),
		step: z
			.string()
			.regex(/^[a-z][a-z0-9_-]*\/[a-z][a-z0-9_-]*$/, { message: "must be written <flowchart-id>/<step-id>" })
			.optional()
			.describe("A flowchart step this question is about, written <flowchart-id>/<step-id>, e.g. b2b/qualified."),
	})
	.describe("One question and its answer.");

export const FaqTopicSchema = z
	.strictObject({
		id: IdSchema.describe("Anchor of the topic."),
		title: z.string().min(1).describe("Topic heading."),
		questions: z.array(FaqQuestionSchema).min(1).describe("The questions of this topic, in reading order."),
	})
	.describe("A group of questions.");

export const FaqSchema = z
	.strictObject({
		topics: z.array(FaqTopicSchema).min(1).describe("Topics in reading order."),
	})
	.describe("Frequently asked questions in one language.");

export type Faq = z.output<typeof FaqSchema>;
export type FaqQuestion = z.output<typeof FaqQuestionSchema>;
