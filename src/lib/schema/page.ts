/** Frontmatter of a playbook page in `content/pages/`. */
import { z } from "zod";
import { ReviewSchema } from "./flowchart.ts";

export const PageFrontmatterSchema = z
	.strictObject({
		title: z.string().min(1).describe("Page title, shown as its heading and in the sidebar."),
		description: z.string().optional().describe("One sentence for search results and link previews."),
		order: z.number().default(100).describe("Place in the sidebar and onboarding order; lower comes first."),
		readingTime: z.number().positive().optional().describe("Estimated minutes to read."),
		owner: z.string().optional().describe("Role id that keeps this page current."),
		/** Opt in to review governance: cadence and log, as on flowcharts. */
		review: ReviewSchema.optional(),
	})
	.describe("Frontmatter of a playbook page.");

export type PageFrontmatter = z.output<typeof PageFrontmatterSchema>;
