/** The review line every flowchart page shows under its title. */

import type { ReviewRow } from "./dashboard.ts";
import { formatDay } from "./due.ts";

export interface ReviewBadge {
	/** "Last reviewed 4 May 2026 by Sales-ops lead · next review due 4 Nov 2026". */
	text: string;
	/** Short label for the badge itself: "Review overdue", "Review due soon", "Never reviewed"; absent when ok. */
	label?: string;
	status: ReviewRow["status"];
	/** True for overdue and never-reviewed: show the warning style. */
	alert: boolean;
}

export function reviewBadge(row: ReviewRow): ReviewBadge {
	if (!row.lastReview || !row.nextDue) {
		return {
			text: `Not reviewed yet · reviews are due every ${row.cadence}`,
			label: "Never reviewed",
			status: row.status,
			alert: true,
		};
	}
	const last = `Last reviewed ${formatDay(row.lastReview.date)} by ${row.lastReview.by}`;
	if (row.status === "overdue") {
		return {
			text: `${last} · review overdue since ${formatDay(row.nextDue)}`,
			label: "Review overdue",
			status: row.status,
			alert: true,
		};
	}
	return {
		text: `${last} · next review due ${formatDay(row.nextDue)}`,
		label: row.status === "due-soon" ? "Review due soon" : undefined,
		status: row.status,
		alert: false,
	};
}
