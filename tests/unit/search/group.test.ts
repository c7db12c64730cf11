import { describe, expect, it } from "vitest";
import { exactTitlesFirst, groupResults, MAX_SECTIONS, type ResultData } from "../../../src/lib/search/group.ts";

const step = (id: string, title: string): ResultData => ({
	url: `/flowcharts/b2b/#step-${id}`,
	excerpt: `<mark>${title}</mark>`,
	meta: { title, kind: "step", page: "B2B" },
});
const faq: ResultData = {
	url: "/faq/#q-discounts",
	excerpt: "Who approves",
	meta: { title: "Who approves discounts?", kind: "faq", page: "FAQ" },
};
const guide: ResultData = {
	url: "/pages/automation/",
	excerpt: "Automating",
	meta: { title: "Automating tasks", kind: "page" },
	sub_results: [
		{ title: "Automating tasks", url: "/pages/automation/", excerpt: "whole page" },
		...["a", "b", "c", "d"].map((s) => ({ title: `Section ${s}`, url: `/pages/automation/#${s}`, excerpt: s })),
	],
};

describe("groupResults", () => {
	it("puts a flowchart's steps under the flowchart, in the order of their best result", () => {
		const groups = groupResults([step("negotiation", "Negotiation"), faq, step("proposal", "Proposal")]);
		expect(groups.map((g) => [g.title, g.options.map((o) => o.url)])).toEqual([
			["B2B", ["/flowcharts/b2b/#step-negotiation", "/flowcharts/b2b/#step-proposal"]],
			["FAQ", ["/faq/#q-discounts"]],
		]);
	});

	it("lists a guide's matching sections under it, a few at most and not the page twice", () => {
		const [group] = groupResults([guide]);
		expect(group?.title).toBe("Automating tasks");
		expect(group?.options.map((o) => [o.url, o.sub])).toEqual([
			["/pages/automation/", false],
			...["a", "b", "c"].slice(0, MAX_SECTIONS).map((s) => [`/pages/automation/#${s}`, true]),
		]);
	});

	it("names a flowchart's group after the flowchart page when the page itself is a result", () => {
		const page: ResultData = { url: "/flowcharts/b2b/", excerpt: "", meta: { title: "B2B sales", kind: "flowchart" } };
		expect(groupResults([step("lost", "Lost"), page])[0]?.title).toBe("B2B sales");
	});
});

describe("exactTitlesFirst", () => {
	it("moves results titled exactly as the query to the front, keeping the rest in order", () => {
		const results = [step("qualified", "Lolos kualifikasi (BANT)?"), faq, step("qualification", "Kualifikasi")];
		expect(exactTitlesFirst(results, " kualifikasi ").map((r) => r.meta.title)).toEqual([
			"Kualifikasi",
			"Lolos kualifikasi (BANT)?",
			"Who approves discounts?",
		]);
		expect(exactTitlesFirst(results, "diskon")).toEqual(results);
	});
});
