/** Page size of `findIter` and of cache-only population chunks when none is given. */
export const DEFAULT_QUERY_BATCH = 40;
/** Seconds a record stays fresh after the server last sent it. */
export const DEFAULT_TTL = 1800;
/** Most entities `find` returns; above it `find` throws `FindLimitError` (exactly 1000 is allowed). */
export const FIND_LIMIT = 1000;
/**
 * Rows of the first page `find` asks when it does not know the count yet: a list of at most this
 * many is complete in one request, and one above `FIND_LIMIT` is refused having fetched only these.
 */
export const FIND_COUNT_PROBE = DEFAULT_QUERY_BATCH;
