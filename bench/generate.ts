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

const PARAGRAPH =
	"Every deal in this playbook moves through the same stages. Read the flowchart from left to right: each arrow is labelled with the **condition** that moves the deal on, and each lane shows who does the work. See [how to read a flowchart](/pages/how-to-read-a-flowchart/) for the symbols.";

/** An MDX page; every `fenceEvery`-th page carries a small ```mermaid fence (0: none). */
export function mdxPage(index: number, fenceEvery: number): string {
	const fence =
		fenceEvery > 0 && index % fenceEvery === 0
			? [
					"```mermaid",
					"flowchart LR",
					`  a${index}[Negotiation ${index}] -->|"Order form sent"| b${index}{Contract signed?}`,
					`  b${index} -->|"Yes"| c${index}[Handover to CS]`,
					`  b${index} -->|"No: declined or 30 days"| d${index}([Lost])`,
					"```",
					"",
				]
			: [];
	return [
		"---",
		`title: ${quote(`Benchmark page ${index + 1}`)}`,
		`description: ${quote("A synthetic playbook page for the build benchmark.")}`,
		`order: ${200 + index}`,
		"---",
		"",
		`## Why this stage matters ${index + 1}`,
		"",
		PARAGRAPH,
		"",
		...fence,
		"| Stage | Owner | Exit criterion |",
		"| --- | --- | --- |",
		"| Discovery | Account executive | Pain and budget confirmed |",
		"| Proposal | Account executive | Customer reviewed the proposal |",
		"",
		"## Tips",
		"",
		...SENTENCES.map((s) => `- ${s}`),
		"",
		PARAGRAPH,
		"",
	].join("\n");
}
