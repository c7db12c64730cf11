/** Flowbook's site-wide settings, with defaults and environment overrides. */
import type { Diagnostic } from "./diagnostics/diagnostic.ts";

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
	/** Build the whole playbook as one PDF per language with the site, offered on the home and onboarding pages. */
	pdf: boolean;
	/** The build date used for review status: FLOWBOOK_TODAY=YYYY-MM-DD, else today (UTC). */
	today: string;
	/**
	 * Settings that could not be read (each replaced by its default so the config still loads).
	 * The build and `validate` print them and stop, rather than Astro showing a stack trace.
	 */
	problems?: Diagnostic[];
}

export type FlowbookUserConfig = Partial<Omit<FlowbookConfig, "repository" | "problems">> & {
	repository?: Partial<FlowbookConfig["repository"]>;
};

export function normaliseBase(base: string): string {
	const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
	return trimmed === "" ? "/" : `/${trimmed}/`;
}

const CONFIG_FILE = "flowbook.config.ts";
const yes = ["1", "true", "yes", "on"];
const no = ["0", "false", "no", "off", ""];

/** Where a setting came from, as the author would look for it. */
interface Source {
	/** `FLOWBOOK_TODAY (environment)` or `flowbook.config.ts`. */
	file: string;
	/** The key in flowbook.config.ts; the variable is already named by `file`. */
	name?: string;
}

function pick<T>(envName: string, env: Record<string, string | undefined>, user: T | undefined, key: string) {
	const fromEnv = env[envName];
	if (fromEnv !== undefined) return { value: fromEnv, from: { file: `${envName} (environment)` } };
	return { value: user, from: { file: CONFIG_FILE, name: key } };
}

/** A yes/no setting from the config (boolean) or the environment (1/true/yes, 0/false/no). */
function onOff(setting: { value: unknown; from: Source }, problems: Diagnostic[], hint: string): boolean {
	if (typeof setting.value === "boolean") return setting.value;
	if (typeof setting.value !== "string") return false;
	const word = setting.value.trim().toLowerCase();
	if (yes.includes(word)) return true;
	if (!no.includes(word))
		problems.push(problem(setting.from, `${JSON.stringify(setting.value)} is neither on nor off`, hint));
	return false;
}

function problem(from: Source, message: string, hint: string): Diagnostic {
	return {
		severity: "error",
		file: from.file,
		message: from.name ? `${from.name}: ${message}` : message,
		hint,
		code: "bad-setting",
	};
}

/** `YYYY-MM-DD` naming a real day (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === text;
}

export function defineFlowbookConfig(
	user: FlowbookUserConfig,
	env: Record<string, string | undefined> = process.env,
): FlowbookConfig {
	const problems: Diagnostic[] = [];
	const fallbackToday = new Date().toISOString().slice(0, 10);

	const todaySetting = pick("FLOWBOOK_TODAY", env, user.today, "today");
	let today = todaySetting.value?.trim() || fallbackToday;
	if (!isCalendarDay(today)) {
		problems.push(
			problem(
				todaySetting.from,
				/^\d{4}-\d{2}-\d{2}$/.test(today)
					? `${JSON.stringify(today)} is not a day of the calendar`
					: `${JSON.stringify(today)} is not a date written YYYY-MM-DD`,
				"Write a real day such as 2026-03-14, or leave it unset to use today's date.",
			),
		);
		today = fallbackToday;
	}

	const strict = onOff(
		pick("FLOWBOOK_STRICT", env, user.strict, "strict"),
		problems,
		"Use 1, true or yes to treat warnings as errors; 0, false or no to keep them warnings.",
	);
	const pdf = onOff(
		pick("FLOWBOOK_PDF", env, user.pdf, "pdf"),
		problems,
		"Use 1, true or yes to build the playbook PDFs with the site; 0, false or no to leave them out.",
	);

	const siteSetting = pick("FLOWBOOK_SITE", env, user.site, "site");
	let site = siteSetting.value?.trim() || "http://localhost:4321";
	if (!isOrigin(site)) {
		problems.push(
			problem(
				siteSetting.from,
				`${JSON.stringify(site)} is not a web address`,
				"Write the site's public origin with its scheme, e.g. https://intranet.example.com (the base path goes in FLOWBOOK_BASE).",
			),
		);
		site = "http://localhost:4321";
	}

	const baseSetting = pick("FLOWBOOK_BASE", env, user.base, "base");
	let base = normaliseBase(baseSetting.value ?? "/");
	if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base) || base.split("/").some((s) => s === "." || s === "..")) {
		problems.push(
			problem(
				baseSetting.from,
				`${JSON.stringify(baseSetting.value)} is not a base path`,
				"Write the path the site is served under with letters, digits, '-', '_' and '/', e.g. /sales/ (or / for the root).",
			),
		);
		base = "/";
	}

	return {
		title: user.title ?? "Sales Playbook",
		site,
		base,
		repository: {
			url: (env.FLOWBOOK_REPO ?? user.repository?.url ?? "").replace(/\/+$/, ""),
			branch: user.repository?.branch ?? "main",
		},
		reviewEvery: user.reviewEvery ?? "6 months",
		strict,
		pdf,
		today,
		...(problems.length > 0 ? { problems } : {}),
	};
}

function isOrigin(text: string): boolean {
	if (!URL.canParse(text)) return false;
	const url = new URL(text);
	return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}
