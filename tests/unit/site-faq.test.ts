import { describe, expect, it } from "vitest";
import { faqPageJsonLd, markdownToPlainText, parseStepRef, questionsByStep } from "../../src/lib/faq-page.ts";
import { jsonForScript } from "../../src/lib/json-script.ts";
import { FaqSchema } from "../../src/lib/schema/faq.ts";

const faq = FaqSchema.parse({
	topics: [
		{
			id: "basics",
			title: "Basics",
			questions: [
				{ id: "what", question: "What is it?", answer: "A **map** of the [process](../flowcharts/b2b/)." },
				{ id: "when", question: "When is a lead qualified?", answer: "When BANT holds.", step: "b2b/qualified" },
			],
		},
		{
			id: "deals",
			title: "Deals",
			questions: [
				{
					id: "xss",
					question: "</script><script>alert(1)</script>",
					answer: "No.\n\n- one\n- two",
					step: "b2b/qualified",
				},
			],
		},
	],
});

describe("FAQ helpers", () => {
	it("reads step references", () => {
		expect(parseStepRef("b2b/qualified")).toEqual({ flowchartId: "b2b", stepId: "qualified" });
		expect(parseStepRef("b2b")).toBeUndefined();
		expect(parseStepRef("a/b/c")).toBeUndefined();
	});

	it("groups questions by the step they point at, in FAQ order", () => {
		const byStep = questionsByStep(faq);
		expect([...byStep.keys()]).toEqual(["b2b/qualified"]);
		expect(byStep.get("b2b/qualified")?.map((q) => q.id)).toEqual(["when", "xss"]);
	});

	it("turns Markdown answers into plain text", () => {
		expect(markdownToPlainText("A **map** of the [process](../x/).")).toBe("A map of the process.");
		expect(markdownToPlainText("First.\n\n- one\n- two\n\n<b>raw</b>")).toBe("First. one two raw");
	});

	it("builds FAQPage structured data with every question", () => {
		const data = faqPageJsonLd(faq, "en", "http://127.0.0.1/sales/faq/");
		const parsed = JSON.parse(jsonForScript(data)) as {
			mainEntity: { name: string; acceptedAnswer: { text: string } }[];
		};
		expect(parsed.mainEntity).toHaveLength(3);
		expect(parsed.mainEntity[2]?.name).toBe("</script><script>alert(1)</script>");
		expect(data).toMatchInlineSnapshot(`
			{
			  "@context": "https://schema.org",
			  "@type": "FAQPage",
			  "inLanguage": "en",
			  "mainEntity": [
			    {
			      "@type": "Question",
			      "acceptedAnswer": {
			        "@type": "Answer",
			        "text": "A map of the process.",
			      },
			      "name": "What is it?",
			      "url": "http://127.0.0.1/sales/faq/#q-what",
			    },
			    {
			      "@type": "Question",
			      "acceptedAnswer": {
			        "@type": "Answer",
			        "text": "When BANT holds.",
			      },
			      "name": "When is a lead qualified?",
			      "url": "http://127.0.0.1/sales/faq/#q-when",
			    },
			    {
			      "@type": "Question",
			      "acceptedAnswer": {
			        "@type": "Answer",
			        "text": "No. one two",
			      },
			      "name": "</script><script>alert(1)</script>",
			      "url": "http://127.0.0.1/sales/faq/#q-xss",
			    },
			  ],
			  "url": "http://127.0.0.1/sales/faq/",
			}
		`);
	});
});
