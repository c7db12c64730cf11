/**
 * The sentences that describe a process change (changelog, feed, `npm run diff`), in every language,
 * in one place. `src/lib` only builds the message (a key plus the values from the content); the
 * words are chosen here, so a sales team reads "Negosiasi: akuntabel diubah dari ..." on /id/.
 */
import type { Lang } from "./ui.ts";

type StepType = "start" | "stage" | "decision" | "end";
type Outcome = "won" | "lost" | "other";
/** Free-text fields a change can be about. */
export type TextField = "summary" | "description" | "entry" | "exit";
export type Duty = "responsible" | "accountable";
export type Involved = "consulted" | "informed";

/** A change in words: `key` picks the sentence, the other fields fill it. Step and role names come from the content. */
export type ChangeMessage =
	| { key: "flowchart-added"; title: string; steps: number }
	| { key: "flowchart-removed"; title: string }
	| { key: "title-changed"; from: string; to: string }
	| { key: "text-added"; field: TextField; step?: string; to: string }
	| { key: "text-removed"; field: TextField; step?: string }
	| { key: "text-changed"; field: TextField; step?: string; from?: string; to: string }
	| { key: "owner-changed"; from?: string; to?: string }
	| { key: "cadence-changed"; from?: string; to?: string }
	| { key: "role-added"; role: string }
	| { key: "role-removed"; role: string }
	| { key: "role-renamed"; from: string; to: string }
	| { key: "role-changed"; role: string }
	| { key: "step-added"; step: string; type: StepType; responsible?: string }
	| { key: "step-removed"; step: string }
	| { key: "step-renamed"; from: string; to: string }
	| { key: "type-changed"; step: string; from: StepType; to: StepType }
	| { key: "outcome-changed"; step: string; from?: Outcome; to?: Outcome }
	| { key: "duty-changed"; step: string; duty: Duty; from?: string; to?: string }
	| { key: "involved-added"; step: string; list: Involved; role: string }
	| { key: "involved-removed"; step: string; list: Involved; role: string }
	| { key: "task-added"; step: string; task: string }
	| { key: "task-removed"; step: string; task: string }
	| { key: "tasks-reordered"; step: string }
	| { key: "conversion-changed"; step: string; from?: number; to?: number; fromText?: string; toText?: string }
	| { key: "days-changed"; step: string; from?: number; to?: number }
	| { key: "automation-added"; step: string; action: string; trigger: string; system: string }
	| { key: "automation-removed"; step: string; action: string; trigger: string; system: string }
	| { key: "condition-added"; step: string; target: string; when: string }
	| { key: "condition-removed"; step: string; target: string; when: string }
	| { key: "condition-changed"; step: string; target: string; from: string; to: string }
	| { key: "rerouted"; step: string; to: string; from: string; when?: string; fromWhen?: string; toWhen?: string }
	| { key: "transition-added"; step: string; target: string; when?: string }
	| { key: "transition-removed"; step: string; target: string; when?: string }
	// Changelog entries about a whole file.
	| { key: "version-unreadable"; path: string }
	// `translation`: the language of the guide's file, when only a translation changed (content/pages/id/…).
	| { key: "guide-added"; title: string; translation?: string }
	| { key: "guide-changed"; title: string; translation?: string }
	| { key: "guide-removed"; title: string; translation?: string };

type Catalog = { [K in ChangeMessage["key"]]: (m: Extract<ChangeMessage, { key: K }>) => string };

/** Content text in a sentence: quoted, on one line. */
export function q(text: string): string {
	return `"${text.trim().replace(/\s*\n\s*/g, " ")}"`;
}

/** "Step: " before a step's change, nothing for a flowchart-level one. */
function at(step: string | undefined): string {
	return step === undefined ? "" : `${step}: `;
}

function percent(lang: Lang, fraction: number | undefined, raw: string | undefined): string | undefined {
	if (fraction === undefined || Number.isNaN(fraction)) return raw;
	return new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US", {
		style: "percent",
		maximumFractionDigits: 2,
	}).format(fraction);
}

/** " (Indonesian version)", " (versi bahasa Indonesia)" for a translation's file. */
function version(lang: Lang, translation: string | undefined): string {
	if (translation === undefined) return "";
	const name = new Intl.DisplayNames(lang, { type: "language" }).of(translation) ?? translation;
	return lang === "id" ? ` (versi bahasa ${name})` : ` (${name} version)`;
}

const enFields: Record<TextField, string> = {
	summary: "Summary",
	description: "description",
	entry: "entry criteria",
	exit: "exit criteria",
};
const enTypes: Record<StepType, string> = { start: "start", stage: "stage", decision: "decision", end: "end" };
const enOutcomes: Record<Outcome, string> = { won: "won", lost: "lost", other: "other" };

const en: Catalog = {
	"flowchart-added": (m) => `Flowchart added: ${q(m.title)} (${m.steps} step${m.steps === 1 ? "" : "s"})`,
	"flowchart-removed": (m) => `Flowchart removed: ${q(m.title)}`,
	"title-changed": (m) => `Title changed from ${q(m.from)} to ${q(m.to)}`,
	"text-added": (m) => `${at(m.step)}${enFields[m.field]} added: ${q(m.to)}`,
	"text-removed": (m) => `${at(m.step)}${enFields[m.field]} removed`,
	"text-changed": (m) =>
		m.from === undefined
			? `${at(m.step)}${enFields[m.field]} changed to ${q(m.to)}`
			: `${at(m.step)}${enFields[m.field]} changed from ${q(m.from)} to ${q(m.to)}`,
	"owner-changed": (m) =>
		m.from === undefined
			? `Owner set to ${m.to}`
			: m.to === undefined
				? `Owner ${m.from} removed`
				: `Owner changed from ${m.from} to ${m.to}`,
	"cadence-changed": (m) =>
		`Review cadence changed from ${m.from ?? "the site default"} to ${m.to ?? "the site default"}`,
	"role-added": (m) => `Role added: ${m.role}`,
	"role-removed": (m) => `Role removed: ${m.role}`,
	"role-renamed": (m) => `Role renamed from ${m.from} to ${m.to}`,
	"role-changed": (m) => `Role ${m.role}: description or contact changed`,
	"step-added": (m) =>
		`Step added: ${q(m.step)} (${enTypes[m.type]}${m.responsible ? `, responsible: ${m.responsible}` : ""})`,
	"step-removed": (m) => `Step removed: ${q(m.step)}`,
	"step-renamed": (m) => `Step ${q(m.from)} renamed to ${q(m.to)}`,
	"type-changed": (m) => `${m.step}: type changed from ${enTypes[m.from]} to ${enTypes[m.to]}`,
	"outcome-changed": (m) =>
		`${m.step}: outcome changed from ${m.from ? enOutcomes[m.from] : "none"} to ${m.to ? enOutcomes[m.to] : "none"}`,
	"duty-changed": (m) =>
		m.from === undefined
			? `${m.step}: ${m.duty} set to ${m.to}`
			: m.to === undefined
				? `${m.step}: ${m.duty} ${m.from} removed`
				: `${m.step}: ${m.duty} changed from ${m.from} to ${m.to}`,
	"involved-added": (m) => `${m.step}: ${m.role} added to ${m.list}`,
	"involved-removed": (m) => `${m.step}: ${m.role} removed from ${m.list}`,
	"task-added": (m) => `${m.step}: task added: ${q(m.task)}`,
	"task-removed": (m) => `${m.step}: task removed: ${q(m.task)}`,
	"tasks-reordered": (m) => `${m.step}: tasks reordered`,
	"conversion-changed": (m) => {
		const from = percent("en", m.from, m.fromText);
		const to = percent("en", m.to, m.toText);
		if (from === undefined) return `${m.step}: target conversion set to ${to}`;
		if (to === undefined) return `${m.step}: target conversion (${from}) removed`;
		return `${m.step}: target conversion changed from ${from} to ${to}`;
	},
	"days-changed": (m) => {
		if (m.from === undefined) return `${m.step}: max days in step set to ${m.to}`;
		if (m.to === undefined) return `${m.step}: max days in step (${m.from}) removed`;
		return `${m.step}: max days in step changed from ${m.from} to ${m.to}`;
	},
	"automation-added": (m) =>
		`${m.step}: automation added: ${m.action.trim()} when ${m.trigger.trim()} (${m.system.trim()})`,
	"automation-removed": (m) =>
		`${m.step}: automation removed: ${m.action.trim()} when ${m.trigger.trim()} (${m.system.trim()})`,
	"condition-added": (m) => `${m.step}: condition ${q(m.when)} added to the branch to ${m.target}`,
	"condition-removed": (m) => `${m.step}: condition ${q(m.when)} removed from the branch to ${m.target}`,
	"condition-changed": (m) =>
		`${m.step}: condition of the branch to ${m.target} changed from ${q(m.from)} to ${q(m.to)}`,
	rerouted: (m) => {
		const branch = m.when === undefined ? "" : ` the ${q(m.when)} branch`;
		const base = `${m.step}:${branch} now leads to ${m.to} instead of ${m.from}`;
		if (m.when !== undefined || (m.fromWhen === undefined && m.toWhen === undefined)) return base;
		if (m.fromWhen === undefined) return `${base}; condition set to ${q(m.toWhen as string)}`;
		if (m.toWhen === undefined) return `${base}; condition (${q(m.fromWhen)}) removed`;
		return `${base}; condition changed from ${q(m.fromWhen)} to ${q(m.toWhen)}`;
	},
	"transition-added": (m) =>
		`${m.step}: now also leads to ${m.target}${m.when === undefined ? "" : ` when ${q(m.when)}`}`,
	"transition-removed": (m) =>
		`${m.step}: no longer leads to ${m.target}${m.when === undefined ? "" : ` (${q(m.when)})`}`,
	"version-unreadable": (m) =>
		`${m.path} was edited; one version is not a valid flowchart, so the changes are not described.`,
	"guide-added": (m) => `Guide added: ${q(m.title)}${version("en", m.translation)}`,
	"guide-changed": (m) => `Guide updated: ${q(m.title)}${version("en", m.translation)}`,
	"guide-removed": (m) => `Guide removed: ${q(m.title)}${version("en", m.translation)}`,
};

const idFields: Record<TextField, string> = {
	summary: "Ringkasan",
	description: "deskripsi",
	entry: "kriteria masuk",
	exit: "kriteria keluar",
};
const idTypes: Record<StepType, string> = { start: "mulai", stage: "tahap", decision: "keputusan", end: "akhir" };
const idOutcomes: Record<Outcome, string> = { won: "menang", lost: "kalah", other: "lainnya" };
const idDuties: Record<Duty, string> = { responsible: "pelaksana", accountable: "penanggung jawab" };
const idInvolved: Record<Involved, string> = { consulted: "yang dikonsultasikan", informed: "yang diberi tahu" };

const id: Catalog = {
	"flowchart-added": (m) => `Diagram alir ditambahkan: ${q(m.title)} (${m.steps} langkah)`,
	"flowchart-removed": (m) => `Diagram alir dihapus: ${q(m.title)}`,
	"title-changed": (m) => `Judul diubah dari ${q(m.from)} menjadi ${q(m.to)}`,
	"text-added": (m) => `${at(m.step)}${idFields[m.field]} ditambahkan: ${q(m.to)}`,
	"text-removed": (m) => `${at(m.step)}${idFields[m.field]} dihapus`,
	"text-changed": (m) =>
		m.from === undefined
			? `${at(m.step)}${idFields[m.field]} diubah menjadi ${q(m.to)}`
			: `${at(m.step)}${idFields[m.field]} diubah dari ${q(m.from)} menjadi ${q(m.to)}`,
	"owner-changed": (m) =>
		m.from === undefined
			? `Pemilik ditetapkan: ${m.to}`
			: m.to === undefined
				? `Pemilik ${m.from} dihapus`
				: `Pemilik diubah dari ${m.from} menjadi ${m.to}`,
	"cadence-changed": (m) => `Jadwal tinjauan diubah dari ${m.from ?? "bawaan situs"} menjadi ${m.to ?? "bawaan situs"}`,
	"role-added": (m) => `Peran ditambahkan: ${m.role}`,
	"role-removed": (m) => `Peran dihapus: ${m.role}`,
	"role-renamed": (m) => `Peran ${m.from} diganti nama menjadi ${m.to}`,
	"role-changed": (m) => `Peran ${m.role}: deskripsi atau kontak diubah`,
	"step-added": (m) =>
		`Langkah ditambahkan: ${q(m.step)} (${idTypes[m.type]}${m.responsible ? `, pelaksana: ${m.responsible}` : ""})`,
	"step-removed": (m) => `Langkah dihapus: ${q(m.step)}`,
	"step-renamed": (m) => `Langkah ${q(m.from)} diganti nama menjadi ${q(m.to)}`,
	"type-changed": (m) => `${m.step}: jenis diubah dari ${idTypes[m.from]} menjadi ${idTypes[m.to]}`,
	"outcome-changed": (m) =>
		`${m.step}: hasil diubah dari ${m.from ? idOutcomes[m.from] : "tidak ada"} menjadi ${m.to ? idOutcomes[m.to] : "tidak ada"}`,
	"duty-changed": (m) =>
		m.from === undefined
			? `${m.step}: ${idDuties[m.duty]} ditetapkan: ${m.to}`
			: m.to === undefined
				? `${m.step}: ${idDuties[m.duty]} ${m.from} dihapus`
				: `${m.step}: ${idDuties[m.duty]} diubah dari ${m.from} menjadi ${m.to}`,
	"involved-added": (m) => `${m.step}: ${m.role} ditambahkan ke daftar ${idInvolved[m.list]}`,
	"involved-removed": (m) => `${m.step}: ${m.role} dihapus dari daftar ${idInvolved[m.list]}`,
	"task-added": (m) => `${m.step}: tugas ditambahkan: ${q(m.task)}`,
	"task-removed": (m) => `${m.step}: tugas dihapus: ${q(m.task)}`,
	"tasks-reordered": (m) => `${m.step}: urutan tugas diubah`,
	"conversion-changed": (m) => {
		const from = percent("id", m.from, m.fromText);
		const to = percent("id", m.to, m.toText);
		if (from === undefined) return `${m.step}: target konversi ditetapkan ${to}`;
		if (to === undefined) return `${m.step}: target konversi (${from}) dihapus`;
		return `${m.step}: target konversi diubah dari ${from} menjadi ${to}`;
	},
	"days-changed": (m) => {
		if (m.from === undefined) return `${m.step}: batas hari di langkah ini ditetapkan ${m.to}`;
		if (m.to === undefined) return `${m.step}: batas hari di langkah ini (${m.from}) dihapus`;
		return `${m.step}: batas hari di langkah ini diubah dari ${m.from} menjadi ${m.to}`;
	},
	"automation-added": (m) =>
		`${m.step}: otomatisasi ditambahkan: ${m.action.trim()} saat ${m.trigger.trim()} (${m.system.trim()})`,
	"automation-removed": (m) =>
		`${m.step}: otomatisasi dihapus: ${m.action.trim()} saat ${m.trigger.trim()} (${m.system.trim()})`,
	"condition-added": (m) => `${m.step}: syarat ${q(m.when)} ditambahkan ke cabang menuju ${m.target}`,
	"condition-removed": (m) => `${m.step}: syarat ${q(m.when)} dihapus dari cabang menuju ${m.target}`,
	"condition-changed": (m) => `${m.step}: syarat cabang menuju ${m.target} diubah dari ${q(m.from)} menjadi ${q(m.to)}`,
	rerouted: (m) => {
		const branch = m.when === undefined ? "" : ` cabang ${q(m.when)}`;
		const base = `${m.step}:${branch} kini menuju ${m.to}, bukan ${m.from}`;
		if (m.when !== undefined || (m.fromWhen === undefined && m.toWhen === undefined)) return base;
		if (m.fromWhen === undefined) return `${base}; syarat ditetapkan ${q(m.toWhen as string)}`;
		if (m.toWhen === undefined) return `${base}; syarat (${q(m.fromWhen)}) dihapus`;
		return `${base}; syarat diubah dari ${q(m.fromWhen)} menjadi ${q(m.toWhen)}`;
	},
	"transition-added": (m) =>
		`${m.step}: kini juga menuju ${m.target}${m.when === undefined ? "" : ` jika ${q(m.when)}`}`,
	"transition-removed": (m) =>
		`${m.step}: tidak lagi menuju ${m.target}${m.when === undefined ? "" : ` (${q(m.when)})`}`,
	"version-unreadable": (m) =>
		`${m.path} diubah; salah satu versinya bukan diagram alir yang valid, jadi perubahannya tidak diuraikan.`,
	"guide-added": (m) => `Panduan ditambahkan: ${q(m.title)}${version("id", m.translation)}`,
	"guide-changed": (m) => `Panduan diperbarui: ${q(m.title)}${version("id", m.translation)}`,
	"guide-removed": (m) => `Panduan dihapus: ${q(m.title)}${version("id", m.translation)}`,
};

const catalogs: Record<Lang, Catalog> = { en, id };

/** The sentence for a change in `lang`. */
export function formatChange(lang: Lang, message: ChangeMessage): string {
	const format = catalogs[lang][message.key] as (m: ChangeMessage) => string;
	return format(message);
}
