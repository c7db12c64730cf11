/**
 * The project the site is built from, for pages, components, site modules and the flowchart loader: read the root
 * folder and the settings here, never from `flowbook.config.ts` or the working directory. It is the one that
 * astro.config.mjs resolved and handed to the integration too (`src/lib/project.ts`), so both read the same files.
 */
import userConfig from "../../flowbook.config.ts";
import type { FlowbookConfig } from "../lib/config.ts";
import { type Project, sharedProject } from "../lib/project.ts";

export type { Project } from "../lib/project.ts";

/** Outside Astro (unit tests, scripts) nothing was shared: the project in the working directory. */
export const project: Project = sharedProject() ?? { rootDir: process.cwd(), config: userConfig };

/** The settings alone, for pages and components that read no files. */
export const flowbookConfig: FlowbookConfig = project.config;
