/**
 * What reps type into the search box, in both languages, and the result that must come first.
 * Written from content/ (flowcharts, FAQ, guides) as a rep would ask, not from what the index happens to find:
 * numbers, symbols, half-remembered facts and typos included. Used by tests/e2e/search.test.ts and bench/search.ts.
 *
 * `expect` is a site path without the base; a path with `#` must match the first result exactly, one without
 * matches the page whatever its anchor. `also` lists other answers that are equally right (used sparingly).
 */
export interface SearchCase {
	query: string;
	lang: "en" | "id";
	expect: string;
	also?: string[];
	/** The need behind the query, for whoever reads a failure. */
	need: string;
}

const discountFaq = "/faq/#q-who-approves-discounts";
const negotiation = "/flowcharts/b2b/#step-negotiation";

export const SEARCH_CASES: SearchCase[] = [
	// English: the daily questions
	{
		query: "15% discount",
		lang: "en",
		expect: discountFaq,
		also: [negotiation],
		need: "may I give 15%, who signs off",
	},
	{ query: "discont", lang: "en", expect: discountFaq, also: [negotiation], need: "typo for discount" },
	{ query: "who approves discount", lang: "en", expect: discountFaq, need: "discount approval ladder" },
	{ query: "head of sales approval 20%", lang: "en", expect: discountFaq, also: [negotiation], need: "big discount" },
	{ query: "demo length", lang: "en", expect: "/flowcharts/b2b/#step-presentation", need: "how long a demo lasts" },
	{ query: "handover to CS", lang: "en", expect: "/flowcharts/b2b/#step-handover", need: "step name" },
	{ query: "kickoff call", lang: "en", expect: "/flowcharts/b2b/#step-handover", need: "when the kickoff is booked" },
	{ query: "lost deal", lang: "en", expect: "/flowcharts/b2b/#step-lost", need: "what to do with a lost deal" },
	{
		query: "renewal 90 days",
		lang: "en",
		expect: "/flowcharts/renewal/#step-renewal-due",
		also: ["/faq/#q-who-owns-the-renewal"],
		need: "half-remembered renewal lead time (it is 120 days)",
	},
	{ query: "qualification", lang: "en", expect: "/flowcharts/b2b/#step-qualification", need: "step name" },
	{ query: "qualifcation", lang: "en", expect: "/flowcharts/b2b/#step-qualification", need: "typo in a step name" },
	{
		query: "BANT",
		lang: "en",
		expect: "/flowcharts/b2b/#step-qualified",
		also: ["/faq/#q-when-is-a-lead-qualified", "/flowcharts/b2b/#step-qualification"],
		need: "the BANT criteria",
	},
	{ query: "when is a lead qualified", lang: "en", expect: "/faq/#q-when-is-a-lead-qualified", need: "FAQ wording" },
	{ query: "discovery call", lang: "en", expect: "/flowcharts/b2b/#step-qualification", need: "how to run discovery" },
	{ query: "nurture", lang: "en", expect: "/flowcharts/b2b/#step-nurture", need: "step name" },
	{
		query: "lead not ready to buy",
		lang: "en",
		expect: "/faq/#q-what-happens-to-a-lead-that-is-not-ready",
		also: ["/flowcharts/b2b/#step-nurture"],
		need: "what happens to a lead that is not ready",
	},
	{ query: "negotiation", lang: "en", expect: negotiation, need: "step name" },
	{ query: "negociation", lang: "en", expect: negotiation, need: "typo in a step name" },
	{ query: "security questionnaire", lang: "en", expect: negotiation, need: "who handles security questionnaires" },
	{ query: "proposal", lang: "en", expect: "/flowcharts/b2b/#step-proposal", need: "step name" },
	{ query: "pricing", lang: "en", expect: "/flowcharts/b2b/#step-proposal", need: "step name (Proposal & pricing)" },
	{ query: "contract signed", lang: "en", expect: "/flowcharts/b2b/#step-signed", need: "decision name" },
	{ query: "lead score 50", lang: "en", expect: "/flowcharts/b2b/#step-inbound-lead", need: "when a lead is routed" },
	{ query: "ideal customer profile", lang: "en", expect: "/flowcharts/b2b/#step-outbound-lead", need: "ICP" },
	{ query: "stalled deal", lang: "en", expect: "/faq/#q-when-is-a-deal-stalled", need: "how long a deal may sit" },
	{ query: "who owns the renewal", lang: "en", expect: "/faq/#q-who-owns-the-renewal", need: "renewal owner" },
	{ query: "health check", lang: "en", expect: "/flowcharts/renewal/#step-health-check", need: "step name" },
	{ query: "price increase", lang: "en", expect: "/flowcharts/renewal/#step-renewal-contract", need: "renewal price" },
	{
		query: "more seats",
		lang: "en",
		expect: "/flowcharts/renewal/#step-expansion",
		also: ["/flowcharts/renewal/#step-expansion-proposal"],
		need: "customer wants more seats",
	},
	{ query: "churn", lang: "en", expect: "/flowcharts/renewal/#step-churned", need: "customer leaves" },
	{ query: "exit interview", lang: "en", expect: "/flowcharts/renewal/#step-churned", need: "after churn" },
	{ query: "swimlane", lang: "en", expect: "/pages/how-to-read-a-flowchart/", need: "reading the diagram" },
	{ query: "RACI", lang: "en", expect: "/pages/how-to-read-a-flowchart/", need: "what R, A, C, I mean" },
	{ query: "bottleneck", lang: "en", expect: "/pages/metrics-and-bottlenecks/", need: "finding bottlenecks" },
	{ query: "suggest a change", lang: "en", expect: "/pages/sharing-and-feedback/", need: "how to give feedback" },
	{
		query: "automate follow-up emails",
		lang: "en",
		expect: "/pages/automation/",
		also: ["/faq/#q-how-to-automate-tasks"],
		need: "automation",
	},
	{ query: "sales manager", lang: "en", expect: "/roles/manager/", need: "what a role does" },
	// Indonesian
	{ query: "kualifikasi", lang: "id", expect: "/id/flowcharts/b2b/#step-qualification", need: "step name" },
	{ query: "kualifkasi", lang: "id", expect: "/id/flowcharts/b2b/#step-qualification", need: "typo in a step name" },
	{
		query: "diskon",
		lang: "id",
		expect: "/id/faq/#q-who-approves-discounts",
		also: ["/id/flowcharts/b2b/#step-negotiation"],
		need: "discount",
	},
	{
		query: "diskon 15%",
		lang: "id",
		expect: "/id/faq/#q-who-approves-discounts",
		also: ["/id/flowcharts/b2b/#step-negotiation"],
		need: "may I give 15%",
	},
	{ query: "siapa yang menyetujui diskon", lang: "id", expect: "/id/faq/#q-who-approves-discounts", need: "FAQ" },
	{ query: "negosiasi", lang: "id", expect: "/id/flowcharts/b2b/#step-negotiation", need: "step name" },
	{ query: "negosasi", lang: "id", expect: "/id/flowcharts/b2b/#step-negotiation", need: "typo in a step name" },
	{ query: "serah terima ke CS", lang: "id", expect: "/id/flowcharts/b2b/#step-handover", need: "step name" },
	{ query: "transaksi gagal", lang: "id", expect: "/id/flowcharts/b2b/#step-lost", need: "lost deal" },
	{ query: "lama demo", lang: "id", expect: "/id/flowcharts/b2b/#step-presentation", need: "demo length" },
	{ query: "harga", lang: "id", expect: "/id/flowcharts/b2b/#step-proposal", need: "step name (Proposal & harga)" },
	{ query: "transaksi macet", lang: "id", expect: "/id/faq/#q-when-is-a-deal-stalled", need: "stalled deal" },
	{
		query: "lead belum siap membeli",
		lang: "id",
		expect: "/id/faq/#q-what-happens-to-a-lead-that-is-not-ready",
		also: ["/id/flowcharts/b2b/#step-nurture"],
		need: "lead not ready",
	},
	{
		query: "perpanjangan 120 hari",
		lang: "id",
		expect: "/id/flowcharts/renewal/#step-renewal-due",
		need: "when renewal starts",
	},
	{
		query: "pemeriksaan kesehatan akun",
		lang: "id",
		expect: "/id/flowcharts/renewal/#step-health-check",
		need: "step name",
	},
	{ query: "cara membaca flowchart", lang: "id", expect: "/id/pages/how-to-read-a-flowchart/", need: "guide title" },
	{ query: "swimlane", lang: "id", expect: "/id/pages/how-to-read-a-flowchart/", need: "reading the diagram" },
	{ query: "manajer penjualan", lang: "id", expect: "/id/roles/manager/", need: "what a role does" },
	{ query: "skor lead 50", lang: "id", expect: "/id/flowcharts/b2b/#step-inbound-lead", need: "lead routing" },
];

/** Does the first result's href (base path removed) answer the case? */
export function answers(found: string | undefined, c: SearchCase): boolean {
	if (found === undefined) return false;
	return [c.expect, ...(c.also ?? [])].some((want) =>
		want.includes("#") ? found === want : found.split("#")[0] === want,
	);
}
