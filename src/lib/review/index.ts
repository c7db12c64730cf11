/**
 * Review governance for the site:
 *
 *   const today = buildDate();                           // FLOWBOOK_TODAY=YYYY-MM-DD overrides
 *   const rows = reviewDashboard({ flowcharts, pages }, { today, defaultCadence: config.reviewEvery });
 *   const diagnostics = overdueDiagnostics(rows, { strict: config.strict, locate });
 */

export { locateKey } from "../load/parse-yaml.ts";
export { type ChecklistMetrics, reviewChecklist, reviewLogSnippet } from "./checklist.ts";
export {
	compareUrgency,
	type OverdueOptions,
	overdueDiagnostics,
	type ReviewOptions,
	type ReviewRow,
	reviewDashboard,
	reviewRow,
} from "./dashboard.ts";
export {
	buildDate,
	type CalendarDate,
	DEFAULT_CADENCE,
	DEFAULT_DUE_SOON_DAYS,
	formatDay,
	lastReview,
	nextDue,
	parseCadence,
	type ReviewStatus,
	reviewStatus,
	toCalendarDate,
} from "./due.ts";
export { checklistMetrics } from "./metrics.ts";
export { REVIEW_QUESTIONS } from "./questions.ts";
export { flowchartSubject, pageSubject, type ReviewPage, type ReviewSubject } from "./subject.ts";
