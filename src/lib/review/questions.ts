/** The four questions of the playbook's review routine, keyed as in `review.log[].answers`. */
export const REVIEW_QUESTIONS = [
	{ key: "goals", question: "Is the process still aligned with business goals and sales strategy?" },
	{ key: "market", question: "Are there market or competitive changes that need adjustments?" },
	{ key: "tools", question: "Are there new tools or technology that could automate or simplify a task?" },
	{ key: "feedback", question: "What feedback or suggestions has the team given?" },
] as const;

export type ReviewAnswerKey = (typeof REVIEW_QUESTIONS)[number]["key"];
