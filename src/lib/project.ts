/**
 * The project a build reads: its root folder and its settings. astro.config.mjs resolves both once and shares them
 * here before Astro loads any page; the pages find them through `src/site/project.ts`. They live in process-wide
 * state because Astro bundles the pages apart from the config, so the two sides hold different copies of every
 * module (decision 4).
 */
import type { FlowbookConfig } from "./config.ts";
import { processShared } from "./process-shared.ts";

export interface Project {
	/** Absolute path of the folder that holds `content/` and `flowbook.config.ts`. */
	readonly rootDir: string;
	/** `flowbook.config.ts` with the FLOWBOOK_* environment overrides applied. */
	readonly config: FlowbookConfig;
}

const slot = processShared<{ project?: Project }>("project", () => ({}));

/** Makes `project` the one every page of this process reads (a restarted dev server shares its new one). */
export function shareProject(project: Project): Project {
	slot.project = project;
	return project;
}

/** The shared project, or undefined outside an Astro build or dev server (unit tests, scripts). */
export function sharedProject(): Project | undefined {
	return slot.project;
}
