import { eventPayload } from '../transport/event-payload.ts'
import type { TranscriptionFormat } from './params.ts'
import type { Warning } from '../speech/result.ts'
import type { Transcription, TranscriptionLogprob } from './result.ts'
import { eventStreamReader, type EventStreamReader } from '../transport/sse.ts'
import { EventLog } from './event-log.ts'

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

/** What the request side hands over once the server answered (see stream-transcription.ts). */
export interface TranscriptionAnswer {
  response: Response
  provider: string
  warnings: Warning[]
  requestId: string | undefined
  format: TranscriptionFormat
  /** The error for a stream that ended before its final event. */
  cutOff(): Error
}

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
  const events = eventStreamReader(body)
  void pump(events, log, answer)
  return log.stream(answer, (reason) => events.cancel(reason))
}

/** A whole answer from a server that ignored `stream`: one final event. */
export function wholeTranscriptionStream(answer: TranscriptionAnswer, whole: Promise<Transcription>): TranscriptionStream {
  const log = new EventLog()
  whole.then((transcription) => log.finish(transcription), (error: unknown) => log.fail(error))
  return log.stream(answer, async () => {})
}

async function pump(events: EventStreamReader, log: EventLog, answer: TranscriptionAnswer): Promise<void> {
  const { response, provider } = answer
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
