/**
 * A memo of a pure function of one string, bounded so a long-lived process (the dev server) cannot grow it
 * without end: past `limit` entries it starts again empty, which costs a recomputation and nothing else.
 */
export function stringMemo<T>(limit: number): (key: string, compute: () => T) => T {
	const values = new Map<string, T>();
	return (key, compute) => {
		if (values.has(key)) return values.get(key) as T;
		const value = compute();
		if (values.size >= limit) values.clear();
		values.set(key, value);
		return value;
	};
}

/**
 * A memo per slot (e.g. a language) of a value derived from other values: computed again only when one of its
 * inputs is not the same object as last time. The site's content lists stay the same arrays until the content
 * changes (src/site/data.ts), so a value built from them per page is built once per build, and again in dev after
 * an edit.
 */
export function inputsMemo<S, T>(): (slot: S, inputs: readonly unknown[], compute: () => T) => T {
	const slots = new Map<S, { inputs: readonly unknown[]; value: T }>();
	return (slot, inputs, compute) => {
		const hit = slots.get(slot);
		if (hit && hit.inputs.length === inputs.length && hit.inputs.every((input, i) => input === inputs[i]))
			return hit.value;
		const value = compute();
		slots.set(slot, { inputs, value });
		return value;
	};
}
