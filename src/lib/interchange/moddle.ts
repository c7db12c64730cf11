/** One place that creates the BPMN model factory with Flowbook's extension known to it. */
import { BpmnModdle } from "bpmn-moddle";
import { flowbookDescriptor } from "./flowbook-moddle.ts";

/** A moddle element: typed loosely because bpmn-moddle ships no TypeScript types. */
// biome-ignore lint/suspicious/noExplicitAny: bpmn-moddle elements are dynamic objects
export type ModdleElement = any;

export function createModdle(): BpmnModdle {
	return new BpmnModdle({ flowbook: flowbookDescriptor });
}
