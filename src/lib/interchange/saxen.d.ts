// saxen (the XML parser under bpmn-moddle) ships no types: the part Flowbook uses.
declare module "saxen" {
	type Context = () => { line: number; column: number };
	export class Parser {
		constructor(options?: { proxy?: boolean });
		on(
			event: "openTag",
			fn: (
				name: string,
				attrs: () => Record<string, string>,
				decode: (s: string) => string,
				selfClosing: boolean,
				context: Context,
			) => void,
		): void;
		on(event: "closeTag", fn: (name: string) => void): void;
		on(event: "text", fn: (value: string, decode: (s: string) => string) => void): void;
		on(event: "error" | "warn", fn: (error: Error, context: Context) => void): void;
		parse(xml: string): void;
	}
}
