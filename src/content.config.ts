import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { DiagnosticSchema } from "./lib/diagnostics/schema.ts";
import { FlowchartLabelsSchema } from "./lib/i18n/flowchart-labels.ts";
import { FaqSchema } from "./lib/schema/faq.ts";
import { FlowchartSchema } from "./lib/schema/flowchart.ts";
import { OnboardingSchema } from "./lib/schema/onboarding.ts";
import { PageFrontmatterSchema } from "./lib/schema/page.ts";
import { flowchartLoader } from "./loaders/flowcharts.ts";
import { yamlDataLoader } from "./loaders/yaml-data.ts";
import { project } from "./site/project.ts";

/**
 * The process definitions; validated by the core loader, with file:line:col errors. In dev, a file that broke
 * keeps its last valid version here, with its `problems` (shown on its page).
 */
const flowcharts = defineCollection({
	loader: flowchartLoader(project.rootDir),
	schema: FlowchartSchema.extend({ file: z.string(), problems: z.array(DiagnosticSchema).optional() }),
});

/**
 * Playbook pages: `content/pages/<slug>.mdx`, translations in `content/pages/<lang>/<slug>.mdx`. A `.md` page is
 * rendered when a page imports it (`deferRender`), as an `.mdx` one always is, not by the content sync: there a
 * broken ```mermaid fence only logged a line and left the page empty in `astro dev`; through Vite it stops the
 * page with the located message, in the terminal and the browser's error overlay, and is gone once fixed.
 */
const pages = defineCollection({
	loader: glob({ pattern: "**/*.{md,mdx}", base: "./content/pages", deferRender: true }),
	schema: PageFrontmatterSchema,
});

/*
 * The YAML data collections are read with the check's own YAML reader (src/loaders/yaml-data.ts), not `glob()`'s
 * js-yaml, so the pages see exactly what the check accepted: a bare date (`answer: 2026-06-01`) stays text.
 */

/** Translated flowchart text: `content/i18n/<lang>/flowcharts/<id>.yaml` (entry id `<lang>/flowcharts/<id>`). */
const i18n = defineCollection({
	loader: yamlDataLoader(project.rootDir, { base: "content/i18n", pattern: "*/flowcharts/*.{yaml,yml}" }),
	schema: FlowchartLabelsSchema,
});

/** Questions and answers per language: `content/faq/<lang>.yaml` (entry id = language). */
const faq = defineCollection({
	loader: yamlDataLoader(project.rootDir, { base: "content/faq", pattern: "*.{yaml,yml}" }),
	schema: FaqSchema,
});

/** The onboarding path, one file for every language (texts may be `{ en, id }`). */
const onboarding = defineCollection({
	loader: yamlDataLoader(project.rootDir, { base: "content", pattern: "onboarding.{yaml,yml}" }),
	schema: OnboardingSchema,
});

export const collections = { flowcharts, pages, i18n, faq, onboarding };
