import { parseRetryAfter } from '../transport/retry-after.ts'

const RETRY_STATUSES = new Set([408, 409, 429])
const INITIAL_DELAY_MS = 500
const MAX_DELAY_MS = 8_000

export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status) || status >= 500
}

/**
 * The server's own word on retrying, which comes before any status rule (openai/openai-node
 * src/client.ts `shouldRetry`): `x-should-retry: true` or `false`; undefined when it said neither.
 */
export function serverRetryVerdict(headers: Headers | undefined): boolean | undefined {
  const value = headers?.get('x-should-retry')
  return value === 'true' ? true : value === 'false' ? false : undefined
}

/** Whether an answer with this status and these headers may be sent again. */
export function shouldRetry(status: number, headers?: Headers): boolean {
  return serverRetryVerdict(headers) ?? isRetryableStatus(status)
}

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
