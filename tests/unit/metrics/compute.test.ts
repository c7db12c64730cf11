/**
 * Hand-checked export (days after 2026-01-01; day 90 starts Q2; export at day 100):
 *   D1: s0 a1 b3 won4 ($1,000)         straight through
 *   D2: s0 a2 n4 a10 b12 won20 ($3,000) loops back via nurture: a re-entry
 *   D3: s0 a5 lost6                     lost from a without a transition ("other")
 *   D4: s0 b2                           skips a; open in b for 98 days (stalled, b max 3)
 *   D5: s88 a89 b91                     crosses the Q1/Q2 boundary; open in b 9 days (stalled)
 *   D6: s10 a10 n15 lost16              tie: enters s and a at the same moment
 */
import { describe, expect, it } from "vitest";
import { storeFromEvents } from "../../../src/lib/events/store.ts";
import { computeMetrics } from "../../../src/lib/metrics/compute.ts";
import { DAY, ev, smallEvents, smallFlowchart, T0 } from "./helpers.ts";

function compute(events = smallEvents()) {
	const fc = smallFlowchart();
	const { store } = storeFromEvents(
		events,
		fc.steps.map((s) => s.id),
	);
	return computeMetrics(fc, store, { exportAt: T0 + 100 * DAY, currency: "USD" });
}

const step = (m: ReturnType<typeof compute>, id: string) => {
	const s = m.steps.find((x) => x.id === id);
	if (!s) throw new Error(id);
	return s;
};

describe("computeMetrics on the hand-checked export", () => {
	const m = compute();

	it("splits periods by quarter of entry", () => {
		expect(m.periods).toEqual(["2026-Q1", "2026-Q2"]);
		expect(m.deals).toBe(6);
		expect(m.events).toBe(22);
		expect(m.firstStages).toEqual(["a"]);
		expect(m.funnel).toEqual(["a", "n", "b"]);
	});

	it("counts distinct deals, entries and re-entries", () => {
		const a = step(m, "a").overall;
		expect([a.deals, a.entries, a.reEntries, a.left, a.stillIn]).toEqual([5, 6, 1, 6, 0]);
		const d = step(m, "d").overall;
		expect([d.deals, d.entries, d.reEntries]).toEqual([4, 5, 1]);
		expect(step(m, "won").overall.deals).toBe(2);
		expect(step(m, "lost").overall.deals).toBe(2);
	});

	it("computes per-step conversion over decided visits", () => {
		const a = step(m, "a").overall;
		expect([a.movedOn, a.lost, a.other, a.skipped]).toEqual([5, 1, 1, 0]);
		expect(a.conversion?.value).toBeCloseTo(5 / 6);
		expect(a.conversion?.formula).toMatchInlineSnapshot(
			`"moved on from a ÷ (entries − still in a) = 5 ÷ (6 − 0) = 83%"`,
		);
		const b = step(m, "b").overall;
		expect([b.entries, b.stillIn, b.movedOn]).toEqual([4, 2, 2]);
		expect(b.conversion?.value).toBe(1);
		expect(step(m, "d").overall.conversion?.value).toBeCloseTo(3 / 5);
		expect(step(m, "n").overall.conversion?.value).toBe(0.5);
		expect(step(m, "won").overall.conversion).toBeNull();
	});

	it("counts a skipped step as moving on from where the deal was", () => {
		const s = step(m, "s").overall;
		expect([s.entries, s.movedOn, s.skipped]).toEqual([6, 6, 1]);
	});

	it("computes per-transition shares through decisions", () => {
		const share = (key: string) => m.edges.find((e) => e.key === key)?.overall;
		expect(share("a->d")?.numerator).toBe(5);
		expect(share("a->d")?.denominator).toBe(6);
		expect(share("d->b")?.value).toBeCloseTo(0.6);
		expect(share("d->n")?.value).toBeCloseTo(0.4);
		expect(share("n->a")?.value).toBe(0.5);
		expect(share("n->lost")?.value).toBe(0.5);
		expect(share("b->won")?.formula).toMatchInlineSnapshot(`"b → won ÷ (entries − still in b) = 2 ÷ (4 − 2) = 100%"`);
	});

	it("attributes a decision to the period the deal reached it", () => {
		const d = step(m, "d");
		expect(d.periods.map((p) => [p.entries, p.movedOn])).toEqual([
			[4, 2],
			[1, 1],
		]);
		const b = step(m, "b");
		expect(b.periods.map((p) => p.conversion?.value ?? null)).toEqual([1, null]);
	});

	it("computes cumulative conversion from the first stage", () => {
		expect(step(m, "b").overall.cumulative?.value).toBeCloseTo(3 / 5);
		expect(step(m, "n").overall.cumulative?.value).toBeCloseTo(2 / 5);
		expect(step(m, "won").overall.cumulative?.formula).toMatchInlineSnapshot(
			`"deals reaching won ÷ deals entering a = 2 ÷ 5 = 40%"`,
		);
		expect(step(m, "s").overall.cumulative).toBeNull();
	});

	it("computes median and p90 days in step, ties giving zero days", () => {
		const s = step(m, "s").overall;
		expect([s.medianDays?.value, s.p90Days?.value]).toEqual([1.5, 3.5]);
		const a = step(m, "a").overall;
		expect([a.medianDays?.value, a.p90Days?.value]).toEqual([2, 3.5]);
		const b = step(m, "b").overall;
		expect([b.medianDays?.value, b.p90Days?.value]).toEqual([4.5, 7.3]);
		expect(b.medianDays?.formula).toMatchInlineSnapshot(
			`"median of 2 stays in b (days from entering to the next step) = 4.5 days"`,
		);
		expect(step(m, "d").overall.medianDays).toBeNull();
	});

	it("finds stalled open deals at the export date", () => {
		const b = step(m, "b");
		expect(b.open).toBe(2);
		expect(b.stalled?.value).toBe(2);
		expect(b.stalledDeals).toEqual([
			{ deal: "D4", days: 98 },
			{ deal: "D5", days: 9 },
		]);
		expect(step(m, "a").stalled?.value).toBe(0);
		expect(step(m, "d").stalled).toBeNull();
	});

	it("computes the headline numbers with their formulas", () => {
		const h = m.headline;
		expect(h.openDeals.value).toBe(2);
		expect(h.winRate.value).toBe(0.5);
		expect(h.winRate.formula).toMatchInlineSnapshot(`"won ÷ (won + lost) = 2 ÷ (2 + 2) = 50%"`);
		expect(h.avgDealValue.value).toBe(2000);
		expect(h.avgDealValue.formula).toMatchInlineSnapshot(
			`"value of won deals ÷ won deals with an amount = $4,000 ÷ 2 = $2,000"`,
		);
		expect(h.cycleDays.value).toBe(12);
		expect(h.velocityPerDay.value).toBeCloseTo((2 * 0.5 * 2000) / 12);
		expect(h.velocityPerDay.formula).toMatchInlineSnapshot(
			`"open deals × win rate × average deal value ÷ cycle length = 2 × 50% × $2,000 ÷ 12 days = $167 per day"`,
		);
		expect(h.velocityPer30Days.value).toBeCloseTo(5000);
	});

	it("computes headline numbers per period by close date, open at period end", () => {
		const [q1, q2] = m.headlineByPeriod;
		expect([q1?.won.value, q1?.lost.value, q1?.openDeals.value]).toEqual([2, 2, 2]);
		expect([q2?.won.value, q2?.winRate.value, q2?.openDeals.value]).toEqual([0, null, 2]);
		expect(q2?.velocityPerDay.display).toBe("n/a");
	});
});

describe("computeMetrics edge cases", () => {
	it("merges consecutive events of one step (two CRM stages mapped to it) into one visit", () => {
		const m = compute([ev("X", "s", 0), ev("X", "a", 1), ev("X", "a", 3), ev("X", "b", 6)]);
		const a = step(m, "a").overall;
		expect([a.entries, a.reEntries, a.medianDays?.value]).toEqual([1, 0, 5]);
	});

	it("sorts a deal's events by time, keeping export order for ties", () => {
		const m = compute([ev("X", "a", 2), ev("X", "s", 1), ev("X", "b", 2)]);
		// s1 → a2 → b2: a is left the moment it is entered.
		expect(step(m, "a").overall.medianDays?.value).toBe(0);
		expect(step(m, "s").overall.movedOn).toBe(1);
	});

	it("handles an empty store", () => {
		const m = compute([]);
		expect(m.periods).toEqual([]);
		expect(m.headline.winRate.value).toBeNull();
		expect(m.headline.winRate.display).toBe("n/a");
	});

	it("groups by month when asked", () => {
		const fc = smallFlowchart();
		const { store } = storeFromEvents(
			smallEvents(),
			fc.steps.map((s) => s.id),
		);
		const m = computeMetrics(fc, store, { period: "month" });
		expect(m.periods).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
	});
});
