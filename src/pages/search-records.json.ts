/**
 * Build-time only: the integration feeds these records to Pagefind after the
 * build and deletes this file, so steps and FAQ questions are found one by one.
 */
import type { APIRoute } from "astro";
import { defaultLang, langs, t } from "../i18n/ui.ts";
import { faqRecords, type SearchRecord, stepRecords } from "../lib/search/records.ts";
import { getFlowcharts } from "../site/data.ts";
import { getFaq } from "../site/faq.ts";

export const GET: APIRoute = async () => {
	const records: SearchRecord[] = [];
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
		const faq = await getFaq(lang);
		const titles = Object.fromEntries(flowcharts.map((fc) => [fc.id, fc.data.title]));
		if (faq) records.push(...faqRecords(faq.faq, lang, prefix, titles, t(lang, "faq.title")));
	}
	return new Response(JSON.stringify({ records }), {
		headers: { "Content-Type": "application/json" },
	});
};
