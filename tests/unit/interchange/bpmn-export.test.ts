import { describe, expect, it } from "vitest";
import { exportBpmn } from "../../../src/lib/interchange/bpmn-export.ts";
import { createModdle } from "../../../src/lib/interchange/moddle.ts";
import { lintBpmn, validFlowcharts } from "./helpers.ts";

const flowcharts = validFlowcharts();
const renewal = flowcharts.find((f) => f.id === "renewal");

describe("BPMN export", () => {
	it("covers the samples and the valid fixtures", () => {
		expect(flowcharts.length).toBeGreaterThan(15);
		expect(renewal).toBeDefined();
	});

	it.each(flowcharts.map((f) => [f.file, f] as const))("%s passes bpmnlint and parses back cleanly", async (_, fc) => {
		const xml = await exportBpmn(fc);
		const { warnings } = await createModdle().fromXML(xml);
		expect(warnings.map((w: { message: string }) => w.message)).toEqual([]);
		expect((await lintBpmn(xml)).errors).toEqual([]);
	});

	it("draws one lane per responsible role, with the role's name", async () => {
		const xml = await exportBpmn(renewal as never);
		const { elementsById } = await createModdle().fromXML(xml);
		expect(elementsById.Lane_cs.name).toBe("Customer success manager");
		expect(elementsById.Lane_ae.flowNodeRef.map((n: { id: string }) => n.id)).toEqual(["expansion-proposal"]);
	});

	it("maps step types to BPMN elements and conditions to named conditional flows", async () => {
		const { elementsById } = await createModdle().fromXML(await exportBpmn(renewal as never));
		expect(elementsById["renewal-due"].$type).toBe("bpmn:StartEvent");
		expect(elementsById.expansion.$type).toBe("bpmn:ExclusiveGateway");
		expect(elementsById["health-check"].$type).toBe("bpmn:Task");
		expect(elementsById.churned.$type).toBe("bpmn:EndEvent");
		const branch = elementsById.expansion.outgoing[0];
		expect(branch.name).toBe("Yes: more seats or products");
		expect(branch.conditionExpression.body).toBe("Yes: more seats or products");
		expect(elementsById["health-check"].documentation[0].text).toMatch(/renewal risk/);
	});

	it("keeps Flowbook-only facts in the flowbook extension", async () => {
		const { elementsById } = await createModdle().fromXML(await exportBpmn(renewal as never));
		const facts = elementsById["health-check"].extensionElements.values[0];
		expect(facts.$type).toBe("flowbook:Step");
		expect(facts).toMatchObject({ accountable: "head", consulted: "ae", targetConversion: "95%", maxDays: 14 });
		expect(facts.tasks).toHaveLength(3);
		expect(facts.automations[1]).toMatchObject({ system: "Customer success platform" });
		expect(facts.exit.text).toMatch(/risk level/);
	});

	it("lays every node and flow out (bounds and waypoints) inside the pool", async () => {
		const { rootElement } = await createModdle().fromXML(await exportBpmn(renewal as never));
		const plane = rootElement.diagrams[0].plane;
		const pool = plane.planeElement.find(
			(e: { bpmnElement: { $type: string } }) => e.bpmnElement.$type === "bpmn:Participant",
		);
		for (const di of plane.planeElement) {
			if (di.$type === "bpmndi:BPMNShape") {
				expect(di.bounds.x).toBeGreaterThanOrEqual(pool.bounds.x);
				expect(di.bounds.y + di.bounds.height).toBeLessThanOrEqual(pool.bounds.y + pool.bounds.height);
			} else expect(di.waypoint.length).toBeGreaterThanOrEqual(2);
		}
		expect(plane.planeElement).toHaveLength(1 + 2 + 8 + 8);
	});

	it("escapes text from content", async () => {
		const nasty = flowcharts.find((f) => f.id === "nasty-labels");
		const xml = await exportBpmn(nasty as never);
		expect(xml).not.toMatch(/<img|<b>/);
		const { warnings } = await createModdle().fromXML(xml);
		expect(warnings).toEqual([]);
	});
});

describe("BPMN export of shapes BPMN forbids", () => {
	const yaml = `title: Loop into a decision
roles:
  ae: Account executive
steps:
  - { id: a, type: start, label: Lead, responsible: ae, next: check }
  - id: check
    type: decision
    label: Ready?
    responsible: ae
    next: [{ to: fix, when: "no" }, { to: won, when: "yes" }]
  - { id: fix, label: Fix, responsible: ae, next: check }
  - { id: won, type: end, label: Won, outcome: won }
  - { id: b, type: start, label: Referral, responsible: ae, next: fix }
`;
	it("adds a marked join before a decision that arrows enter and leave, and conditions on several starts", async () => {
		const { loadFlowchartSource } = await import("../../../src/lib/load/load-flowcharts.ts");
		const fc = loadFlowchartSource("loop.yaml", yaml).flowchart;
		const xml = await exportBpmn(fc as never);
		expect((await lintBpmn(xml)).errors).toEqual([]);
		const { elementsById } = await createModdle().fromXML(xml);
		expect(elementsById.check_join).toMatchObject({ $type: "bpmn:ExclusiveGateway", synthetic: true });
		expect(elementsById.check.incoming.map((f: { sourceRef: { id: string } }) => f.sourceRef.id)).toEqual([
			"check_join",
		]);
		expect(elementsById.a.eventDefinitions[0].$type).toBe("bpmn:ConditionalEventDefinition");
	});
});
