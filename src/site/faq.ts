/** The FAQ in a language, falling back to English when the language has no file. */
import { getCollection } from "astro:content";
import { defaultLang, type Lang } from "../i18n/ui.ts";
import { questionsByStep, type StepQuestion } from "../lib/faq-page.ts";
import type { Faq } from "../lib/schema/faq.ts";

export interface SiteFaq {
	faq: Faq;
	/** The language the FAQ is written in (English when there is no translation). */
	lang: Lang;
	translated: boolean;
	/** Source file for "Edit this page". */
	file?: string;
}

export async function getFaq(lang: Lang): Promise<SiteFaq | undefined> {
	const entries = await getCollection("faq");
	const own = entries.find((e) => e.id === lang);
	const entry = own ?? entries.find((e) => e.id === defaultLang);
	if (!entry) return undefined;
	return {
		faq: entry.data as Faq,
		lang: own ? lang : defaultLang,
		translated: own !== undefined || lang === defaultLang,
		file: entry.filePath,
	};
}

/** Questions about a step, keyed `<flowchart-id>/<step-id>`, in the reader's language. */
export async function getStepQuestions(lang: Lang): Promise<Map<string, StepQuestion[]>> {
	const faq = await getFaq(lang);
	return faq ? questionsByStep(faq.faq) : new Map();
}
