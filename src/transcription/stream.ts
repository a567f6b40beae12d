import type { Warning } from '../providers/types.ts'
import type { TranscriptionFormat } from '../options/transcription-values.ts'
import type { Transcription, TranscriptionLogprob } from './result.ts'

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
  /** `maxResponseBytes`: the most of the answer read, or kept, at once. */
  maxBytes: number
  /** The error for a stream that ended before its final event. */
  cutOff(): Error
}

/**
 * Every event so far, for any number of readers, plus the outcome. Transcript events are small,
 * so they are kept rather than handed out once.
 */
export class EventLog {
  readonly events: TranscriptionStreamEvent[] = []
  cancelled = false
  #outcome: { ok: true; value: Transcription } | { ok: false; error: unknown } | undefined
  #waiters: Array<() => void> = []
  readonly final: Promise<Transcription>
  #settle!: { resolve(value: Transcription): void; reject(error: unknown): void }

  constructor() {
    this.final = new Promise<Transcription>((resolve, reject) => {
      this.#settle = { resolve, reject }
    })
    // The caller may only iterate; a failure then surfaces there, not as an unhandled rejection.
    this.final.catch(() => {})
  }

  push(event: TranscriptionStreamEvent): void {
    if (this.#outcome) return
    this.events.push(event)
    this.#wake()
  }

  finish(transcription: Transcription): void {
    if (this.#outcome) return
    this.events.push({ type: 'transcript.text.done', text: transcription.text, transcription })
    this.#outcome = { ok: true, value: transcription }
    this.#settle.resolve(transcription)
    this.#wake()
  }

  fail(error: unknown): void {
    if (this.#outcome) return
    this.#outcome = { ok: false, error }
    this.#settle.reject(error)
    this.#wake()
  }

  #wake(): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const wake of waiters) wake()
  }

  /** The next event after `index`, `undefined` once the stream is over; throws its error. */
  async at(index: number): Promise<TranscriptionStreamEvent | undefined> {
    for (;;) {
      if (index < this.events.length) return this.events[index]
      if (this.#outcome) {
        if (this.#outcome.ok) return undefined
        throw this.#outcome.error
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve))
    }
  }

  stream(answer: TranscriptionAnswer, stop: (reason?: unknown) => Promise<void>): TranscriptionStream {
    const cancel = async (reason?: unknown) => {
      if (this.#outcome) return
      this.cancelled = true
      this.fail(reason instanceof Error ? reason : new DOMException('The transcription stream was cancelled.', 'AbortError'))
      await stop(reason)
    }
    const iterate = (): AsyncIterator<TranscriptionStreamEvent> => {
      let index = 0
      return {
        next: async () => {
          const event = await this.at(index++)
          return event ? { done: false, value: event } : { done: true, value: undefined }
        },
        // Leaving a loop early stops the request: nobody is left to read it.
        return: async () => {
          await cancel()
          return { done: true, value: undefined }
        },
      }
    }
    const log = this
    return {
      [Symbol.asyncIterator]: iterate,
      textStream: {
        async *[Symbol.asyncIterator]() {
          let deltas = false
          for await (const event of { [Symbol.asyncIterator]: iterate }) {
            if (event.type === 'transcript.text.delta') {
              deltas = true
              yield event.delta
            } else if (event.type === 'transcript.text.done' && !deltas && event.text) {
              yield event.text
            }
          }
        },
      },
      final: log.final,
      warnings: answer.warnings,
      headers: answer.response.headers,
      provider: answer.provider,
      requestId: answer.requestId,
      cancel,
    }
  }
}
