/** Frontmatter of a playbook page in `content/pages/`. */
import { z } from "zod";
import { ReviewSchema } from "./flowchart.ts";

export const PageFrontmatterSchema = z
	.strictObject({
		/** Page title, shown as its heading and in the sidebar. */
		title: z.string().min(1).describe("Page title, shown as its heading and in the sidebar."),
		/** One sentence for search results and link previews. */
		description: z.string().optional().describe("One sentence for search results and link previews."),
		/** Place in the sidebar and onboarding order; lower comes first. */
		order: z.number().default(100).describe("Place in the sidebar and onboarding order; lower comes first."),
		/** Estimated minutes to read, shown on the onboarding path. */
		readingTime: z.number().positive().optional().describe("Estimated minutes to read."),
		/** Role id that keeps this page current. */
		owner: z.string().optional().describe("Role id that keeps this page current."),
		/** Opt in to review governance: cadence and log, as on flowcharts. */
		review: ReviewSchema.optional(),
	})
	.describe("Frontmatter of a playbook page.");

export type PageFrontmatter = z.output<typeof PageFrontmatterSchema>;
