import type { APIError } from '../errors/classes.ts'
import type { Deadline } from '../transport/deadline.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'

/**
 * A `text/event-stream` answer to a call that did not ask to stream is never read as the
 * transcript (its `data:` lines would come out as the text). Returns the error to throw, after
 * cancelling the body and releasing the deadline; undefined for any other answer. Streaming
 * calls skip this check.
 */
export async function refuseEventStream(response: Response, deadline: Deadline, provider: string): Promise<APIError | undefined> {
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'text/event-stream') return undefined
  await response.body?.cancel().catch(() => {})
  deadline.dispose()
  return unexpectedAnswer(
    provider,
    'server-sent events (text/event-stream) to a call that did not ask to stream (stream: true in extraBody?)',
    undefined,
    response,
  )
}
