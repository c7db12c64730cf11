/** Where in a source file a problem is: the vocabulary shared by the loader, which finds positions, and the checks, which report them. */

/** A path into the parsed data, as Zod reports it: `["steps", 3, "next", 0, "to"]`. */
export type DataPath = readonly PropertyKey[];

export interface SourcePosition {
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
}

/**
 * Finds where a data path was written. `"key"` points at the mapping key (for unknown keys),
 * `"value"` at the value. A path that does not exist falls back to its nearest existing ancestor.
 */
export type Locator = (path: DataPath, target?: "key" | "value") => SourcePosition | undefined;
