// bpmn-moddle 10 ships element types only (under "bpmn-moddle/types"), not its BpmnModdle class: declared here.
declare module "bpmn-moddle" {
	export class BpmnModdle {
		constructor(packages?: Record<string, object>);
		// biome-ignore lint/suspicious/noExplicitAny: moddle elements are dynamic objects
		create(type: string, attrs?: object): any;
		toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
		fromXML(
			xml: string,
			typeName?: string,
		): Promise<{
			// biome-ignore lint/suspicious/noExplicitAny: moddle elements are dynamic objects
			rootElement: any;
			warnings: { message: string; element?: unknown }[];
			// biome-ignore lint/suspicious/noExplicitAny: moddle elements are dynamic objects
			elementsById: Record<string, any>;
		}>;
	}
}
