import { essence } from '../audio/media-type.ts'
import { ConnectionError, ResponseTooLargeError } from '../errors/classes.ts'
import { exchange } from '../pipeline/call.ts'
import type { ClientOptions } from '../options/client-options.ts'
import { openBody } from '../transport/body-stream.ts'
import { eventPayload } from '../transport/event-payload.ts'
import { DEFAULT_MAX_RESPONSE_BYTES, readText } from '../transport/read-text.ts'
import { eventStreamReader, type EventStreamReader } from '../transport/sse.ts'
import { requestIdOf } from '../util/request-id.ts'
import { prepareTranscription, toTranscription } from './create.ts'
import type { TranscriptionParams } from './params.ts'
import type { Transcription, TranscriptionLogprob } from './result.ts'
import { EventLog, type TranscriptionAnswer, type TranscriptionStream, type TranscriptionStreamEvent } from './stream.ts'

/**
 * Audio → text as a stream (`stream: true` on the wire). Resolves once the server has answered
 * with a 2xx status; bad input, routing and HTTP errors reject here, errors later in the stream
 * come from the iteration and `final`. Loaded on first use: event-stream decoding is code many
 * pages never need.
 */
export async function createTranscriptionStream(clientOptions: ClientOptions, params: TranscriptionParams): Promise<TranscriptionStream> {
  const { planned, options, input } = await prepareTranscription(clientOptions, params, true)
  const provider = planned.route.provider
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    planned.adapter.buildTranscriptionRequest!(input, context),
  )
  const answer: TranscriptionAnswer = {
    response,
    provider,
    warnings,
    requestId: requestIdOf(response.headers),
    format: input.response_format,
    maxBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    cutOff: () => new ConnectionError('The event stream ended before its transcript.text.done event'),
  }
  if (essence(response.headers.get('content-type')) !== 'text/event-stream') {
    // A server that ignored `stream` answered the whole transcript.
    const whole = readText(response, deadline, answer.maxBytes).then((body) => toTranscription(body, response, input, provider, warnings))
    return wholeTranscriptionStream(answer, whole)
  }
  return eventTranscriptionStream(answer, (await openBody(response, deadline)).stream)
}

// About what V8 spends on one kept delta event beyond its text (the object, its strings).
const EVENT_OVERHEAD = 64

/** The normalized result from the final event's payload and the text streamed before it. */
function finalResult(answer: TranscriptionAnswer, payload: Record<string, unknown>, text: string): Transcription {
  return {
    text: typeof payload.text === 'string' ? payload.text : text,
    ...(typeof payload.usage === 'object' && payload.usage !== null && { usage: payload.usage as Record<string, unknown> }),
    ...(Array.isArray(payload.logprobs) && { logprobs: payload.logprobs as TranscriptionLogprob[] }),
    format: answer.format,
    raw: payload,
    headers: answer.response.headers,
    provider: answer.provider,
    warnings: answer.warnings,
    ...(answer.requestId && { requestId: answer.requestId }),
  }
}

/** A streamed answer: the event stream's body, already opened under the call's deadline. */
export function eventTranscriptionStream(answer: TranscriptionAnswer, body: ReadableStream<Uint8Array>): TranscriptionStream {
  const log = new EventLog()
  const events = eventStreamReader(body, answer.maxBytes)
  void pump(events, log, answer)
  return log.stream(answer, (reason) => events.cancel(reason))
}

/** A whole answer from a server that ignored `stream`: one final event. */
export function wholeTranscriptionStream(answer: TranscriptionAnswer, whole: Promise<Transcription>): TranscriptionStream {
  const log = new EventLog()
  whole.then((transcription) => log.finish(transcription), (error: unknown) => log.fail(error))
  return log.stream(answer, async () => {})
}

/**
 * Reads the events into the log until the final one. The log keeps every event for the life of
 * the stream, so what it keeps counts against `maxBytes` (each event's data, plus the fixed cost
 * of an event object, so a flood of one-letter deltas is bounded too).
 */
async function pump(events: EventStreamReader, log: EventLog, answer: TranscriptionAnswer): Promise<void> {
  const { response, provider } = answer
  let text = ''
  let kept = 0
  try {
    for (let event = await events.read(); event; event = await events.read()) {
      kept += event.data.length + EVENT_OVERHEAD
      if (kept > answer.maxBytes) throw new ResponseTooLargeError(answer.maxBytes)
      const payload = eventPayload(event, provider, response)
      if (payload?.type === 'transcript.text.delta' && typeof payload.delta === 'string') {
        text += payload.delta
        log.push({
          type: 'transcript.text.delta',
          delta: payload.delta,
          text,
          ...(Array.isArray(payload.logprobs) && { logprobs: payload.logprobs as TranscriptionLogprob[] }),
          ...(typeof payload.segment_id === 'string' && { segment_id: payload.segment_id }),
        })
      } else if (payload?.type === 'transcript.text.segment') {
        log.push(payload as TranscriptionStreamEvent)
      } else if (payload?.type === 'transcript.text.done') {
        log.finish(finalResult(answer, payload, text))
        await events.cancel()
        return
      }
    }
    if (log.cancelled) return
    throw answer.cutOff()
  } catch (error) {
    await events.cancel()
    log.fail(error)
  }
}
