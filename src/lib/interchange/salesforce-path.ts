/**
 * Salesforce Path (`PathAssistant` metadata, Metadata API v34+): the playbook's guidance on each
 * opportunity stage, so reps see "what to do, done when" inside the deal record. Output is a deployable
 * folder: `package.xml` plus `pathAssistants/<fullName>.pathAssistant`. Pure.
 */
import { type Lang, t } from "../../i18n/ui.ts";
import { renderInlineMarkdown } from "../markdown/inline.ts";
import type { LoadedFlowchart, Step } from "../schema/flowchart.ts";
import type { CrmStage } from "./crm-stages.ts";

export const SALESFORCE_API_VERSION = "62.0";
const NS = "http://soap.sforce.com/2006/04/metadata";

export interface SalesforcePath {
	fullName: string;
	/** Relative path → file text. */
	files: Record<string, string>;
}

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/** A developer name: letters, digits and single underscores, starting with a letter, at most 40 characters. */
export function developerName(text: string): string {
	const name = text
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.replace(/[^A-Za-z0-9]+/g, "_")
		.replace(/^[^A-Za-z]+/, "")
		.slice(0, 40)
		.replace(/_+$/, "");
	return name || "Flowbook_Path";
}

/** Guidance for Success: the step's description, its exit criteria and its tasks, as the rich text Path shows. */
export function guidanceHtml(step: Step, lang: Lang = "en"): string {
	const parts: string[] = [];
	if (step.description) parts.push(`<p>${renderInlineMarkdown(step.description)}</p>`);
	if (step.exit) parts.push(`<p><b>${escapeXml(t(lang, "fc.exit"))}:</b> ${renderInlineMarkdown(step.exit)}</p>`);
	if (step.tasks?.length) {
		const items = step.tasks.map((task) => `<li>${renderInlineMarkdown(task)}</li>`).join("");
		parts.push(`<p><b>${escapeXml(t(lang, "fc.tasks"))}</b></p><ul>${items}</ul>`);
	}
	return parts.join("");
}

function stepXml(stage: CrmStage, keyFields: readonly string[], lang: Lang): string {
	const lines = ["    <pathAssistantSteps>"];
	for (const field of keyFields) lines.push(`        <fieldNames>${escapeXml(field)}</fieldNames>`);
	const info = guidanceHtml(stage.step, lang);
	if (info) lines.push(`        <info>${escapeXml(info)}</info>`);
	lines.push(`        <picklistValueName>${escapeXml(stage.name)}</picklistValueName>`, "    </pathAssistantSteps>");
	return lines.join("\n");
}

export function salesforcePath(fc: LoadedFlowchart, stages: readonly CrmStage[], lang: Lang = "en"): SalesforcePath {
	const label = fc.data.crm?.name ?? fc.data.title;
	const fullName = developerName(label);
	const keyFields = fc.data.crm?.key_fields ?? {};
	const steps = stages.map((stage) => stepXml(stage, keyFields[stage.step.id] ?? [], lang));
	const path = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<PathAssistant xmlns="${NS}">`,
		`    <fullName>${escapeXml(fullName)}</fullName>`,
		"    <active>true</active>",
		"    <entityName>Opportunity</entityName>",
		"    <fieldName>StageName</fieldName>",
		`    <masterLabel>${escapeXml(label)}</masterLabel>`,
		...steps,
		`    <recordTypeName>${escapeXml(fc.data.crm?.record_type ?? "__MASTER__")}</recordTypeName>`,
		"</PathAssistant>",
		"",
	].join("\n");
	const manifest = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<Package xmlns="${NS}">`,
		"    <types>",
		`        <members>${escapeXml(fullName)}</members>`,
		"        <name>PathAssistant</name>",
		"    </types>",
		`    <version>${SALESFORCE_API_VERSION}</version>`,
		"</Package>",
		"",
	].join("\n");
	return { fullName, files: { "package.xml": manifest, [`pathAssistants/${fullName}.pathAssistant`]: path } };
}
