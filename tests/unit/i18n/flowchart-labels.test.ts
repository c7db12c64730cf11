import { describe, expect, it } from "vitest";
import { FlowchartLabelsSchema, translateFlowchart } from "../../../src/lib/i18n/flowchart-labels.ts";
import { FlowchartSchema } from "../../../src/lib/schema/flowchart.ts";

const english = FlowchartSchema.parse({
	title: "B2B",
	summary: "How a lead becomes a customer.",
	roles: { ae: "Account executive", ops: { name: "Sales operations", email: "ops@example.com" } },
	steps: [
		{ id: "lead", type: "start", label: "Lead", next: "qualified" },
		{
			id: "qualified",
			type: "decision",
			label: "Qualified?",
			description: "BANT check.",
			tasks: ["Call", "Log"],
			responsible: "ae",
			next: [
				{ to: "won", when: "Yes" },
				{ to: "lost", when: "No" },
			],
		},
		{ id: "won", type: "end", label: "Won" },
		{ id: "lost", type: "end", label: "Lost" },
	],
});

describe("translateFlowchart", () => {
	it("replaces text only, keeps structure, and lists what fell back to English", () => {
		const labels = FlowchartLabelsSchema.parse({
			title: "B2B (ID)",
			roles: { ae: "Eksekutif akun" },
			steps: {
				qualified: { label: "Lolos kualifikasi?", tasks: ["Telepon"], when: { won: "Ya" } },
				won: { label: "Menang" },
			},
		});
		const { data, missing } = translateFlowchart(english, labels);
		expect(data.title).toBe("B2B (ID)");
		expect(data.roles).toEqual({
			ae: "Eksekutif akun",
			ops: { name: "Sales operations", email: "ops@example.com" },
		});
		const qualified = data.steps[1];
		expect(qualified?.label).toBe("Lolos kualifikasi?");
		expect(qualified?.tasks).toEqual(["Telepon", "Log"]);
		expect(qualified?.next).toEqual([
			{ to: "won", when: "Ya" },
			{ to: "lost", when: "No" },
		]);
		expect(qualified?.responsible).toBe("ae");
		expect(data.steps.map((s) => s.id)).toEqual(["lead", "qualified", "won", "lost"]);
		expect(missing).toEqual([
			"roles.ops",
			"steps.lead.label",
			"steps.qualified.when.lost",
			"steps.qualified.description",
			"steps.qualified.tasks.1",
			"steps.lost.label",
			"summary",
		]);
	});

	it("translates role descriptions and automations, keeping e-mail and system names", () => {
		const withDetails = FlowchartSchema.parse({
			title: "T",
			roles: { ops: { name: "Sales operations", description: "Keeps the CRM tidy.", email: "ops@example.com" } },
			steps: [
				{
					id: "a",
					type: "start",
					label: "A",
					automations: [{ trigger: "No reply", action: "Send follow-up", system: "CRM" }],
					next: "b",
				},
				{ id: "b", type: "end", label: "B" },
			],
		});
		const { data, missing } = translateFlowchart(
			withDetails,
			FlowchartLabelsSchema.parse({
				roles: { ops: { name: "Operasional penjualan", description: "Menjaga CRM tetap rapi." } },
				steps: { a: { automations: [{ trigger: "Tidak ada balasan" }] } },
			}),
		);
		expect(data.roles.ops).toEqual({
			name: "Operasional penjualan",
			description: "Menjaga CRM tetap rapi.",
			email: "ops@example.com",
		});
		expect(data.steps[0]?.automations).toEqual([
			{ trigger: "Tidak ada balasan", action: "Send follow-up", system: "CRM" },
		]);
		expect(missing).toContain("steps.a.automations.0.action");
		expect(missing).not.toContain("roles.ops.description");
	});

	it("falls back to English everywhere without a label file", () => {
		const { data, missing } = translateFlowchart(english, undefined);
		expect(data).toEqual(english);
		expect(missing).toContain("title");
	});

	it("treats blank translations as missing", () => {
		const { data, missing } = translateFlowchart(english, { title: "  " });
		expect(data.title).toBe("B2B");
		expect(missing).toContain("title");
	});
});
