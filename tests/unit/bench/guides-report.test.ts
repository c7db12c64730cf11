import { describe, expect, it } from "vitest";
import { guidesReport, type Kind, type Measured, median, type Who } from "../../../bench/guides-report.ts";

const build = (who: Who, kind: Kind, wallS: number, more: Partial<Measured> = {}): Measured => ({
	who,
	kind,
	run: 0,
	wallS,
	cpuS: wallS / 2,
	treeCpuS: wallS,
	peakPssMb: who === "floor" ? 700 : 1400,
	peakRssMb: who === "floor" ? 750 : 1600,
	pages: who === "floor" ? 212 : 251,
	loadBefore: [1, 1, 1],
	loadAfter: [1, 1, 1],
	...more,
});

describe("guides bench report", () => {
	it("takes the median over runs", () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([])).toBeUndefined();
	});

	it("gives ratios and evaluates the three targets with the diagram time spread over the cores", () => {
		const { table, targets } = guidesReport(
			[
				build("floor", "clean", 10),
				build("flowbook", "clean", 30, { diagramS: 20, browserCpuS: 36 }),
				build("floor", "warm", 10),
				build("flowbook", "warm", 12),
				build("floor", "edit", 10),
				build("flowbook", "edit", 13),
				build("flowbook-pdf", "warm", 20, { peakPssMb: 2000 }),
			],
			2,
		);
		// clean: 30 s against 1.5 × 10 s + Chromium's 36 s of CPU / 2 cores = 33 s; by the render phases' wall time,
		// 1.5 × 10 s + 20 s / 2 cores = 25 s.
		expect(targets.clean).toMatchObject({ wallS: 30, limitS: 33, diagramS: 36, verdict: "met" });
		expect(targets.cleanByPhases).toMatchObject({ wallS: 30, limitS: 25, diagramS: 20, verdict: "NOT met" });
		expect(targets.warm).toMatchObject({ wallS: 12, limitS: 12, verdict: "met" });
		// The PDF build's 2000 MB is reported apart, not held against the docs-build target.
		expect(targets.memory).toMatchObject({ peakPssMb: 1400, pss: "met", peakRssMb: 1600, rss: "NOT met" });
		expect(table[2]).toBe(
			"| clean (no caches) | 10.0 / 30.0 s | 3.00 | 10.0 / 30.0 s | 3.00 | 5.0 / 15.0 s | 700 / 1400 MB | 750 / 1600 MB | 212 / 251 |",
		);
		expect(table[5]).toContain("– / 20.0 s (+8.0 s)");
	});

	it("says a target is not measured rather than missed when a build is missing", () => {
		const { targets, notes } = guidesReport([build("flowbook", "clean", 30)], 2);
		expect(targets.clean.verdict).toBe("not measured");
		expect(targets.warm.verdict).toBe("not measured");
		expect(notes.join("\n")).toContain("? s vs ? s: not measured");
	});
});
