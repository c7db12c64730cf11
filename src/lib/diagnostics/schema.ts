/** Zod shape of a `Diagnostic`, for content collections that carry located problems (dev preview). */
import { z } from "zod";
import type { Diagnostic } from "./diagnostic.ts";

export const DiagnosticSchema = z.object({
	severity: z.enum(["error", "warning"]),
	file: z.string(),
	line: z.number().int().optional(),
	column: z.number().int().optional(),
	message: z.string(),
	hint: z.string().optional(),
	code: z.string(),
}) satisfies z.ZodType<Diagnostic>;
