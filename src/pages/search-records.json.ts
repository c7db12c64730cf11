/**
 * Build-time only: the integration feeds these records to Pagefind after the
 * build and deletes this file, so steps and FAQ questions are found one by one.
 */
import type { APIRoute } from "astro";
import flowbookConfig from "../../flowbook.config.ts";
import { defaultLang, langs, t } from "../i18n/ui.ts";
import { loadFaqs } from "../lib/content/faq.ts";
import { loadFlowcharts } from "../lib/load/load-flowcharts.ts";
import { faqRecords, type SearchRecord, stepRecords } from "../lib/search/records.ts";
import { getFlowcharts } from "../site/data.ts";

export const GET: APIRoute = async () => {
	const records: SearchRecord[] = [];
	const { flowcharts: originals } = await loadFlowcharts(process.cwd());
	const { faqs } = await loadFaqs(process.cwd(), originals);
	for (const lang of langs) {
		const prefix = lang === defaultLang ? "/" : `/${lang}/`;
		const flowcharts = await getFlowcharts(lang);
		const types = {
			start: t(lang, "fc.type.start"),
			stage: t(lang, "fc.type.stage"),
			decision: t(lang, "fc.type.decision"),
			end: t(lang, "fc.type.end"),
		};
		for (const fc of flowcharts) records.push(...stepRecords(fc, lang, prefix, { types }));
		const faq = faqs.find((f) => f.lang === lang) ?? faqs.find((f) => f.lang === defaultLang);
		const titles = Object.fromEntries(flowcharts.map((fc) => [fc.id, fc.data.title]));
		if (faq) records.push(...faqRecords(faq.faq, lang, prefix, titles));
	}
	return new Response(JSON.stringify({ base: flowbookConfig.base, records }), {
		headers: { "Content-Type": "application/json" },
	});
};
