// biome-ignore-all lint/style/noNonNullAssertion: indices are in range by construction (n > 0, lo ≤ hi < n).
/** The one quantile definition that metrics and conformance share, so their medians agree. */

/** Of an ascending sample; linear interpolation between ranks (Excel PERCENTILE.INC). Null for an empty sample. */
export function quantile(sorted: Float32Array | Float64Array | number[], q: number): number | null {
	const n = sorted.length;
	if (n === 0) return null;
	const pos = (n - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
