import { describe, expect, it } from "vitest";
import { isRead, type MarkStore, setRead } from "../../../src/lib/read-marks.ts";

function memory(): MarkStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key),
	};
}

describe("read marks", () => {
	it("stores a mark as '1' and forgets it when unmarked", () => {
		const store = memory();
		expect(isRead("flowbook-read:faq", store)).toBe(false);
		setRead("flowbook-read:faq", true, store);
		expect(store.data.get("flowbook-read:faq")).toBe("1");
		expect(isRead("flowbook-read:faq", store)).toBe(true);
		setRead("flowbook-read:faq", false, store);
		expect(store.data.has("flowbook-read:faq")).toBe(false);
	});

	it("treats blocked or missing storage as nothing read, without throwing", () => {
		const blocked: MarkStore = {
			getItem: () => {
				throw new Error("SecurityError");
			},
			setItem: () => {
				throw new Error("QuotaExceededError");
			},
			removeItem: () => {},
		};
		expect(isRead("k", blocked)).toBe(false);
		expect(() => setRead("k", true, blocked)).not.toThrow();
		expect(isRead("k", undefined)).toBe(false);
	});
});
