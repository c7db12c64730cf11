import { describe, expect, it } from "vitest";
import {
	localisedWithFallback,
	type OnboardingKind,
	readKey,
	resolveOnboarding,
	totalMinutes,
} from "../../src/lib/onboarding-path.ts";
import { OnboardingSchema } from "../../src/lib/schema/onboarding.ts";
import { fillTemplate } from "../../src/lib/template.ts";

const onboarding = OnboardingSchema.parse({
	title: { en: "First week", id: "Minggu pertama" },
	items: [
		{ ref: "page:overview", minutes: 5, why: { en: "Start here.", id: "Mulai di sini." } },
		{ ref: "flowchart:b2b", minutes: 20, why: "Read every stage." },
		{ ref: "role:ae", minutes: 5 },
		{ ref: "faq", minutes: 10 },
		{ ref: "metrics:b2b", minutes: 5 },
		{ ref: "page:gone", minutes: 2 },
	],
});

const lookup = {
	lang: "id",
	pages: new Map([["overview", "Ikhtisar"]]),
	flowcharts: new Map([["b2b", "Alur B2B"]]),
	roles: new Map([["ae", "Account executive (AE)"]]),
	sectionTitle: (kind: OnboardingKind, fc?: string) => (kind === "metrics" ? `Metrik: ${fc}` : `[${kind}]`),
	routes: new Set<OnboardingKind>(["page", "flowchart", "role", "faq", "roles"]),
};

describe("resolveOnboarding", () => {
	it("resolves refs to titles and paths, and links only to pages the site builds", () => {
		const entries = resolveOnboarding(onboarding, lookup);
		expect(entries.map((e) => [e.ref, e.title, e.path ?? null])).toEqual([
			["page:overview", "Ikhtisar", "pages/overview/"],
			["flowchart:b2b", "Alur B2B", "flowcharts/b2b/"],
			["role:ae", "Account executive (AE)", "roles/ae/"],
			["faq", "[faq]", "faq/"],
			["metrics:b2b", "Metrik: Alur B2B", null],
			["page:gone", "gone", null],
		]);
		expect(totalMinutes(entries)).toBe(47);
	});

	it("says when the reason fell back to English", () => {
		const [first, second, third] = resolveOnboarding(onboarding, lookup);
		expect(first).toMatchObject({ why: "Mulai di sini.", whyFallback: false });
		expect(second).toMatchObject({ why: "Read every stage.", whyFallback: true });
		expect(third).toMatchObject({ why: undefined, whyFallback: false });
		expect(localisedWithFallback("Hello", "en")).toEqual({ text: "Hello", fallback: false });
		expect(localisedWithFallback({ en: "Hello" }, "id")).toEqual({ text: "Hello", fallback: true });
	});

	it("keys the read mark by ref and fills the progress text", () => {
		expect(readKey("page:overview")).toBe("flowbook-read:page:overview");
		expect(
			fillTemplate("{read} of {total} read · {minutes} of {totalMinutes} minutes", {
				read: 3,
				total: 11,
				minutes: 42,
				totalMinutes: 78,
			}),
		).toBe("3 of 11 read · 42 of 78 minutes");
		expect(fillTemplate("{a} {b}", { a: 1 })).toBe("1 {b}");
	});
});
