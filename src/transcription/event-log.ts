import type { Transcription } from './result.ts'
import type { TranscriptionAnswer, TranscriptionStream, TranscriptionStreamEvent } from './stream.ts'

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
