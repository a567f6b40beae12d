import { addUsage, pcmDuration, type SpeechSegment } from './segment.ts'
import { createClipWriter, joinSegments } from './whole-clip.ts'

/** A piece as the pipeline hands it on, before its place in the whole clip is known. */
export type SpokenPiece = Omit<SpeechSegment, 'start' | 'duration'>

/**
 * Speech of a text that is still being written: its pieces in order as they are ready
 * (`for await (const segment of stream)`, or a player's `playSegments(stream)`), the usage
 * summed over them, and the whole clip (`blob()`, `body`). Read the pieces once, one way.
 *
 * Pieces handed on are not kept: memory holds only the few requests running ahead. To have the
 * whole clip as well while a player reads the pieces, call `blob()` before the first piece is read.
 */
export class SpeechStream implements AsyncIterable<SpeechSegment> {
  #pieces: AsyncGenerator<SpokenPiece>
  #controller: AbortController
  #reading = false
  #given = 0
  #kept: SpeechSegment[] | undefined
  #usage: Record<string, unknown> | undefined
  #mediaType: string | undefined
  #start: number | undefined = 0
  #done: Promise<void>
  #settle!: { resolve(): void; reject(error: unknown): void }

  constructor(pieces: AsyncGenerator<SpokenPiece>, controller: AbortController) {
    this.#pieces = pieces
    this.#controller = controller
    this.#done = new Promise<void>((resolve, reject) => {
      this.#settle = { resolve, reject }
    })
    this.#done.catch(() => {})
  }

  /** Usage the servers reported, summed over the pieces so far (with `stream_format: 'sse'`). */
  get usage(): Record<string, unknown> | undefined {
    return this.#usage
  }

  /** The first piece's media type, once it is in. */
  get mediaType(): string | undefined {
    return this.#mediaType
  }

  /** The abort signal of every request of this stream: aborted by `cancel()`, an error, or the caller's signal. */
  get signal(): AbortSignal {
    return this.#controller.signal
  }

  [Symbol.asyncIterator](): AsyncIterator<SpeechSegment> {
    this.#take()
    return this.#read()
  }

  /**
   * The whole clip as one byte stream, written as the pieces come: a WAV of unknown length when
   * they are PCM or WAV (see `blob()` for one with its sizes), else the pieces' bytes joined.
   * For Node: `streamToFile(stream.body, path)`.
   */
  get body(): ReadableStream<Uint8Array> {
    this.#take()
    const segments = this.#read()
    const writer = createClipWriter()
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await segments.next()
        if (next.done) return controller.close()
        for (const bytes of writer.next(next.value)) controller.enqueue(bytes)
      },
      cancel: async (reason) => {
        this.cancel(reason)
        await segments.return(undefined)
      },
    })
  }

  /**
   * The whole clip once the last piece is in: one WAV when the pieces are PCM or WAV, else their
   * bytes joined (MP3 and AAC play that way in browsers; for Opus or FLAC ask for `wav`). Reads
   * the pieces itself unless something reads them (or starts to in the same task): then call it
   * before the first piece is read, so they are kept.
   */
  async blob(): Promise<Blob> {
    if (this.#given > 0 && !this.#kept) {
      throw new TypeError('The pieces already read were not kept: call blob() before reading the pieces to have the whole clip')
    }
    const kept = (this.#kept ??= [])
    // A reader that starts in the same task (a player handed the stream next) is waited for.
    if (!this.#reading) await new Promise((resolve) => setTimeout(resolve, 0))
    if (this.#reading) await this.#done
    else for await (const _ of this);
    return joinSegments(kept)
  }

  /** Stops: aborts every request in flight and ends the pieces with the abort. */
  cancel(reason?: unknown): void {
    this.#controller.abort(reason)
  }

  #take(): void {
    if (this.#reading) throw new TypeError('The pieces are already being read; a SpeechStream can be read once')
    this.#reading = true
  }

  async *#read(): AsyncGenerator<SpeechSegment> {
    let finished = false
    try {
      for await (const piece of this.#pieces) {
        const duration = pcmDuration(piece.audio, piece.mediaType)
        const segment: SpeechSegment = { ...piece, start: this.#start, duration }
        this.#start = this.#start !== undefined && duration !== undefined ? this.#start + duration : undefined
        this.#mediaType ??= piece.mediaType
        this.#usage = addUsage(this.#usage, piece.usage)
        this.#given++
        this.#kept?.push(segment)
        yield segment
      }
      finished = true
      this.#settle.resolve()
    } catch (error) {
      this.#settle.reject(error)
      throw error
    } finally {
      // A reader that stops early wants no more: what is still running is cancelled.
      if (!finished) {
        this.#controller.abort()
        this.#settle.reject(this.#controller.signal.reason)
      }
    }
  }
}
