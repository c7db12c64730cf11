// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * Generates a realistic, deterministic HubSpot-style deal stage-history export for the sample b2b
 * flowchart, with one built-in bottleneck (proposal: low conversion, long stays) and a handful of
 * deliberately bad rows so the bad-data report has something to show.
 *
 *   node_modules/.bin/node scripts/generate-metrics.ts                       # content/metrics/b2b/2026-h{1,2}.csv
 *   node_modules/.bin/node scripts/generate-metrics.ts --deals 160000 --out bench/out
 */

import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DAY = 86_400_000;

/** mulberry32: tiny, fast, good enough for sample data, and identical on every machine. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface GenerateOptions {
	deals: number;
	out: string;
	seed?: number;
	/** Inject the sample bad rows (on for the committed sample). */
	badRows?: boolean;
	/** Share of stage entries followed by a stray record of a random stage (benchmarks: many variants). */
	noise?: number;
}

interface Row {
	deal: string;
	stage: string;
	at: number;
	amount: string;
	owner: string;
}

const owners = [
	"Ava Patel",
	"Ben Okafor",
	"Chloé Martin",
	"Diego Alvarez",
	"Emma Schulz",
	"Farah Khan",
	"Gus Lindqvist",
	"Hana Sato",
	"Ivan Petrov",
	"Julia Rossi",
	"Kofi Mensah",
	"Lena Novak",
];

function pad(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** HubSpot-style "2026-03-14 09:05". */
function stamp(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const stageNames = [
	"Contacted",
	"Qualified To Buy",
	"Nurture",
	"Presentation Scheduled",
	"Proposal Sent",
	"Negotiation",
	"Onboarding",
];

/**
 * Simulates every deal's path; rows come back in time order across deals. Deals mostly follow the
 * playbook; a few take the shortcuts real teams take (skip qualification, go back from negotiation to
 * proposal, close without the handover), drawn from a second generator so the rest stays as it was.
 */
export function simulate(deals: number, seed = 20260101, noise = 0): Row[] {
	const rnd = mulberry32(seed);
	const dev = mulberry32(seed ^ 0x5eed);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
	const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const start = Date.UTC(2026, 0, 1);
	const exportAt = Date.UTC(2026, 10, 20);
	const rows: Row[] = [];
	for (let i = 0; i < deals; i++) {
		const deal = String(18_000_000 + i * 7 + Math.floor(rnd() * 7));
		const owner = pick(owners);
		let amount = Math.round(lognormal(12_000, 0.8) / 50) * 50;
		let t = start + rnd() * (exportAt - start - 2 * DAY);
		// Office hours keep the timestamps looking real.
		t = Math.floor(t / DAY) * DAY + (8 + Math.floor(rnd() * 10)) * 3_600_000 + Math.floor(rnd() * 60) * 60_000;
		let amountKnown = rnd() < 0.7;
		const emit = (stage: string) => {
			if (t >= exportAt) return false;
			rows.push({ deal, stage, at: t, amount: amountKnown ? String(amount) : "", owner });
			if (noise > 0 && dev() < noise) {
				t += DAY / 4;
				rows.push({ deal, stage: pick(stageNames), at: t, amount: "", owner });
			}
			return true;
		};
		const wait = (median: number, sigma: number) => {
			t += Math.max(0.05, lognormal(median, sigma)) * DAY;
		};
		// Inbound leads go straight to qualification; outbound accounts are prospected first.
		const inbound = rnd() < 0.6;
		emit(inbound ? "Inbound Lead" : "Outbound Lead");
		let loops = 0;
		let reworked = false;
		// Some hot inbound leads are booked for a demo without qualification.
		let state = inbound ? (dev() < 0.05 ? "presentation" : "qualification") : "prospecting";
		if (inbound) wait(1.5, 0.8);
		for (;;) {
			if (state === "prospecting") {
				wait(1, 0.8);
				if (!emit(rnd() < 0.3 ? "Contacted" : "Appointment Scheduled")) break;
				if (rnd() < 0.25) {
					wait(2, 0.5);
					if (!emit("Appointment Scheduled")) break;
				}
				wait(5, 0.6);
				state = rnd() < 0.82 ? (dev() < 0.07 ? "presentation" : "qualification") : "lost";
			} else if (state === "qualification") {
				if (!emit("Qualified To Buy")) break;
				amountKnown = amountKnown || rnd() < 0.5;
				wait(6, 0.5);
				const r = rnd();
				state = r < 0.6 ? "presentation" : r < 0.92 && loops < 2 ? "nurture" : "lost";
			} else if (state === "nurture") {
				if (!emit("Nurture")) break;
				wait(9, 0.5);
				loops++;
				state = rnd() < 0.5 ? "prospecting" : "lost";
			} else if (state === "presentation") {
				if (!emit("Presentation Scheduled")) break;
				amountKnown = true;
				wait(7, 0.5);
				state = rnd() < 0.78 ? "proposal" : "lost";
			} else if (state === "proposal") {
				// The built-in bottleneck: proposals sit for weeks and most never move on.
				if (!emit("Proposal Sent")) break;
				amount = Math.round((amount * (0.9 + rnd() * 0.3)) / 50) * 50;
				wait(24, 0.5);
				state = rnd() < 0.26 ? "negotiation" : "lost";
			} else if (state === "negotiation") {
				if (!emit(rnd() < 0.5 ? "Contract Sent" : "Negotiation")) break;
				wait(8, 0.5);
				state = rnd() < 0.86 ? "handover" : "lost";
				// Rework: the buyer asks for a new proposal; or the deal is marked won without a handover.
				if (!reworked && dev() < 0.12) {
					reworked = true;
					state = "proposal";
				} else if (state === "handover" && dev() < 0.06) state = "won";
			} else if (state === "won") {
				emit("Closed Won");
				break;
			} else if (state === "handover") {
				if (!emit("Onboarding")) break;
				wait(4, 0.5);
				emit("Closed Won");
				break;
			} else {
				emit("Closed Lost");
				break;
			}
		}
	}
	// Stable by time, then by deal, so the output does not depend on sort implementation details.
	return rows.sort((a, b) => a.at - b.at || a.deal.localeCompare(b.deal));
}

const header = "Record ID,Deal Stage,Date Entered Stage,Amount,Deal Owner\n";

function csvLine(r: Row): string {
	return `${r.deal},${r.stage},${stamp(r.at)},${r.amount},${r.owner}\n`;
}

/** The sample's bad rows: a few of each kind the report groups. */
function injectBadRows(lines: string[], rows: Row[]): void {
	const at = (i: number) => Math.floor((lines.length * i) / 10);
	const r = rows;
	lines.splice(at(1), 0, `${r[at(1)]!.deal},Demo Scheduled,${stamp(r[at(1)]!.at)},,${r[at(1)]!.owner}\n`);
	lines.splice(at(3), 0, `${r[at(3)]!.deal},Demo Scheduled,${stamp(r[at(3)]!.at)},9000,${r[at(3)]!.owner}\n`);
	lines.splice(at(7), 0, `${r[at(7)]!.deal},Demo Scheduled,${stamp(r[at(7)]!.at)},,${r[at(7)]!.owner}\n`);
	lines.splice(at(2), 0, `${r[at(2)]!.deal},Qualified To Buy,2026-02-30 10:00,,${r[at(2)]!.owner}\n`);
	lines.splice(at(4), 0, `,Proposal Sent,${stamp(r[at(4)]!.at)},12000,${r[at(4)]!.owner}\n`);
	const neg = r[at(5)]!;
	lines.splice(at(5), 0, `${neg.deal}9,Outbound Lead,${stamp(neg.at)},-4500,${neg.owner}\n`);
	lines.splice(at(6), 0, lines[at(6) - 1]!);
	// Out of order: a row for an earlier deal event shows up a day late.
	const late = r[at(8) - 500]!;
	lines.splice(at(8), 0, `${late.deal}7,Inbound Lead,${stamp(late.at + DAY)},,${late.owner}\n`);
	lines.splice(at(8) + 1, 0, `${late.deal}7,Appointment Scheduled,${stamp(late.at)},,${late.owner}\n`);
}

async function writeCsv(path: string, lines: Iterable<string>): Promise<void> {
	const out = createWriteStream(path);
	out.write(header);
	let chunk = "";
	for (const line of lines) {
		chunk += line;
		if (chunk.length > 1 << 16) {
			if (!out.write(chunk)) await once(out, "drain");
			chunk = "";
		}
	}
	out.write(chunk);
	out.end();
	await once(out, "finish");
}

/** Writes `<out>/2026-h1.csv` (events before July) and `<out>/2026-h2.csv`; returns the row count. */
export async function generateExport(options: GenerateOptions): Promise<{ rows: number; files: string[] }> {
	mkdirSync(options.out, { recursive: true });
	const rows = simulate(options.deals, options.seed, options.noise);
	const july = Date.UTC(2026, 6, 1);
	const split = rows.findIndex((r) => r.at >= july);
	const h1 = rows.slice(0, split < 0 ? rows.length : split);
	const h2 = split < 0 ? [] : rows.slice(split);
	const files = [`${options.out}/2026-h1.csv`, `${options.out}/2026-h2.csv`];
	const l1 = h1.map(csvLine);
	const l2 = h2.map(csvLine);
	if (options.badRows) injectBadRows(l2, h2);
	await writeCsv(files[0]!, l1);
	await writeCsv(files[1]!, l2);
	return { rows: l1.length + l2.length, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const arg = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const deals = Number(arg("--deals") ?? 3000);
	const out = arg("--out") ?? "content/metrics/b2b";
	const sample = arg("--out") === undefined;
	const noise = Number(arg("--noise") ?? 0);
	const { rows, files } = await generateExport({ deals, out, noise, badRows: sample || args.includes("--bad-rows") });
	console.log(
		`Wrote ${rows.toLocaleString("en-US")} rows for ${deals.toLocaleString("en-US")} deals: ${files.join(", ")}`,
	);
}
