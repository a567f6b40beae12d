import { InvalidRequestError } from '../errors/classes.ts'

/**
 * Text to speak as it is written: a plain string, an `AsyncIterable<string>` (the AI SDK's
 * `textStream`, mapped chat deltas) or a `ReadableStream<string>` (a fetch body piped through
 * `TextDecoderStream`).
 */
export type TextSource = string | AsyncIterable<string> | ReadableStream<string>

/** Larger chunks are handed on in slices this long, so no step works on a huge string at once. */
const SLICE = 4096

export function isTextSource(value: unknown): value is TextSource {
  if (typeof value === 'string') return true
  if (typeof value !== 'object' || value === null) return false
  return Symbol.asyncIterator in value || typeof (value as ReadableStream).getReader === 'function'
}

/**
 * The source's text chunk by chunk, read only as fast as it is asked for. Returning early (an
 * abort, an error further on) cancels a stream source.
 */
export async function* readTextSource(source: TextSource, signal: AbortSignal): AsyncGenerator<string> {
  if (typeof source === 'string') return yield* slices(source)
  if (typeof (source as ReadableStream<string>).getReader === 'function') {
    // Read by hand: async iteration of ReadableStream is missing in older Safari.
    const reader = (source as ReadableStream<string>).getReader()
    const cancel = () => void reader.cancel(signal.reason).catch(() => {})
    signal.addEventListener('abort', cancel, { once: true })
    let finished = false
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        yield* slices(checked(value))
      }
      finished = true
    } finally {
      signal.removeEventListener('abort', cancel)
      if (!finished) await reader.cancel().catch(() => {})
      reader.releaseLock()
    }
    return
  }
  for await (const chunk of source as AsyncIterable<string>) yield* slices(checked(chunk))
}

function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += SLICE) yield text.slice(start, start + SLICE)
}

function checked(chunk: unknown): string {
  if (typeof chunk !== 'string') {
    throw new InvalidRequestError('text', `the source must yield strings (got ${chunk === null ? 'null' : typeof chunk}); pipe bytes through a TextDecoderStream`)
  }
  return chunk
}
