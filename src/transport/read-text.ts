import { ConnectionError, ResponseTooLargeError } from '../errors/classes.ts'
import { readBounded } from './bounded-read.ts'
import type { Deadline } from './deadline.ts'
import { safeCause } from './safe-cause.ts'

/** 128 MiB: a 10-minute Gemini clip is ~38 MB of base64, a long verbose transcript a few MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024

/**
 * Reads a whole answer body under the deadline, which stays armed for what follows. More than
 * `maxBytes` (declared or received) is refused with a `ResponseTooLargeError`, the rest unread.
 */
export async function readAll(response: Response, deadline: Deadline, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<string> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    response.body?.cancel().catch(() => {})
    throw new ResponseTooLargeError(maxBytes)
  }
  let result: { text: string; truncated: boolean }
  try {
    result = await readBounded(response, maxBytes)
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.abortError()
    throw new ConnectionError('The connection closed before the whole answer arrived', { cause: safeCause(error) })
  }
  if (result.truncated) throw new ResponseTooLargeError(maxBytes)
  return result.text
}

/** Reads the call's final answer, then releases the deadline. */
export async function readText(response: Response, deadline: Deadline, maxBytes?: number): Promise<string> {
  try {
    return await readAll(response, deadline, maxBytes)
  } finally {
    deadline.dispose()
  }
}
