import { describe, expect, it } from "vitest";
import { stringMemo } from "../../src/lib/memo.ts";

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
