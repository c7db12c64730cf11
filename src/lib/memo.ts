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
