import { describe, expect, it } from "vitest";
import { editUrl, suggestUrl } from "../../src/site/suggest.ts";

const repo = { url: "https://git.example.com/acme/playbook", branch: "main" };
const subject = {
	title: "B2B › Negotiation",
	pageUrl: "https://intranet.example.com/sales/flowcharts/b2b/#step-negotiation",
	file: "content/flowcharts/b2b.yaml",
};

describe("editUrl", () => {
	it("opens the source file in the repository's editor", () => {
		expect(editUrl(repo, "content/flowcharts/b2b.yaml")).toBe(
			"https://git.example.com/acme/playbook/edit/main/content/flowcharts/b2b.yaml",
		);
	});

	it("is absent without a repository or a file", () => {
		expect(editUrl({ url: "", branch: "main" }, "content/x.yaml")).toBeUndefined();
		expect(editUrl(repo, undefined)).toBeUndefined();
	});
});

describe("suggestUrl", () => {
	it("prefills an issue with the page, the step and the source file", () => {
		const url = new URL(suggestUrl(repo, subject) ?? "");
		expect(url.origin + url.pathname).toBe("https://git.example.com/acme/playbook/issues/new");
		expect(url.searchParams.get("title")).toBe("Suggestion: B2B › Negotiation");
		expect(url.searchParams.get("body")).toBe(
			"Page: https://intranet.example.com/sales/flowcharts/b2b/#step-negotiation\nSource: content/flowcharts/b2b.yaml\n\nWhat should change, and why?\n",
		);
	});

	it("falls back to an e-mail to the owner when there is no repository", () => {
		const url = suggestUrl({ url: "", branch: "main" }, subject, "sales-ops@example.com") ?? "";
		expect(
			url.startsWith("mailto:sales-ops@example.com?subject=Suggestion%3A%20B2B%20%E2%80%BA%20Negotiation&body="),
		).toBe(true);
		expect(decodeURIComponent(url.split("body=")[1] ?? "")).toContain("#step-negotiation");
	});

	it("offers nothing when there is neither a repository nor an owner address", () => {
		expect(suggestUrl({ url: "", branch: "main" }, subject)).toBeUndefined();
	});
});
