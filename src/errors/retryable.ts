const RETRY_STATUSES = new Set([408, 409, 429])

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
