/**
 * The `flowbook:` BPMN extension: a moddle package descriptor for the facts BPMN has no element for
 * (RACI, targets, automations, tasks, entry/exit criteria, outcomes, role details), so an exported
 * file comes back into Flowbook without loss while other tools simply ignore it.
 */
export const FLOWBOOK_BPMN_URI = "https://flowbook.dev/schema/bpmn";

const element = (name: string, properties: object[]) => ({
	name,
	superClass: ["Element"],
	meta: { allowedIn: ["*"] },
	properties,
});
const attr = (name: string, type = "String") => ({ name, isAttr: true, type });
const many = (name: string, type: string) => ({ name, type, isMany: true });
const body = { name: "text", isBody: true, type: "String" };

export const flowbookDescriptor = {
	name: "Flowbook",
	uri: FLOWBOOK_BPMN_URI,
	prefix: "flowbook",
	xml: { tagAlias: "lowerCase" },
	associations: [],
	types: [
		element("Flowchart", [
			attr("flowchartId"),
			attr("title"),
			attr("owner"),
			attr("direction"),
			attr("order", "Real"),
			many("roles", "Role"),
			{ name: "extra", type: "Extra" },
		]),
		element("Role", [attr("roleId"), attr("name"), attr("email"), attr("short", "Boolean"), body]),
		element("Extra", [body]),
		element("Step", [
			attr("stepId"),
			attr("type"),
			attr("outcome"),
			attr("responsible"),
			attr("accountable"),
			attr("consulted"),
			attr("informed"),
			attr("targetConversion"),
			attr("maxDays", "Real"),
			many("tasks", "Task"),
			{ name: "entry", type: "Entry" },
			{ name: "exit", type: "Exit" },
			many("automations", "Automation"),
		]),
		element("Task", [body]),
		element("Entry", [body]),
		element("Exit", [body]),
		element("Automation", [attr("trigger"), attr("action"), attr("system")]),
		// Marks nodes the export adds only to satisfy BPMN (a join before a decision, a start before an
		// unreached step); the import removes them again.
		{ name: "Synthetic", extends: ["bpmn:FlowNode"], properties: [attr("synthetic", "Boolean")] },
	],
};
