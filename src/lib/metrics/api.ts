/**
 * `/api/flowcharts/<id>.json`: the process and its computed metrics for CRM and reporting tools.
 * Keys are written in a fixed order (objects are built field by field) so the file diffs cleanly.
 *
 * Shape (schemaVersion 1):
 * {
 *   schemaVersion: 1, id, title, summary?, owner?, file,
 *   roles: { <id>: { name, description?, email? } },
 *   steps: [{ id, type, label, outcome?, description?, responsible?, accountable?, consulted, informed,
 *             tasks, entry?, exit?, targets: { conversion?, maxDays? }, automations, next: [{ to, when? }] }],
 *   metrics: null | {
 *     periodKind, periods, exportDate, firstEvent, lastEvent, currency?, deals, events,
 *     headline: { openDeals, won, lost, winRate, avgDealValue, cycleDays, velocityPerDay, velocityPer30Days },
 *     headlineByPeriod: [{ period, ...same figures }],
 *     steps: [{ id, open, stalled, overall: StepPeriod, periods: [StepPeriod] }],
 *     edges: [{ key, from, to, when?, overall: Figure, periods: [Figure] }],
 *     bottlenecks: [{ step, kinds, impact, notMovedOn, stalled, reasons }],
 *     dataQuality: { rows, used, files, issues: [{ code, reason, count, file, line, action, message }], ignored },
 *     conformance: { formula, deals, conforming, rate, logFitness, shortestRun, periodKind, periods,
 *                    variantCount, variants (top 100), deviations, allowed, deadArrows, owners? }
 *   }
 * }
 * Figure = { value, numerator?, denominator, unit, display, formula }; shares are fractions (0.4 = 40%).
 */
import { conformanceJson } from "../conformance/index.ts";
import type { LoadedFlowchart } from "../schema/flowchart.ts";
import { transitionsOf } from "../schema/flowchart.ts";
import type { StepPeriodMetrics } from "./compute.ts";
import type { Figure } from "./figure.ts";
import type { MetricsReport } from "./index.ts";
import { describeIssue } from "./ingest.ts";

export const API_SCHEMA_VERSION = 1;

function figure(f: Figure | null): unknown {
	if (f === null) return null;
	return {
		value: f.value,
		...(f.numerator !== undefined ? { numerator: f.numerator } : {}),
		denominator: f.denominator,
		unit: f.unit,
		display: f.display,
		formula: f.formula,
	};
}

function stepPeriod(p: StepPeriodMetrics): unknown {
	return {
		period: p.period,
		deals: p.deals,
		entries: p.entries,
		reEntries: p.reEntries,
		left: p.left,
		stillIn: p.stillIn,
		movedOn: p.movedOn,
		lost: p.lost,
		skipped: p.skipped,
		other: p.other,
		conversion: figure(p.conversion),
		cumulative: figure(p.cumulative),
		medianDays: figure(p.medianDays),
		p90Days: figure(p.p90Days),
	};
}

/** The API document for one flowchart; `report` undefined gives `metrics: null`. */
export function flowchartApiJson(fc: LoadedFlowchart, report: MetricsReport | undefined): Record<string, unknown> {
	const d = fc.data;
	const roles: Record<string, unknown> = {};
	for (const [id, r] of Object.entries(d.roles).sort(([a], [b]) => a.localeCompare(b))) {
		roles[id] =
			typeof r === "string"
				? { name: r }
				: {
						name: r.name,
						...(r.description ? { description: r.description } : {}),
						...(r.email ? { email: r.email } : {}),
					};
	}
	const steps = d.steps.map((s) => ({
		id: s.id,
		type: s.type,
		label: s.label,
		...(s.outcome ? { outcome: s.outcome } : {}),
		...(s.description ? { description: s.description } : {}),
		...(s.responsible ? { responsible: s.responsible } : {}),
		...(s.accountable ? { accountable: s.accountable } : {}),
		consulted: s.consulted ?? [],
		informed: s.informed ?? [],
		tasks: s.tasks ?? [],
		...(s.entry ? { entry: s.entry } : {}),
		...(s.exit ? { exit: s.exit } : {}),
		targets: {
			...(s.metrics?.target_conversion !== undefined ? { conversion: s.metrics.target_conversion } : {}),
			...(s.metrics?.max_days !== undefined ? { maxDays: s.metrics.max_days } : {}),
		},
		automations: (s.automations ?? []).map((a) => ({ trigger: a.trigger, action: a.action, system: a.system })),
		next: transitionsOf(s).map((t) => ({ to: t.to, ...(t.when ? { when: t.when } : {}) })),
	}));
	return {
		schemaVersion: API_SCHEMA_VERSION,
		id: fc.id,
		title: d.title,
		...(d.summary ? { summary: d.summary } : {}),
		...(d.owner ? { owner: d.owner } : {}),
		file: fc.file,
		roles,
		steps,
		metrics: report ? metricsJson(report) : null,
	};
}

function metricsJson(report: MetricsReport): unknown {
	const m = report.metrics;
	const headline = (h: (typeof m)["headline"]) => ({
		period: h.period,
		openDeals: figure(h.openDeals),
		won: figure(h.won),
		lost: figure(h.lost),
		winRate: figure(h.winRate),
		avgDealValue: figure(h.avgDealValue),
		cycleDays: figure(h.cycleDays),
		velocityPerDay: figure(h.velocityPerDay),
		velocityPer30Days: figure(h.velocityPer30Days),
	});
	const q = report.dataQuality;
	return {
		periodKind: m.periodKind,
		periods: m.periods,
		exportDate: m.exportDate,
		firstEvent: m.firstEvent,
		lastEvent: m.lastEvent,
		...(m.currency ? { currency: m.currency } : {}),
		deals: m.deals,
		events: m.events,
		headline: headline(m.headline),
		headlineByPeriod: m.headlineByPeriod.map(headline),
		steps: m.steps.map((s) => ({
			id: s.id,
			open: s.open,
			stalled: figure(s.stalled),
			overall: stepPeriod(s.overall),
			periods: s.periods.map(stepPeriod),
		})),
		edges: m.edges.map((e) => ({
			key: e.key,
			from: e.from,
			to: e.to,
			...(e.when ? { when: e.when } : {}),
			overall: figure(e.overall),
			periods: e.periods.map(figure),
		})),
		bottlenecks: report.bottlenecks.map((b) => ({
			step: b.step,
			kinds: b.kinds,
			impact: b.impact,
			notMovedOn: b.notMovedOn,
			stalled: b.stalled,
			reasons: b.reasons,
		})),
		dataQuality: {
			rows: q.rows,
			used: q.used,
			files: q.files,
			issues: q.issues.map((i) => ({
				code: i.code,
				reason: i.reason,
				count: i.count,
				file: i.file,
				line: i.line,
				action: i.action,
				message: describeIssue(i),
			})),
			ignored: q.ignored.map((i) => ({ stage: i.stage, count: i.count })),
		},
		conformance: conformanceJson(report.conformance),
	};
}
