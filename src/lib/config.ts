/** Flowbook's site-wide settings, with defaults and environment overrides. */
export interface FlowbookConfig {
	/** Site title shown in the header. */
	title: string;
	/** Public origin of the site, e.g. https://intranet.example.com (used for the Atom feed and canonical links). */
	site: string;
	/** Base path the site is served under, e.g. `/sales/`. Always starts and ends with `/`. */
	base: string;
	/** The team's repository: "Edit this page" opens `<url>/edit/<branch>/<file>`; empty disables it. */
	repository: { url: string; branch: string };
	/** Default review cadence, e.g. "6 months". */
	reviewEvery: string;
	/** Treat content warnings as errors. */
	strict: boolean;
	/** The build date used for review status: FLOWBOOK_TODAY=YYYY-MM-DD, else today (UTC). */
	today: string;
}

export type FlowbookUserConfig = Partial<Omit<FlowbookConfig, "repository">> & {
	repository?: Partial<FlowbookConfig["repository"]>;
};

export function normaliseBase(base: string): string {
	const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
	return trimmed === "" ? "/" : `/${trimmed}/`;
}

export function defineFlowbookConfig(
	user: FlowbookUserConfig,
	env: Record<string, string | undefined> = process.env,
): FlowbookConfig {
	const today = env.FLOWBOOK_TODAY ?? user.today ?? new Date().toISOString().slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
		throw new Error(`FLOWBOOK_TODAY must be written YYYY-MM-DD, got "${today}"`);
	}
	return {
		title: user.title ?? "Sales Playbook",
		site: env.FLOWBOOK_SITE ?? user.site ?? "http://localhost:4321",
		base: normaliseBase(env.FLOWBOOK_BASE ?? user.base ?? "/"),
		repository: {
			url: (env.FLOWBOOK_REPO ?? user.repository?.url ?? "").replace(/\/+$/, ""),
			branch: user.repository?.branch ?? "main",
		},
		reviewEvery: user.reviewEvery ?? "6 months",
		strict: env.FLOWBOOK_STRICT ? env.FLOWBOOK_STRICT !== "0" : (user.strict ?? false),
		today,
	};
}
