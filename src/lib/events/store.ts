// biome-ignore-all lint/style/noNonNullAssertion: hot loops over typed arrays and indices that are in range by construction; checks would cost per row.
/**
 * Stage-change events in compact columnar form. A million-row export becomes a few typed arrays
 * (about 30 bytes a row) instead of a million objects, which is what keeps ingest under 300 MB.
 */

/** One CRM row after mapping: a deal entering a flowchart step. */
export interface StageEvent {
	/** CRM deal id. */
	deal: string;
	/** Flowchart step id. */
	step: string;
	/** Milliseconds since the epoch (UTC). */
	at: number;
	/** Deal amount on this row; undefined when the cell was empty or unusable. */
	amount?: number;
	owner?: string;
	/** Project-relative CSV path and 1-based line, for reports. */
	file: string;
	line: number;
}

/** Growable columns; rows are appended in input order. */
export class EventColumns {
	size = 0;
	deal: Int32Array;
	step: Int16Array;
	at: Float64Array;
	amount: Float64Array;
	owner: Int32Array;
	file: Int16Array;
	line: Int32Array;

	/** `capacity`: expected rows; a good guess avoids copying a million rows while growing. */
	constructor(capacity = 1024) {
		const n = Math.max(16, Math.ceil(capacity));
		this.deal = new Int32Array(n);
		this.step = new Int16Array(n);
		this.at = new Float64Array(n);
		this.amount = new Float64Array(n);
		this.owner = new Int32Array(n);
		this.file = new Int16Array(n);
		this.line = new Int32Array(n);
	}

	push(deal: number, step: number, at: number, amount: number, owner: number, file: number, line: number): void {
		if (this.size === this.deal.length) this.grow();
		const i = this.size++;
		this.deal[i] = deal;
		this.step[i] = step;
		this.at[i] = at;
		this.amount[i] = amount;
		this.owner[i] = owner;
		this.file[i] = file;
		this.line[i] = line;
	}

	private grow(): void {
		// 1.5× keeps the copy spike small at a million rows.
		const n = Math.ceil(this.deal.length * 1.5);
		const g = <T extends Int32Array | Int16Array | Float64Array>(a: T, make: (n: number) => T): T => {
			const b = make(n);
			b.set(a);
			return b;
		};
		this.deal = g(this.deal, (k) => new Int32Array(k));
		this.step = g(this.step, (k) => new Int16Array(k));
		this.at = g(this.at, (k) => new Float64Array(k));
		this.amount = g(this.amount, (k) => new Float64Array(k));
		this.owner = g(this.owner, (k) => new Int32Array(k));
		this.file = g(this.file, (k) => new Int16Array(k));
		this.line = g(this.line, (k) => new Int32Array(k));
	}
}

/**
 * Events grouped by deal and sorted by time: deal `d`'s rows are `order[offsets[d]] .. order[offsets[d + 1] - 1]`.
 * Duplicates are already removed. Step numbers index `stepIds` (the flowchart's steps in reading order).
 */
export interface EventStore {
	columns: EventColumns;
	order: Int32Array;
	offsets: Int32Array;
	dealIds: string[];
	owners: string[];
	files: string[];
	stepIds: string[];
	/** Earliest and latest event time (ms), NaN when empty. */
	minAt: number;
	maxAt: number;
}

/** Result of grouping: the store plus the rows dropped as duplicates. */
export interface GroupResult {
	store: EventStore;
	/** Row indices (into columns) of dropped duplicates, each with the row it repeats. */
	duplicates: { row: number; of: number }[];
}

/**
 * Groups rows by deal (counting sort) and orders each deal's rows by time; rows with equal times keep
 * their input order. A row with the same deal, step and time as an earlier one is a duplicate and dropped.
 */
export function groupByDeal(
	columns: EventColumns,
	dealIds: string[],
	owners: string[],
	files: string[],
	stepIds: string[],
): GroupResult {
	const n = columns.size;
	const nDeals = dealIds.length;
	const offsets = new Int32Array(nDeals + 1);
	for (let i = 0; i < n; i++) offsets[columns.deal[i]! + 1]!++;
	for (let d = 0; d < nDeals; d++) offsets[d + 1]! += offsets[d]!;
	const cursor = offsets.slice(0, nDeals);
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[cursor[columns.deal[i]!]!++] = i;
	const at = columns.at;
	const step = columns.step;
	const duplicates: { row: number; of: number }[] = [];
	let write = 0;
	let minAt = Number.POSITIVE_INFINITY;
	let maxAt = Number.NEGATIVE_INFINITY;
	const newOffsets = new Int32Array(nDeals + 1);
	for (let d = 0; d < nDeals; d++) {
		const lo = offsets[d]!;
		const hi = offsets[d + 1]!;
		// Insertion sort: exports are nearly sorted, so this is linear in practice and stable.
		for (let i = lo + 1; i < hi; i++) {
			const r = order[i]!;
			const t = at[r]!;
			let j = i - 1;
			while (j >= lo && at[order[j]!]! > t) {
				order[j + 1] = order[j]!;
				j--;
			}
			order[j + 1] = r;
		}
		newOffsets[d] = write;
		for (let i = lo; i < hi; i++) {
			const r = order[i]!;
			let dup = -1;
			for (let j = write - 1; j >= newOffsets[d]! && at[order[j]!] === at[r]; j--) {
				if (step[order[j]!] === step[r]) {
					dup = order[j]!;
					break;
				}
			}
			if (dup >= 0) {
				duplicates.push({ row: r, of: dup });
				continue;
			}
			order[write++] = r;
			if (at[r]! < minAt) minAt = at[r]!;
			if (at[r]! > maxAt) maxAt = at[r]!;
		}
	}
	newOffsets[nDeals] = write;
	return {
		store: {
			columns,
			order: order.subarray(0, write),
			offsets: newOffsets,
			dealIds,
			owners,
			files,
			stepIds,
			minAt: write ? minAt : Number.NaN,
			maxAt: write ? maxAt : Number.NaN,
		},
		duplicates,
	};
}

/**
 * Builds a store from plain events (tests, or callers with their own source). Unknown step ids throw:
 * this is a programming interface, content goes through `ingest`.
 */
export function storeFromEvents(events: readonly StageEvent[], stepIds: readonly string[]): GroupResult {
	const columns = new EventColumns();
	const dealIndex = new Map<string, number>();
	const ownerIndex = new Map<string, number>();
	const fileIndex = new Map<string, number>();
	const stepIndex = new Map(stepIds.map((s, i) => [s, i]));
	const intern = (m: Map<string, number>, k: string) => {
		let v = m.get(k);
		if (v === undefined) {
			v = m.size;
			m.set(k, v);
		}
		return v;
	};
	for (const e of events) {
		const s = stepIndex.get(e.step);
		if (s === undefined) throw new Error(`Unknown step id '${e.step}'`);
		columns.push(
			intern(dealIndex, e.deal),
			s,
			e.at,
			e.amount ?? Number.NaN,
			e.owner === undefined ? -1 : intern(ownerIndex, e.owner),
			intern(fileIndex, e.file),
			e.line,
		);
	}
	return groupByDeal(columns, [...dealIndex.keys()], [...ownerIndex.keys()], [...fileIndex.keys()], [...stepIds]);
}

/** The store's events as plain objects, grouped by deal and in time order (for tests and debugging). */
export function storeEvents(store: EventStore): StageEvent[] {
	const c = store.columns;
	const out: StageEvent[] = [];
	for (let d = 0; d < store.dealIds.length; d++) {
		for (let i = store.offsets[d]!; i < store.offsets[d + 1]!; i++) {
			const r = store.order[i]!;
			const e: StageEvent = {
				deal: store.dealIds[d]!,
				step: store.stepIds[c.step[r]!]!,
				at: c.at[r]!,
				file: store.files[c.file[r]!]!,
				line: c.line[r]!,
			};
			if (!Number.isNaN(c.amount[r]!)) e.amount = c.amount[r]!;
			if (c.owner[r]! >= 0) e.owner = store.owners[c.owner[r]!]!;
			out.push(e);
		}
	}
	return out;
}
