/**
 * Caps for the emulator's growing state, so `npm start` can run for days: the request log keeps
 * the newest entries, and the per-scenario and per-token tables forget their oldest keys.
 */
export const DEFAULT_REQUEST_LOG_LIMIT = 1000
export const TABLE_LIMIT = 10_000

/** Drops the oldest entries of `log` past `limit` (in place: `emulator.requests` is this array). */
export function trimLog<T>(log: T[], limit: number): void {
  if (log.length > limit) log.splice(0, log.length - limit)
}

/** Forgets the oldest keys (insertion order) of a Map or Set past `limit`. */
export function trimTable(table: Map<unknown, unknown> | Set<unknown>, limit = TABLE_LIMIT): void {
  for (const key of table.keys()) {
    if (table.size <= limit) return
    table.delete(key)
  }
}
