/** Moved to `src/lib/text/suggest.ts` (used by schema, load and metrics too); kept so branches written before the move still build. */
export { closest, didYouMean, listOf } from "../text/suggest.ts";
