import { describe, expect, it } from "vitest";
import { inputsMemo, stringMemo } from "../../src/lib/memo.ts";

describe("stringMemo", () => {
	it("computes once per key, keeps falsy values, and starts again empty past its limit", () => {
		const memo = stringMemo<string | undefined>(2);
		let calls = 0;
		const get = (key: string, value: string | undefined) =>
			memo(key, () => {
				calls++;
				return value;
			});
		expect(get("a", "A")).toBe("A");
		expect(get("a", "other")).toBe("A");
		expect(get("b", undefined)).toBeUndefined();
		expect(get("b", "B")).toBeUndefined();
		expect(calls).toBe(2);
		// A third key clears the two kept ones: "a" is computed again.
		expect(get("c", "C")).toBe("C");
		expect(get("a", "A2")).toBe("A2");
		expect(calls).toBe(4);
	});
});

describe("inputsMemo", () => {
	it("computes once per slot while every input is the same object, and again when one changes", () => {
		const memo = inputsMemo<string, number>();
		const pages = ["a", "b"];
		const flowcharts = ["b2b"];
		let calls = 0;
		const count = (slot: string, inputs: unknown[]) =>
			memo(slot, inputs, () => {
				calls++;
				return calls;
			});
		expect(count("en", [pages, flowcharts])).toBe(1);
		expect(count("en", [pages, flowcharts])).toBe(1);
		// Another slot has its own value.
		expect(count("id", [pages, flowcharts])).toBe(2);
		expect(count("en", [pages, flowcharts])).toBe(1);
		// Equal content in a new array is a new input (the lists are rebuilt only when the content changed).
		expect(count("en", [[...pages], flowcharts])).toBe(3);
		expect(count("en", [[...pages], flowcharts])).toBe(4);
		expect(calls).toBe(4);
	});
});
