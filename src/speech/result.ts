import { concatBytes } from '../util/concat-bytes.ts'
import { requestIdOf } from '../util/request-id.ts'
import type { SpeechFormat } from '../audio/media-type.ts'
import type { Warning } from '../providers/types.ts'
import { type ByteSource, sourceStream } from '../transport/body-stream.ts'

/**
 * Hands over a result's audio as chunks read one by one, with no ReadableStream in between
 * (streamToFile). A registered symbol rather than a private field: `voxfetch/node` built as
 * CommonJS carries its own copy of this module, whose class is not the one that made the result.
 */
export const takeSource: unique symbol = Symbol.for('voxfetch.SpeechResult.takeSource')

export interface SpeechResultInit {
  /** The audio: a stream, or a source read directly (a stream is then made only for `body`). */
  stream: ReadableStream<Uint8Array> | ByteSource
  mediaType: string
  format: SpeechFormat | undefined
  headers: Headers
  warnings: Warning[]
  provider: string
  /** Reads the usage a streamed answer reported once it ended (see speech-sse.ts). */
  usage?: () => Record<string, unknown> | undefined
  /** Completes the bytes once read whole: a WAV streamed with unknown sizes gets its real ones. */
  seal?: (bytes: Uint8Array) => void
}

/**
 * Audio as it arrives. Read it once, in one of the ways offered: `body` (a stream), `blob()`,
 * `arrayBuffer()` or `objectURL()`.
 */
export class SpeechResult {
  /** The type of the audio bytes, e.g. `audio/mpeg`; decided by the bytes when servers mislabel. */
  readonly mediaType: string
  /**
   * The format that was asked for. When none was (a proxy alias: the model behind it decides),
   * the format the audio turned out to be, read from its bytes: `mp3`, `wav`, `pcm`…; `undefined`
   * when they match none of the six `response_format` values (say `audio/mp4`).
   */
  readonly format: SpeechFormat | undefined
  /** Response headers (e.g. `x-litellm-response-cost`; in browsers only those exposed by CORS). */
  readonly headers: Headers
  readonly warnings: readonly Warning[]
  readonly provider: string
  #stream: ReadableStream<Uint8Array> | ByteSource
  #used = false
  #usage: (() => Record<string, unknown> | undefined) | undefined
  #seal: ((bytes: Uint8Array) => void) | undefined

  constructor(init: SpeechResultInit) {
    this.#stream = init.stream
    this.mediaType = init.mediaType
    this.format = init.format
    this.headers = init.headers
    this.warnings = init.warnings
    this.provider = init.provider
    this.#usage = init.usage
    this.#seal = init.seal
  }

  /**
   * Token usage as the server reported it at the end of a streamed answer (`stream_format:
   * 'sse'`): OpenAI's `{ input_tokens, output_tokens, total_tokens }`, Gemini's `usageMetadata`.
   * `undefined` until the audio was read to its end, and for answers that carry none.
   */
  get usage(): Record<string, unknown> | undefined {
    return this.#usage?.()
  }

  /** The request id the server gave (`x-request-id`, LiteLLM's `x-litellm-call-id`, Azure's `apim-request-id`). */
  get requestId(): string | undefined {
    return requestIdOf(this.headers)
  }

  get bodyUsed(): boolean {
    return this.#used
  }

  /** The audio as a stream of bytes, as the server sends them. */
  get body(): ReadableStream<Uint8Array> {
    const taken = this.#take()
    return taken instanceof ReadableStream ? taken : sourceStream(taken)
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.mediaType })
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    // Read by hand rather than through `new Response(stream)` so typed stream errors
    // (TimeoutError, ConnectionError) reach the caller unwrapped.
    const chunks: Uint8Array[] = []
    const taken = this.#take()
    for (const reader = taken instanceof ReadableStream ? taken.getReader() : taken; ; ) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    const bytes = concatBytes(chunks)
    this.#seal?.(bytes)
    // A lone chunk spanning its whole buffer (a decoded Gemini clip) is handed over uncopied.
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer)
  }

  /** A `blob:` URL for `<audio src>`. The caller owns it: call `URL.revokeObjectURL` when done. */
  async objectURL(): Promise<string> {
    return URL.createObjectURL(await this.blob())
  }

  /** The audio as chunks read one by one; marks the body used, like `body`. */
  [takeSource](): ByteSource {
    const taken = this.#take()
    return taken instanceof ReadableStream ? taken.getReader() : taken
  }

  /** Stops the download and releases the connection, when the audio is no longer wanted. */
  async cancel(reason?: unknown): Promise<void> {
    if (!this.#used) await this.#take().cancel(reason)
  }

  #take(): ReadableStream<Uint8Array> | ByteSource {
    if (this.#used) throw new TypeError('The audio body was already read; a SpeechResult can be read once')
    this.#used = true
    return this.#stream
  }
}
