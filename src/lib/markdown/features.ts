/**
 * Sätteri's Markdown features for the pages (Astro's defaults: GFM and smart punctuation), in one place: the build
 * (astro.config.mjs) and the content check (content/mdx-body.ts) must parse a page alike, or a page the check accepts
 * could fail the build.
 */
import type { Features } from "satteri";

export const markdownFeatures = { gfm: true, smartPunctuation: true } as const satisfies Features;
