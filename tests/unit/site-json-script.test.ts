import { describe, expect, it } from "vitest";
import { jsonForScript } from "../../src/lib/json-script.ts";

describe("jsonForScript", () => {
	it("cannot close the script element, open a comment or split a line", () => {
		const value = { name: "</script><script>alert(1)</script>", text: "<!-- a & b \u2028 c \u2029" };
		const out = jsonForScript(value);
		expect(out).not.toMatch(/[<>&\u2028\u2029]/);
		expect(out).toMatchInlineSnapshot(
			`"{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","text":"\\u003c!-- a \\u0026 b \\u2028 c \\u2029"}"`,
		);
	});

	it("still parses to the same value", () => {
		const value = { q: "</script><script>alert(1)</script>", n: [1, "&amp;"], s: "line\u2028sep" };
		expect(JSON.parse(jsonForScript(value))).toEqual(value);
	});

	it("writes null for undefined", () => {
		expect(jsonForScript(undefined)).toBe("null");
	});
});
