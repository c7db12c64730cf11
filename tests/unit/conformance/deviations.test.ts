/**
 * Hand-checked deviations on the small flowchart of the metrics tests:
 *   s → a → d? (yes → b, no → n); n → a (loop) or lost; b → won.
 * Ranks from the start: s 0, a 1, d 2, b 3, n 3, won 4, lost 4.
 */
import { describe, expect, it } from "vitest";
import { analyseConformance } from "../../../src/lib/conformance/analyse.ts";
import { conformanceModel } from "../../../src/lib/conformance/model.ts";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { DAY, smallFlowchart, T0 } from "../metrics/helpers.ts";

const fc = smallFlowchart();
const ids = fc.steps.map((s) => s.id);

/** Deals as "D1: s a b won" strings, one day between records. */
function analyse(deals: string[], allow: { from: string; to: string; reason: string }[] = []) {
	let line = 1;
	const events = deals.flatMap((text) => {
		const [deal, steps] = text.split(":") as [string, string];
		return steps
			.trim()
			.split(/\s+/)
			.map((step, i) => ({ deal, step, at: T0 + i * DAY, file: "t.csv", line: ++line }));
	});
	const { store } = storeFromEvents(events, ids);
	return analyseConformance(conformanceModel(fc, { allow }), store);
}

const keysOf = (deals: string[]) =>
	analyse(deals)
		.deviations.map((d) => d.key)
		.sort();

describe("deviations", () => {
	it("finds none in a deal that follows the arrows, through the decision and the nurture loop", () => {
		const r = analyse(["D1: s a b won", "D2: s a n a b won", "D3: a n lost"]);
		expect(r.deviations).toEqual([]);
		expect(r.conforming).toBe(3);
		expect(r.rate).toBe(1);
		expect(r.logFitness).toBe(1);
	});

	it("a skipped step: the model move and the undocumented jump over it", () => {
		expect(keysOf(["D1: s b won"])).toEqual(["skipped-step:a", "undocumented-transition:s->b"]);
	});

	it("a backwards move, and the repeat of a step no loop leads back to", () => {
		expect(keysOf(["D1: s a b a b won"])).toEqual(["backwards-move:b->a", "repeated-step:b"]);
	});

	it("repeating a step on a documented loop is not a deviation", () => {
		expect(keysOf(["D1: s a n a n a b won"])).toEqual([]);
	});

	it("a deal first recorded mid-process", () => {
		expect(keysOf(["D1: b won"])).toEqual(["mid-process-start:b", "skipped-step:a"]);
	});

	it("both branches of one decision, where the second cannot follow the first", () => {
		expect(keysOf(["D1: s a b n lost"])).toEqual(["several-branches:d", "undocumented-transition:b->n"]);
	});

	it("fitness: 1 − cost / (trace length + shortest run)", () => {
		// Shortest run s a b won: three recorded steps (s is silent). "s b won" skips a: cost 1, 3 + 3 = 6.
		const r = analyse(["D1: s b won"]);
		expect(r.shortestRun).toBe(3);
		expect(r.variants[0]?.fitness).toBeCloseTo(1 - 1 / 6);
		expect(r.logFitness).toBeCloseTo(1 - 1 / 6);
		expect(r.rate).toBe(0);
	});

	it("the allowlist: shown with its reason, not counted against fitness", () => {
		const allow = [{ from: "a", to: "won", reason: "Self-serve customers sign on the spot" }];
		const r = analyse(["D1: s a won", "D2: s a b won"], allow);
		expect(r.deviations).toEqual([]);
		expect(r.allowed).toMatchObject([
			{ key: "undocumented-transition:a->won", deals: 1, reason: "Self-serve customers sign on the spot" },
		]);
		expect(r.conforming).toBe(2);
	});

	it("a deal may be lost at any stage unless the flowchart says otherwise", () => {
		expect(keysOf(["D1: s a b lost"])).toEqual([]);
		let line = 1;
		const events = ["s", "a", "b", "lost"].map((step, i) => ({
			deal: "D1",
			step,
			at: T0 + i * DAY,
			file: "t",
			line: ++line,
		}));
		const strict = analyseConformance(
			conformanceModel(fc, { lostAnywhere: false }),
			storeFromEvents(events, ids).store,
		);
		expect(strict.deviations.map((d) => d.key)).toContain("undocumented-transition:b->lost");
		expect(strict.conforming).toBe(0);
	});

	it("dead arrows: documented transitions no deal took", () => {
		const r = analyse(["D1: s a b won"]);
		expect(r.deadArrows.map((d) => d.key)).toEqual(["d->n", "n->a", "n->lost"]);
	});

	it("a skipped step's arrows are not counted as taken", () => {
		const r = analyse(["D1: s b won"]);
		expect(r.deadArrows.map((d) => d.key)).toContain("s->a");
	});
});

describe("variants and impact", () => {
	const r = analyse([
		"D1: s a b won",
		"D2: s a b won",
		"D3: s a b won",
		"D4: s b won",
		"D5: s b lost",
		"D6: s a n lost",
		"D7: s a",
	]);

	it("counts variants with share, cumulative coverage, win rate and median days", () => {
		expect(r.variants[0]).toMatchObject({ steps: ["s", "a", "b", "won"], deals: 3, winRate: 1, medianDays: 3 });
		expect(r.variants[0]?.share).toBeCloseTo(3 / 7);
		expect(r.variants.at(-1)?.cumulative).toBeCloseTo(1);
		expect(r.variants.find((v) => v.steps.join(" ") === "s a")).toMatchObject({ closed: false, fitness: 1 });
	});

	it("compares deals with a deviation against the others", () => {
		const skip = r.deviations.find((d) => d.key === "skipped-step:a");
		// With: D4 won, D5 lost → 50%. Without (closed): D1-D3 won, D6 lost → 75%.
		expect(skip).toMatchObject({ deals: 2, winRate: 0.5, winRateWithout: 0.75, medianDays: 2, medianDaysWithout: 3 });
		expect(skip?.lostWins).toBeCloseTo(2 * 0.25);
	});

	it("an open deal that stops early still conforms as a prefix", () => {
		expect(r.conforming).toBe(5);
	});
});
