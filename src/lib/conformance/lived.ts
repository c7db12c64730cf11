/**
 * The "as lived" diagram: the documented flowchart with the moves deals really made drawn on it.
 * Moves without an arrow (forwards or back, accepted by the allowlist or not) become dashed arrows
 * labelled with their share of deals; documented arrows nobody took are faded. The same facts come back
 * as rows for the text alternative next to the diagram.
 */
import { type Lang, t } from "../../i18n/ui.ts";
import { formatter } from "../i18n/format.ts";
import type { MermaidAnnotations } from "../mermaid/compile.ts";
import type { ConformanceReport, DeviationReport } from "./analyse.ts";

export interface LivedArrow {
	from: string;
	to: string;
	/** `undocumented` / `backwards`: deals moved without an arrow; `dead`: a documented arrow nobody took. */
	kind: "undocumented" | "backwards" | "dead";
	/** Deals that made the move and their share of all deals (0 for a dead arrow). */
	deals: number;
	share: number;
	/** The allowlist's reason when the team accepts the move. */
	reason?: string;
	/** The condition written on a dead arrow. */
	when?: string;
}

const moveKinds: Partial<Record<DeviationReport["kind"], LivedArrow["kind"]>> = {
	"undocumented-transition": "undocumented",
	"backwards-move": "backwards",
};

/** Drawn moves, most deals first; then dead arrows in the flowchart's order. */
export function livedArrows(report: ConformanceReport): LivedArrow[] {
	const moves = [...report.deviations, ...report.allowed].flatMap((d): LivedArrow[] => {
		const kind = moveKinds[d.kind];
		const [from, to] = d.steps;
		if (!kind || from === undefined || to === undefined) return [];
		return [
			{ from, to, kind, deals: d.deals, share: d.share, ...(d.reason === undefined ? {} : { reason: d.reason }) },
		];
	});
	moves.sort((a, b) => b.deals - a.deals || `${a.from}->${a.to}`.localeCompare(`${b.from}->${b.to}`));
	const dead = report.deadArrows.map(
		(a): LivedArrow => ({
			from: a.from,
			to: a.to,
			kind: "dead",
			deals: 0,
			share: 0,
			...(a.when ? { when: a.when } : {}),
		}),
	);
	return [...moves, ...dead];
}

/**
 * What the Mermaid compiler draws for these arrows. `share` formats a fraction in the page's language;
 * an accepted move's label says so (`accepted` is the page's word for it).
 */
export function livedAnnotations(
	arrows: readonly LivedArrow[],
	share: (fraction: number) => string,
	accepted: string,
): MermaidAnnotations {
	return {
		extraEdges: arrows
			.filter((a) => a.kind !== "dead")
			.map((a) => ({
				from: a.from,
				to: a.to,
				note: a.reason === undefined ? share(a.share) : `${share(a.share)} · ${accepted}`,
			})),
		fadedEdges: arrows.filter((a) => a.kind === "dead").map((a) => `${a.from}->${a.to}`),
	};
}

/** A share of deals in the page's language; one deal in three thousand would round to "0%" ("nobody"): "< 0.1%". */
export function livedShare(lang: Lang): (fraction: number) => string {
	const f = formatter(lang);
	return (x) => (x > 0 && x < 0.0005 ? `< ${f.share(0.001)}` : f.share(x));
}

/** The as-lived diagram's annotations in the page's language. */
export function livedNotes(lang: Lang, report: ConformanceReport): MermaidAnnotations {
	return livedAnnotations(livedArrows(report), livedShare(lang), t(lang, "conformance.lived.accepted"));
}
