import type { APIError } from '../errors/classes.ts'
import type { ServerSentEvent } from './sse.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'

/**
 * The JSON object one server-sent event carries. An event that is not a JSON object, or that
 * reports an error (`{ type: 'error' }` or an `error` member, as OpenAI and Google stream errors),
 * becomes an `APIError`; `undefined` for a `[DONE]` marker.
 */
export function eventPayload(
  event: ServerSentEvent,
  provider: string,
  response: { status: number; headers: Headers },
): Record<string, unknown> | undefined {
  if (event.data === '[DONE]') return undefined
  let payload: unknown
  try {
    payload = JSON.parse(event.data)
  } catch {
    throw unexpectedAnswer(provider, 'an event of the stream is not valid JSON', event.data, response)
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw unexpectedAnswer(provider, 'an event of the stream is not a JSON object', event.data, response)
  }
  const record = payload as Record<string, unknown>
  if (record.type === 'error' || event.type === 'error' || (typeof record.error === 'object' && record.error !== null)) {
    throw streamError(provider, record, response)
  }
  return record
}

function streamError(provider: string, payload: Record<string, unknown>, response: { status: number; headers: Headers }): APIError {
  const detail = (typeof payload.error === 'object' && payload.error !== null ? payload.error : payload) as { message?: unknown }
  const message = typeof detail.message === 'string' ? detail.message : 'no message'
  return unexpectedAnswer(provider, `the stream reported an error: ${message}`, payload, response)
}
