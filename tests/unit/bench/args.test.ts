import { describe, expect, it } from "vitest";
import { type BenchArgsIo, benchArgs } from "../../../bench/args.ts";

class Exit extends Error {
	readonly code: number;
	constructor(code: number) {
		super(`exit ${code}`);
		this.code = code;
	}
}

function io(): BenchArgsIo & { out: string; err: string } {
	const state = {
		out: "",
		err: "",
		stdout: (text: string) => {
			state.out += text;
		},
		stderr: (text: string) => {
			state.err += text;
		},
		exit: (code: number): never => {
			throw new Exit(code);
		},
	};
	return state;
}

const USAGE = "usage: npm run bench -- guides [--guides 100]";
const options = { guides: { type: "string", default: "100" }, "no-pdf": { type: "boolean", default: false } } as const;

describe("bench options", () => {
	it("reads the options it knows", () => {
		const { values } = benchArgs(USAGE, { args: ["--guides", "7", "--no-pdf"], options }, io());
		expect(values).toEqual({ guides: "7", "no-pdf": true });
	});

	it("prints the usage for --help and exits 0", () => {
		const out = io();
		expect(() => benchArgs(USAGE, { args: ["--help"], options }, out)).toThrow(new Exit(0));
		expect(out.out).toBe(`${USAGE}\n`);
		expect(out.err).toBe("");
	});

	it("names an unknown option, prints the usage and exits 2, without a stack trace", () => {
		const out = io();
		expect(() => benchArgs(USAGE, { args: ["--guide", "7"], options }, out)).toThrow(new Exit(2));
		expect(out.err).toMatch(/^bench: Unknown option '--guide'/);
		expect(out.err).toContain(USAGE);
		expect(out.err).not.toMatch(/\n\s+at /);
	});

	it("says when an option misses its value", () => {
		const out = io();
		expect(() => benchArgs(USAGE, { args: ["--guides"], options }, out)).toThrow(new Exit(2));
		expect(out.err).toMatch(/^bench: Option '--guides <value>' argument missing/);
	});
});
