import { essence } from './audio/media-type.ts'
import { exchange } from './call.ts'
import { ConnectionError } from './errors.ts'
import { eventPayload } from './event-payload.ts'
import { requestIdOf } from './request-id.ts'
import type { ClientOptions, TranscriptionParams } from './schemas.ts'
import type { Warning } from './speech-result.ts'
import { prepareTranscription, toTranscription } from './transcription.ts'
import type { Transcription, TranscriptionLogprob } from './transcription-result.ts'
import { openBody } from './transport/body-stream.ts'
import { readText } from './transport/read-text.ts'
import { eventStreamReader, type EventStreamReader } from './transport/sse.ts'
import { EventLog } from './transcription-event-log.ts'

/**
 * What a streamed transcription yields, after openai/openai-openapi
 * CreateTranscriptionResponseStreamEvent: text deltas as they are recognized, diarized segments,
 * then the final event with the whole result.
 */
export type TranscriptionStreamEvent =
  | {
      type: 'transcript.text.delta'
      /** The text added by this event. */
      delta: string
      /** All the text so far, this delta included. */
      text: string
      /** With `include: ['logprobs']`. */
      logprobs?: TranscriptionLogprob[]
      /** The diarized segment this delta belongs to (gpt-4o-transcribe-diarize). */
      segment_id?: string
    }
  | { type: 'transcript.text.segment'; id: string; start: number; end: number; text: string; speaker: string }
  | {
      type: 'transcript.text.done'
      /** The whole transcript. */
      text: string
      /** The normalized result, the same one `final` resolves with. */
      transcription: Transcription
    }

/**
 * A transcription arriving as it is recognized. Iterate it (`for await`) for every event, or
 * `textStream` for the text pieces alone; `final` resolves with the whole result. Leaving a loop
 * early (`break`) or `cancel()` stops the request, and `final` then rejects with an `AbortError`.
 * A server that answers the whole transcript at once instead (whisper-1, a LiteLLM proxy) gives
 * one `transcript.text.done` event.
 */
export interface TranscriptionStream extends AsyncIterable<TranscriptionStreamEvent> {
  /** The transcript text piece by piece (the whole text at once when the server did not stream). */
  readonly textStream: AsyncIterable<string>
  /** Resolves with the whole result once the final event arrived; rejects if the stream fails. */
  readonly final: Promise<Transcription>
  /** Options that could not be honoured, e.g. `stream` through a LiteLLM proxy. */
  readonly warnings: readonly Warning[]
  readonly headers: Headers
  readonly provider: string
  /** `x-request-id`, LiteLLM's `x-litellm-call-id` or Azure's `apim-request-id`. */
  readonly requestId: string | undefined
  /** Stops the request and releases the connection. */
  cancel(reason?: unknown): Promise<void>
}

/**
 * Audio → text as a stream (`stream: true` on the wire). Resolves once the server has answered
 * with a 2xx status; bad input, routing and HTTP errors reject here, errors later in the stream
 * come from the iteration and `final`.
 */
export async function createTranscriptionStream(clientOptions: ClientOptions, params: TranscriptionParams): Promise<TranscriptionStream> {
  const { planned, options, input } = await prepareTranscription(clientOptions, params, true)
  const provider = planned.route.provider
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    planned.adapter.buildTranscriptionRequest!(input, context),
  )
  const log = new EventLog()
  if (essence(response.headers.get('content-type')) !== 'text/event-stream') {
    // A server that ignored `stream` answered the whole transcript: one final event.
    void readText(response, deadline).then(
      (body) => log.finish(toTranscription(body, response, input, provider, warnings)),
      (error: unknown) => log.fail(error),
    )
    return log.stream(response, provider, warnings, async () => {})
  }
  const events = eventStreamReader((await openBody(response, deadline)).stream)
  void pump(events, log, (payload, text) => {
    const requestId = requestIdOf(response.headers)
    return {
      text: typeof payload.text === 'string' ? payload.text : text,
      ...(typeof payload.usage === 'object' && payload.usage !== null && { usage: payload.usage as Record<string, unknown> }),
      ...(Array.isArray(payload.logprobs) && { logprobs: payload.logprobs as TranscriptionLogprob[] }),
      format: input.response_format,
      raw: payload,
      headers: response.headers,
      provider,
      warnings,
      ...(requestId && { requestId }),
    }
  }, response, provider)
  return log.stream(response, provider, warnings, (reason) => events.cancel(reason))
}

async function pump(
  events: EventStreamReader,
  log: EventLog,
  result: (payload: Record<string, unknown>, text: string) => Transcription,
  response: Response,
  provider: string,
): Promise<void> {
  let text = ''
  try {
    for (let event = await events.read(); event; event = await events.read()) {
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
        log.finish(result(payload, text))
        await events.cancel()
        return
      }
    }
    if (log.cancelled) return
    throw new ConnectionError('The event stream ended before its transcript.text.done event')
  } catch (error) {
    await events.cancel()
    log.fail(error)
  }
}
