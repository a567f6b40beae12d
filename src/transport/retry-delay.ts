const MAX_RETRY_AFTER_MS = 60_000
const INITIAL_DELAY_MS = 500
const MAX_DELAY_MS = 8_000

/**
 * Milliseconds to wait before retry number `retry` (0-based): the server's Retry-After when it
 * gave one, else 0.5 s × 2^retry capped at 8 s, minus up to 25 % jitter.
 */
export function retryDelay(retry: number, headers: Headers | undefined, now: number, random: number): number {
  const requested = headers && parseRetryAfter(headers, now)
  if (requested !== undefined) return requested
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS)
  return backoff * (1 - 0.25 * random)
}

/**
 * The wait a server asked for, in ms: `retry-after-ms`, then `retry-after` as seconds or as an
 * HTTP date. `undefined` when absent, unparsable, or longer than a minute (then our own backoff
 * applies rather than stalling the caller).
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '')
  if (Number.isFinite(milliseconds)) return withinCap(milliseconds)
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return withinCap(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : withinCap(Math.max(0, date - now))
}

function withinCap(milliseconds: number): number | undefined {
  return milliseconds >= 0 && milliseconds <= MAX_RETRY_AFTER_MS ? milliseconds : undefined
}
