/** The onboarding path: `content/onboarding.yaml`, an ordered reading list for new reps. */
import { z } from "zod";

/** Text in English, or per language: `{ en: "...", id: "..." }`. */
export const LocalisedTextSchema = z
	.union([z.string().min(1), z.record(z.string(), z.string().min(1))])
	.describe("Text in English, or per language: { en: ..., id: ... }.");

export const OnboardingItemSchema = z
	.strictObject({
		ref: z
			.string()
			.regex(/^(page|flowchart|role|metrics):[a-z0-9][a-z0-9_/-]*$|^(faq|roles|automations|changelog|reviews)$/, {
				message:
					"must be page:<slug>, flowchart:<id>, role:<id>, metrics:<id>, faq, roles, automations, changelog or reviews",
			})
			.describe("What to read: page:<slug>, flowchart:<id>, role:<id>, metrics:<id>, faq, roles or automations."),
		minutes: z.number().positive().describe("Estimated minutes to read it."),
		/** One sentence: why a new rep reads it now. */
		why: LocalisedTextSchema.optional(),
	})
	.describe("One item of the onboarding path.");

export const OnboardingSchema = z
	.strictObject({
		/** Heading of the onboarding page. */
		title: LocalisedTextSchema,
		/** Introduction above the list. */
		intro: LocalisedTextSchema.optional(),
		items: z.array(OnboardingItemSchema).min(1).describe("The items, in reading order."),
	})
	.describe("The onboarding path through the playbook.");

export type Onboarding = z.output<typeof OnboardingSchema>;
export type LocalisedText = z.output<typeof LocalisedTextSchema>;

export function localised(text: LocalisedText | undefined, lang: string, fallback = "en"): string | undefined {
	if (text === undefined) return undefined;
	if (typeof text === "string") return text;
	return text[lang] ?? text[fallback] ?? Object.values(text)[0];
}
