/**
 * Synthetic playbooks for the benchmark: flowcharts shaped like the sample ones (lanes per role, decisions with a
 * loop back or a lost end, labels and texts of realistic length) and MDX pages, some with a ```mermaid fence.
 * Deterministic: the same arguments give the same files.
 */

const ROLES: Record<string, string> = {
	sdr: "Sales development representative",
	ae: "Account executive",
	se: "Solutions engineer",
	manager: "Sales manager",
	ops: "Sales operations",
	cs: "Customer success manager",
};
const ROLE_IDS = Object.keys(ROLES);

const STAGE_LABELS = [
	"Research the account",
	"First contact",
	"Discovery call",
	"Needs analysis",
	"Technical deep dive",
	"Tailored demo",
	"Business case",
	"Proposal",
	"Security review",
	"Pricing approval",
	"Negotiation",
	"Legal review",
	"Order form",
	"Kick-off planning",
	"Handover to customer success",
	"Reference check",
	"Mutual action plan",
	"Stakeholder mapping",
];
const QUESTIONS = [
	"Budget confirmed?",
	"Decision maker engaged?",
	"Fits the ideal customer profile?",
	"Technical fit proven?",
	"Discount above 15%?",
	"Contract signed?",
	"Security questionnaire passed?",
	"Champion still in place?",
];
const SENTENCES = [
	"The account executive reviews the CRM history and the notes from earlier conversations before the meeting.",
	"Agree the next step with the customer before the call ends and log it on the opportunity.",
	"Share the **one-page summary** with everyone who joined, within one business day.",
	"Check that the champion and the economic buyer are both named on the opportunity.",
	"Update the close date and the amount so the forecast stays honest.",
	"Ask the customer which alternatives they are evaluating and why.",
];

function pick<T>(items: readonly T[], n: number): T {
	return items[n % items.length] as T;
}

function quote(text: string): string {
	return JSON.stringify(text);
}

/** One flowchart of `steps` steps: a start, stages and decisions in lanes, a won and a lost end. */
export function flowchartYaml(index: number, steps: number): string {
	const n = Math.max(4, steps);
	const roles = ROLE_IDS.slice(0, 3 + (index % 4));
	const ids: string[] = ["lead"];
	for (let i = 1; i < n - 2; i++) ids.push(`s${i}`);
	ids.push("won", "lost");
	const lines = [
		`title: ${quote(`Synthetic process ${index + 1}`)}`,
		`summary: ${quote(`How a deal moves through synthetic process ${index + 1}, from the first lead to a signed contract.`)}`,
		`owner: ${roles[0]}`,
		"direction: LR",
		`order: ${10 + index}`,
		"roles:",
		...roles.map((r) => `  ${r}: ${quote(ROLES[r] as string)}`),
		"steps:",
		"  - id: lead",
		"    type: start",
		"    label: New qualified lead",
		`    responsible: ${roles[0]}`,
		"    next: s1",
	];
	let loops = 0;
	for (let i = 1; i < n - 2; i++) {
		const id = `s${i}`;
		const next = i + 1 < n - 2 ? `s${i + 1}` : "won";
		const lane = pick(roles, Math.floor((i - 1) / 3));
		if (i % 5 === 0) {
			// Decisions: every other one loops back (re-qualify), the rest lose the deal.
			const back = loops++ % 2 === 0 && i > 3 ? `s${i - 3}` : "lost";
			lines.push(
				`  - id: ${id}`,
				"    type: decision",
				`    label: ${quote(pick(QUESTIONS, i + index))}`,
				`    responsible: ${lane}`,
				"    next:",
				`      - { to: ${next}, when: ${quote("Yes, with evidence in the CRM")} }`,
				`      - { to: ${back}, when: ${quote(back === "lost" ? "No, or no answer in 30 days" : "Not yet: re-qualify")} }`,
			);
			continue;
		}
		lines.push(
			`  - id: ${id}`,
			`    label: ${quote(`${pick(STAGE_LABELS, i * 7 + index)}${i > STAGE_LABELS.length ? ` ${Math.ceil(i / STAGE_LABELS.length)}` : ""}`)}`,
			`    description: ${quote(`${pick(SENTENCES, i)} ${pick(SENTENCES, i + 2)}`)}`,
			`    responsible: ${lane}`,
			`    accountable: ${roles.includes("manager") ? "manager" : roles[0]}`,
			`    consulted: [${roles
				.filter((r) => r !== lane)
				.slice(0, 2)
				.join(", ")}]`,
			`    informed: [${roles[roles.length - 1]}]`,
			"    tasks:",
			`      - ${quote(pick(SENTENCES, i + 1))}`,
			`      - ${quote(pick(SENTENCES, i + 3))}`,
			`    entry: ${quote("The previous step's exit criteria are met and recorded in the CRM.")}`,
			`    exit: ${quote("The customer agreed the next step and it is booked in both calendars.")}`,
			`    metrics: { target_conversion: "${50 + (i % 40)}%", max_days: ${3 + (i % 20)} }`,
			...(i % 4 === 1
				? [
						"    automations:",
						`      - { trigger: ${quote("No reply 3 days after the last email")}, action: ${quote("Send the follow-up sequence")}, system: CRM sequence }`,
					]
				: []),
			"    next:",
			`      - { to: ${next}, when: ${quote(pick(["Customer agreed the next step", "Done", "Exit criteria met", "Documents signed"], i))} }`,
		);
	}
	lines.push(
		"  - id: won",
		"    type: end",
		"    outcome: won",
		"    label: Closed won",
		`    responsible: ${roles[0]}`,
		"  - id: lost",
		"    type: end",
		"    outcome: lost",
		"    label: Closed lost",
		`    responsible: ${roles[0]}`,
	);
	return `${lines.join("\n")}\n`;
}

const COMPANIES = [
	"Northwind",
	"Contoso",
	"Fabrikam",
	"Tailspin",
	"Litware",
	"Adatum",
	"Proseware",
	"Woodgrove",
	"Lucerne",
	"Wingtip",
	"Fourth Coffee",
	"Alpine Ski House",
	"Coho Winery",
	"Trey Research",
	"Blue Yonder",
	"Wide World Importers",
	"Southridge Video",
];
const SEGMENTS = [
	"mid-market manufacturing",
	"regional banks",
	"hospital groups",
	"logistics providers",
	"retail chains",
	"universities",
	"insurance brokers",
	"software scale-ups",
	"telecom operators",
	"public sector agencies",
	"hotel groups",
	"energy utilities",
	"law firms",
];
const PLAYS = [
	"Expansion into a second business unit",
	"Renewal at risk",
	"Competitive displacement",
	"Inbound trial conversion",
	"Partner-sourced deal",
	"Multi-year commitment",
	"Pilot to production",
	"Executive sponsor change",
	"Price increase conversation",
	"Cross-sell of the analytics add-on",
	"Public tender response",
	"Reactivating a lost account",
];

/** What a guide's prose and diagram are about; every field differs between neighbouring guides. */
interface GuideTopic {
	n: number;
	company: string;
	segment: string;
	play: string;
	days: number;
	pct: number;
	discount: number;
	seats: number;
}

function guideTopic(index: number): GuideTopic {
	return {
		n: index + 1,
		company: pick(COMPANIES, index * 5 + 3),
		segment: pick(SEGMENTS, index * 7 + 1),
		play: pick(PLAYS, index),
		days: 10 + ((index * 13) % 50),
		pct: 12 + ((index * 11) % 70),
		discount: 5 + ((index * 3) % 20),
		seats: 25 + ((index * 37) % 900),
	};
}

/** ~70 words each; a guide takes eight of them in an order of its own, so no two guides read alike. */
const PROSE_EN: ((t: GuideTopic) => string)[] = [
	(t) =>
		`This guide covers the ${t.play.toLowerCase()} play for ${t.segment}, using ${t.company} as the worked example. Most deals of this kind stall not because the customer says no, but because nobody on their side owns the next step. Your job in the first two weeks is to find that owner, agree a date with them, and write both into the opportunity before you do anything else.`,
	(t) =>
		`Start with what the account already told us. Read the last ${Math.ceil(t.days / 5)} activities in the CRM, the notes from support tickets and any survey answers. At ${t.company} the people who answered support tickets are rarely the people who sign, but they know where the pain is and who complains about it loudest. Write down three facts you can quote back to the customer in the first call.`,
	(t) =>
		`Discovery is a conversation, not an interrogation. Ask how ${t.segment} handle the process today, what it costs them in hours or missed revenue, and what happens if nothing changes this year. Listen for numbers: a customer who says "we lose about ${t.pct} percent of renewals" has done the maths already and will share it with their finance team if you ask for it.`,
	(t) =>
		`Map the buying group early. For a deal of about ${t.seats} seats you will usually meet an economic buyer, a technical evaluator, a champion who wants the change, and someone from procurement or legal. Name each of them on the opportunity. If you cannot name the economic buyer after the second meeting, say so in the forecast call instead of hoping the champion will introduce you later.`,
	(t) =>
		`A tailored demo shows the customer their own process, not our feature list. Before the demo, send ${t.company} a short agenda with the two or three problems you heard in discovery and ask them to confirm the order. Use their terms, their data where you have it, and stop after each problem to ask whether what they saw would work for their team.`,
	(t) =>
		`The business case turns the demo into money. Keep it to one page: today's cost, the cost after the change, the one-off effort, and the payback period. Use the customer's numbers wherever possible and mark our assumptions clearly. A case that shows a ${t.pct} percent return with honest assumptions beats one that promises three times as much and collapses in the first review with finance.`,
	(t) =>
		`Pricing follows the value, not the other way round. Quote list price first and explain what is included. If the customer asks for a discount above ${t.discount} percent, the sales manager has to approve it before you put it in writing, and the approval needs a reason the customer gave us, such as a longer term, a reference or a faster signature.`,
	(t) =>
		`Security and legal reviews take longer than anyone expects. Send the standard security pack as soon as the technical evaluator is engaged, not after the proposal. For ${t.segment}, plan at least ${t.days} days for the questionnaire and the data processing agreement, and ask who on the customer's side owns each document so they do not sit in a shared inbox.`,
	(t) =>
		`Negotiation is easier when both sides have written down what they need. Agree a mutual action plan with ${t.company}: every step until signature, who owns it and the date it is due. Review the plan in every call. When a date slips, ask what changed and update the close date in the CRM the same day so the forecast stays honest.`,
	(t) =>
		`Competitors will appear in most deals of this kind. Do not criticise them; ask the customer what they liked about the alternative and what worries them. In ${t.segment} the usual concerns are implementation effort and support hours. Answer those with a reference customer of a similar size, ideally one who switched from the same competitor in the last year.`,
	(t) =>
		`When the customer goes quiet, do not send the same reminder three times. Send one short message that gives them something new: a case study, an answer to an open question, or a proposed date for the next step. If there is still no answer after 30 days, close the opportunity as lost with the reason, and set a task to reach out to ${t.company} again next quarter.`,
	(t) =>
		`The hand-off to customer success starts before the signature. Invite the customer success manager to the last call before the order form, share the mutual action plan and the business case, and write down what ${t.company} expects to see in the first ${t.days} days. A customer who meets their success manager early renews more often and expands sooner.`,
	(t) =>
		`Forecast this deal honestly. A deal is in commit only when the economic buyer has confirmed the budget, the paper process is known and the close date is in this quarter. Everything else is best case. Managers review the deals with ${t.segment} every Monday, and a deal that moves back and forth between the two categories is a signal to ask for help.`,
	(t) =>
		`After the deal closes, write a short retrospective in the opportunity: what worked, what slowed us down and what you would do differently. Three sentences are enough. The playbook owners read these every quarter and update this guide, so the next account executive selling to ${t.segment} starts from what you learned instead of from scratch.`,
];

/** Indonesian prose for translated guides, same topics. */
const PROSE_ID: ((t: GuideTopic) => string)[] = [
	(t) =>
		`Panduan ini membahas strategi untuk ${t.segment} dengan ${t.company} sebagai contoh. Sebagian besar transaksi seperti ini tertahan bukan karena pelanggan menolak, tetapi karena tidak ada orang di pihak mereka yang memegang langkah berikutnya. Tugas Anda dalam dua minggu pertama adalah menemukan pemilik itu, menyepakati tanggal, dan mencatat keduanya di peluang penjualan di CRM.`,
	(t) =>
		`Mulailah dari apa yang sudah disampaikan akun ini. Baca ${Math.ceil(t.days / 5)} aktivitas terakhir di CRM, catatan tiket dukungan, dan jawaban survei. Di ${t.company}, orang yang membuka tiket dukungan jarang menjadi penanda tangan kontrak, tetapi mereka tahu di mana masalahnya. Tuliskan tiga fakta yang dapat Anda sampaikan kembali kepada pelanggan pada panggilan pertama.`,
	(t) =>
		`Discovery adalah percakapan, bukan interogasi. Tanyakan bagaimana proses dijalankan saat ini, berapa biayanya dalam jam kerja atau pendapatan yang hilang, dan apa yang terjadi jika tidak ada perubahan tahun ini. Dengarkan angka: pelanggan yang berkata "kami kehilangan sekitar ${t.pct} persen perpanjangan" sudah menghitungnya dan akan membagikannya kepada tim keuangan.`,
	(t) =>
		`Petakan kelompok pembeli sejak awal. Untuk transaksi sekitar ${t.seats} pengguna, Anda biasanya bertemu pembeli ekonomi, evaluator teknis, champion yang menginginkan perubahan, dan seseorang dari pengadaan atau bagian hukum. Catat nama mereka semua. Jika setelah pertemuan kedua Anda belum tahu siapa pembeli ekonominya, sampaikan hal itu dalam rapat forecast.`,
	(t) =>
		`Demo yang disesuaikan menunjukkan proses pelanggan sendiri, bukan daftar fitur kita. Sebelum demo, kirimkan agenda singkat kepada ${t.company} berisi dua atau tiga masalah yang Anda dengar saat discovery dan minta mereka mengonfirmasi urutannya. Gunakan istilah mereka dan berhenti setelah setiap masalah untuk bertanya apakah solusinya cocok untuk tim mereka.`,
	(t) =>
		`Business case mengubah demo menjadi angka. Cukup satu halaman: biaya saat ini, biaya setelah perubahan, upaya satu kali, dan periode pengembalian. Gunakan angka pelanggan sebisa mungkin dan tandai asumsi kita dengan jelas. Business case dengan pengembalian ${t.pct} persen dan asumsi yang jujur lebih baik daripada janji tiga kali lipat yang runtuh saat ditinjau tim keuangan.`,
	(t) =>
		`Harga mengikuti nilai, bukan sebaliknya. Sampaikan harga daftar terlebih dahulu dan jelaskan apa saja yang termasuk. Jika pelanggan meminta diskon di atas ${t.discount} persen, manajer penjualan harus menyetujuinya sebelum Anda menuliskannya, dan persetujuan itu memerlukan alasan dari pelanggan, misalnya masa kontrak yang lebih panjang atau tanda tangan yang lebih cepat.`,
	(t) =>
		`Tinjauan keamanan dan hukum selalu lebih lama dari perkiraan. Kirim paket keamanan standar segera setelah evaluator teknis terlibat, jangan menunggu proposal. Untuk ${t.segment}, sediakan setidaknya ${t.days} hari untuk kuesioner dan perjanjian pemrosesan data, dan tanyakan siapa pemilik setiap dokumen di pihak pelanggan agar tidak tertahan di kotak masuk bersama.`,
	(t) =>
		`Jika pelanggan tidak membalas, jangan kirim pengingat yang sama tiga kali. Kirim satu pesan singkat yang memberi sesuatu yang baru: studi kasus, jawaban atas pertanyaan terbuka, atau usulan tanggal untuk langkah berikutnya. Jika tetap tidak ada jawaban setelah 30 hari, tutup peluang sebagai kalah dengan alasannya dan buat tugas untuk menghubungi ${t.company} lagi kuartal depan.`,
];

/** Eight paragraphs of `bank`, starting and stepping by the guide's number so neighbouring guides differ. */
function proseFor(bank: readonly ((t: GuideTopic) => string)[], t: GuideTopic): string[] {
	const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
	// A step coprime with the bank's size visits eight different paragraphs.
	const steps = [1, 2, 3, 4, 5, 7].filter((s) => gcd(s, bank.length) === 1);
	const step = pick(steps, t.n);
	return Array.from({ length: 8 }, (_, k) => pick(bank, t.n + k * step)(t));
}

/**
 * A 13-node flowchart (two decisions, labelled arrows) whose labels carry the guide's number and company, so no two
 * guides share a diagram; a translation reuses its English guide's fence unchanged.
 */
export function guideFence(index: number): string[] {
	const t = guideTopic(index);
	const c = `${t.company} ${t.n}`;
	return [
		"```mermaid",
		"flowchart LR",
		`  s(["Lead from ${c}"]) --> a["Research ${c} in ${t.segment}"]`,
		`  a --> b["Book discovery call ${t.n}"]`,
		`  b --> c["Map stakeholders at ${c}"]`,
		`  c --> d{"Budget for ${t.seats} seats?"}`,
		`  d -->|"Yes, confirmed"| e["Tailored demo ${t.n}"]`,
		`  d -->|"No budget this year"| l(["Lost ${t.n}"])`,
		`  e --> f["Business case: ${t.pct}% return"]`,
		`  f --> g["Proposal ${t.n} sent"]`,
		`  g --> h{"Discount above ${t.discount}%?"}`,
		`  h -->|"Yes"| i["Manager approval ${t.n}"]`,
		`  h -->|"No"| j["Order form for ${c}"]`,
		"  i --> j",
		`  j -->|"Signed"| w(["Won ${c}"])`,
		`  j -->|"Silent 30 days"| l`,
		"```",
	];
}

const EDIT_MARK = "## Why this play matters";

/**
 * A realistic playbook guide (~600 words of prose, headings, a list, a table, a link) with one ```mermaid fence;
 * `lang: "id"` gives its Indonesian translation with the same fence.
 */
export function guidePage(index: number, lang: "en" | "id" = "en"): string {
	const t = guideTopic(index);
	const en = lang === "en";
	const p = proseFor(en ? PROSE_EN : PROSE_ID, t);
	const title = en ? `${t.play}: ${t.segment} (${t.n})` : `Strategi ${t.segment} (${t.n})`;
	const readLink = en
		? "Read the diagram as described in [how to read a flowchart](/pages/how-to-read-a-flowchart/)."
		: "Baca diagram seperti dijelaskan di [cara membaca flowchart](/id/pages/how-to-read-a-flowchart/).";
	const table = en
		? ["| Stage | Owner | Exit criterion |", "| --- | --- | --- |"]
		: ["| Tahap | Pemilik | Kriteria keluar |", "| --- | --- | --- |"];
	return [
		"---",
		`title: ${quote(title)}`,
		`description: ${quote(en ? `How to run the ${t.play.toLowerCase()} play with ${t.segment}.` : `Cara menjalankan strategi untuk ${t.segment}.`)}`,
		`order: ${200 + index}`,
		"---",
		"",
		en ? EDIT_MARK : "## Mengapa strategi ini penting",
		"",
		p[0],
		"",
		p[1],
		"",
		en ? "## The flow at a glance" : "## Alur singkat",
		"",
		readLink,
		"",
		...guideFence(index),
		"",
		en ? "## Step by step" : "## Langkah demi langkah",
		"",
		p[2],
		"",
		...[0, 1, 2, 3, 4].map((k) => `- ${pick(SENTENCES, t.n + k)}`),
		"",
		p[3],
		"",
		en ? "## Qualification checklist" : "## Daftar periksa kualifikasi",
		"",
		...table,
		`| Discovery | Account executive | ${t.pct}% of the pain quantified |`,
		`| Business case | Account executive | Payback under ${Math.ceil(t.days / 3)} months |`,
		`| Pricing | Sales manager | Discount at most ${t.discount}% |`,
		`| Order form | Sales operations | ${t.seats} seats booked |`,
		"",
		p[4],
		"",
		en ? "## Handling objections" : "## Menangani keberatan",
		"",
		p[5],
		"",
		p[6],
		"",
		en ? "## Hand-off and follow-up" : "## Serah terima dan tindak lanjut",
		"",
		p[7],
		"",
	].join("\n");
}

/** The guide with one sentence added to its prose (not its fence): the "one page's text edit" rebuild. */
export function editGuideProse(page: string, note = "Edited for the rebuild benchmark."): string {
	const at = page.indexOf(`${EDIT_MARK}\n\n`);
	if (at < 0) throw new Error(`not a guidePage(): no "${EDIT_MARK}" heading`);
	const insert = at + EDIT_MARK.length + 2;
	return `${page.slice(0, insert)}${note} ${page.slice(insert)}`;
}
