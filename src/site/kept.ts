/** Page outputs kept between builds in the project's `.cache/flowbook/pages/` (see src/lib/site/kept-text.ts). */
import { join } from "node:path";
import { KEPT_TEXT_DIR, keptText } from "../lib/site/kept-text.ts";
import { project } from "./project.ts";

/** `make()`, or the text it made before from the same `inputs` (everything it reads) with the same code. */
export function keptPageText(kind: string, inputs: unknown, make: () => Promise<string> | string): Promise<string> {
	const root = project.rootDir;
	return keptText({ dir: join(root, KEPT_TEXT_DIR), srcDir: join(root, "src") }, kind, JSON.stringify(inputs), make);
}
