import { isAbortError, isAPIError, VoxfetchError } from '../errors/classes.ts'
import { assertHeaders } from './headers.ts'
import type { UploadProgress } from '../options/client-options.ts'
import { readBounded } from './bounded-read.ts'
import { connectionFailure } from './connection-failure.ts'
import type { Deadline } from './deadline.ts'
import type { HttpRequest } from './http-request.ts'
import { serverRetryVerdict } from '../errors/retryable.ts'
import { retryDelay } from './retry-delay.ts'
import { transmit } from './transmit.ts'

export interface SendOptions {
  deadline: Deadline
  maxRetries: number
  fetch?: typeof globalThis.fetch | undefined
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined
  /** Builds the typed error for a non-2xx answer; retried only when it is a retryable APIError. */
  toError(response: Response, bodyText: string): Error
}

const MAX_ERROR_BODY_BYTES = 8 * 1024

/**
 * Sends a request until it gets a 2xx answer, retrying network errors, 408, 409, 429 and 5xx
 * (unless the server's `x-should-retry` says otherwise) with backoff (or the server's
 * Retry-After). A user abort or the deadline ends it at once.
 * Resolves with the 2xx response, its body unread.
 */
export async function send(request: HttpRequest, options: SendOptions): Promise<Response> {
  const { deadline } = options
  // Before the network and outside the retry loop: fetch would throw a TypeError for these,
  // which would otherwise pass for a connection failure and be retried.
  assertHeaders(request.headers, 'headers')
  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < options.maxRetries
    let response: Response
    try {
      response = await transmit(request, {
        signal: deadline.signal,
        fetch: options.fetch,
        onUploadProgress: options.onUploadProgress,
        attempt: attempt + 1,
      })
    } catch (error) {
      if (deadline.signal.aborted) throw deadline.abortError()
      if (isAbortError(error) || error instanceof VoxfetchError) throw error
      const delay = retryDelay(attempt, undefined, Date.now(), Math.random())
      if (!canRetry || delay >= deadline.remaining()) {
        throw connectionFailure(error, request.url)
      }
      await deadline.sleep(delay)
      continue
    }
    if (response.ok) return response
    // The body decides too: a proxy's file-size refusal comes as a 500 and must not be resent.
    const failure = options.toError(response, await readErrorBody(response, deadline))
    // `x-should-retry` overrules both the status and the body, as in openai-node.
    const retryable = serverRetryVerdict(response.headers) ?? (isAPIError(failure) && failure.retryable)
    const delay = retryDelay(attempt, response.headers, Date.now(), Math.random())
    if (canRetry && retryable && delay < deadline.remaining()) {
      await deadline.sleep(delay)
      continue
    }
    throw failure
  }
}

/**
 * The start of an error body, 8 KiB at most (the rest cancelled unread). It is cut to 2,000
 * characters only once the secrets are out of it (`toError`): a key across the cut would
 * otherwise survive all but its last characters.
 */
async function readErrorBody(response: Response, deadline: Deadline): Promise<string> {
  try {
    return (await readBounded(response, MAX_ERROR_BODY_BYTES)).text
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.abortError()
    return ''
  }
}
