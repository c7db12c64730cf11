/**
 * Site-wide settings for this playbook. Environment variables override them
 * (FLOWBOOK_BASE, FLOWBOOK_SITE, FLOWBOOK_REPO, FLOWBOOK_TODAY, FLOWBOOK_STRICT, FLOWBOOK_PDF).
 */
import { defineFlowbookConfig } from "./src/lib/config.ts";

export default defineFlowbookConfig({
	title: "Acme Sales Playbook",
	/** Where the content lives, so "Edit this page" and "Suggest a change" work. Empty: suggestions go by e-mail. */
	repository: {
		url: "https://github.com/acme/sales-playbook",
		branch: "main",
	},
	/** Used when a flowchart or page declares no review cadence. */
	reviewEvery: "6 months",
	/** Fail the build on warnings about content (overdue reviews, bad CRM rows) too. */
	strict: false,
	/** Build the whole playbook as one PDF per language (about 20 s more) and offer it on the home and onboarding pages. */
	pdf: true,
});
