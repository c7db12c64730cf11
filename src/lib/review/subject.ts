/** What the review modules work on: a flowchart, or a playbook page that opted in to reviews. */
import { type LoadedFlowchart, roleName } from "../schema/flowchart.ts";

export interface ReviewLogEntry {
	date: string | Date;
	by: string;
	summary: string;
	answers?: { goals?: string; market?: string; tools?: string; feedback?: string };
}

export interface ReviewBlock {
	every?: string;
	log?: readonly ReviewLogEntry[];
}

/** A page passes its own fields; `owner` is a display name or role id, as the page declares it. */
export interface ReviewPage {
	id: string;
	title: string;
	file: string;
	owner?: string;
	review?: ReviewBlock;
}

export interface ReviewSubject {
	kind: "flowchart" | "page";
	id: string;
	title: string;
	file: string;
	/** Role id (flowcharts) or whatever the page declared. */
	owner?: string;
	/** Display name of the owner: the role's name for flowcharts. */
	ownerName?: string;
	review?: ReviewBlock;
}

export function flowchartSubject(fc: LoadedFlowchart): ReviewSubject {
	const owner = fc.data.owner;
	return {
		kind: "flowchart",
		id: fc.id,
		title: fc.data.title,
		file: fc.file,
		owner,
		ownerName: owner === undefined ? undefined : roleName(fc.data.roles[owner], owner),
		review: fc.data.review,
	};
}

export function pageSubject(page: ReviewPage): ReviewSubject {
	return { kind: "page", ...page, ownerName: page.owner };
}
