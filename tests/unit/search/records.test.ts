import { describe, expect, it } from "vitest";
import { FaqSchema } from "../../../src/lib/schema/faq.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";
import { faqRecords, sentences, stepRecords } from "../../../src/lib/search/records.ts";

const flowchart = {
	id: "b2b",
	data: FlowchartSchema.parse({
		title: "B2B",
		roles: { ae: "Account executive", manager: "Sales manager" },
		steps: [
			{ id: "lead", type: "start", label: "Lead", next: "negotiation" },
			{
				id: "negotiation",
				label: "Negotiation",
				description: "Agree the **terms**; see [the guide](../guide/).",
				responsible: "ae",
				accountable: "manager",
				tasks: ["Send the contract?"],
				automations: [{ trigger: "Contract sent", action: "Remind in 3 days", system: "CRM" }],
				next: "won",
			},
			{ id: "won", type: "end", label: "Won" },
		],
	}),
};

describe("stepRecords", () => {
	const records = stepRecords(flowchart, "en", "/", { types: { stage: "Stage", start: "Start", end: "End" } });

	it("gives every step its own record at the step's anchor, filterable by kind and flowchart", () => {
		expect(records.map((r) => r.url)).toEqual([
			"/flowcharts/b2b/#step-lead",
			"/flowcharts/b2b/#step-negotiation",
			"/flowcharts/b2b/#step-won",
		]);
		expect(records[1]?.filters).toEqual({ kind: ["step"], flowchart: ["B2B"] });
		// The title is the step's own name, so its words rank it first; the flowchart only groups it.
		expect(records[1]?.meta).toEqual({ title: "Negotiation", kind: "step", page: "B2B" });
	});

	it("indexes the text people search for, as plain sentences without Markdown", () => {
		expect(records[1]?.content).toBe(
			"Negotiation. Stage. Agree the terms; see the guide. Send the contract? Contract sent Remind in 3 days CRM. Account executive. Sales manager.",
		);
	});

	it("prefixes the language for translated sites", () => {
		expect(stepRecords(flowchart, "id", "/id/", { types: {} })[0]?.url).toBe("/id/flowcharts/b2b/#step-lead");
	});
});

describe("faqRecords", () => {
	const faq = FaqSchema.parse({
		topics: [
			{
				id: "deals",
				title: "Deals",
				questions: [
					{ id: "discounts", question: "Who approves discounts?", answer: "The *manager*.", step: "b2b/negotiation" },
					{ id: "general", question: "What is this", answer: "A playbook." },
				],
			},
		],
	});

	it("links each question to its anchor and to the flowchart it is about", () => {
		const records = faqRecords(faq, "en", "/", { b2b: "B2B" }, "FAQ");
		expect(records).toEqual([
			{
				url: "/faq/#q-discounts",
				content: "Who approves discounts? The manager.",
				language: "en",
				meta: { title: "Who approves discounts?", kind: "faq", page: "FAQ" },
				filters: { kind: ["faq"], flowchart: ["B2B"] },
			},
			{
				url: "/faq/#q-general",
				content: "What is this. A playbook.",
				language: "en",
				meta: { title: "What is this", kind: "faq", page: "FAQ" },
				filters: { kind: ["faq"] },
			},
		]);
	});
});

describe("sentences", () => {
	it("adds a full stop only where a part has no closing punctuation", () => {
		expect(sentences(["A", "B?", " ", "C.", "D"])).toBe("A. B? C. D.");
	});
});
