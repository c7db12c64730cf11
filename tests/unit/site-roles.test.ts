import { describe, expect, it } from "vitest";
import { countParts, formatCounts, mergeRoles, roleCounts, totalCounts } from "../../src/lib/roles.ts";
import { loaded } from "./support/fixtures.ts";

const b2b = loaded("b2b", {
	title: "B2B",
	roles: {
		sdr: { name: "SDR", description: "Finds leads." },
		ae: { name: "Account executive", description: "Sells." },
	},
	steps: [
		{ id: "start", type: "start", label: "Lead", responsible: "sdr", next: "qualify" },
		{ id: "qualify", label: "Qualify", responsible: "sdr", accountable: "mgr", informed: ["ae"], next: "demo" },
		{ id: "demo", label: "Demo", responsible: "ae", accountable: "ae", consulted: ["sdr"], next: "won" },
		{ id: "won", type: "end", outcome: "won", label: "Won", informed: ["mgr"] },
	],
});
const renewal = loaded("renewal", {
	title: "Renewal",
	roles: { cs: "CSM", ae: { name: "AE (renewals)", description: "Expands." }, mgr: "Sales manager" },
	steps: [
		{ id: "due", type: "start", label: "Due", responsible: "cs", next: "expand" },
		{ id: "expand", label: "Expand", responsible: "ae", consulted: ["cs"], next: "done" },
		{ id: "done", type: "end", label: "Renewed", informed: ["ae"] },
	],
});

describe("mergeRoles", () => {
	it("merges roles by id across flowcharts, named by the first declaration", () => {
		expect(mergeRoles([b2b, renewal])).toEqual([
			{ id: "sdr", name: "SDR", descriptions: [{ flowchartId: "b2b", text: "Finds leads." }] },
			{
				id: "ae",
				name: "Account executive",
				descriptions: [
					{ flowchartId: "b2b", text: "Sells." },
					{ flowchartId: "renewal", text: "Expands." },
				],
			},
			{ id: "mgr", name: "Sales manager", descriptions: [] },
			{ id: "cs", name: "CSM", descriptions: [] },
		]);
	});
});

describe("roleCounts", () => {
	it("counts each letter per flowchart and leaves out flowcharts without any", () => {
		const ae = roleCounts([b2b, renewal], "ae");
		expect(Object.fromEntries(ae)).toEqual({
			b2b: { R: 1, A: 1, C: 0, I: 1 },
			renewal: { R: 1, A: 0, C: 0, I: 1 },
		});
		expect([...roleCounts([b2b, renewal], "sdr").keys()]).toEqual(["b2b"]);
		expect(totalCounts(ae)).toEqual({ R: 2, A: 1, C: 0, I: 2 });
	});

	it("formats counts without the zeros", () => {
		expect(formatCounts({ R: 4, A: 1, C: 2, I: 0 })).toBe("R 4 · A 1 · C 2");
		expect(formatCounts(undefined)).toBe("");
		expect(countParts({ R: 0, A: 0, C: 0, I: 3 })).toEqual([["I", 3]]);
	});
});
