import { concatBytes } from '../util/concat-bytes.ts'
import { ConnectionError } from '../errors/classes.ts'
import type { Deadline } from './deadline.ts'
import { safeCause } from './safe-cause.ts'

const SNIFF_BYTES = 16
// A few chunks read ahead keep the socket busy while the consumer works: with one, a Node
// pipe to disk ran at half the speed of the bare body.
const READ_AHEAD_CHUNKS = 8

/** Chunks read one by one, without a ReadableStream in between (none is made unless asked for). */
export interface ByteSource {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>
  cancel(reason?: unknown): Promise<void>
}

export interface OpenedBody extends ByteSource {
  /** The first bytes (at least 16 unless the body is shorter), for sniffing the format. */
  head: Uint8Array
  /** The whole body, head included, as it arrives; made on first use (see `sourceStream`). */
  readonly stream: ReadableStream<Uint8Array>
}

/**
 * Takes over a response body: waits for its first bytes, then streams the rest without
 * buffering. A broken connection, a short body, the deadline or a user abort error the stream
 * with a typed error, so a cut-off answer can never pass for a complete one. The deadline is
 * released when the body ends, errors or is cancelled.
 */
export async function openBody(response: Response, deadline: Deadline): Promise<OpenedBody> {
  const body = new ResponseBody(response, deadline)
  await body.readHead()
  return body
}

// A class rather than closures: one is made per call, and its methods are shared.
class ResponseBody implements OpenedBody {
  head: Uint8Array = new Uint8Array(0)
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>
  readonly #deadline: Deadline
  readonly #expected: number
  #received = 0
  #pending: Uint8Array[] = []
  #stream: ReadableStream<Uint8Array> | undefined

  constructor(response: Response, deadline: Deadline) {
    this.#reader = (response.body ?? new Blob([]).stream()).getReader()
    this.#deadline = deadline
    // Node's fetch follows the signal through a weak reference to its request (nodejs/undici#4627):
    // once that request is collected, an abort no longer reaches the body. The reader is
    // cancelled here instead, and the read it ends is failed in #onRead.
    deadline.whenAborted(this.#onAbort)
    // Content-Length counts encoded bytes: only an unencoded body can be checked against it.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity'
    this.#expected = encoded ? Number.NaN : Number(response.headers.get('content-length') ?? Number.NaN)
  }

  async readHead(): Promise<void> {
    let buffered = 0
    while (buffered < SNIFF_BYTES) {
      const { done, value } = await this.#next()
      if (done) break
      this.#pending.push(value)
      buffered += value.byteLength
    }
    if (buffered > 0) this.head = concatBytes(this.#pending).subarray(0, SNIFF_BYTES)
  }

  read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const chunk = this.#pending.shift()
    return chunk ? Promise.resolve({ done: false, value: chunk }) : this.#next()
  }

  cancel(reason?: unknown): Promise<void> {
    this.#deadline.dispose()
    return this.#reader.cancel(reason)
  }

  get stream(): ReadableStream<Uint8Array> {
    return (this.#stream ??= sourceStream(this))
  }

  // Handlers made once per body rather than an async function per chunk: this runs for every
  // chunk of a 1 GiB download, where each promise and closure more is one more young object.
  #next(): Promise<ReadableStreamReadResult<Uint8Array>> {
    return this.#reader.read().then(this.#onRead, this.#onError)
  }

  readonly #onRead = (result: ReadableStreamReadResult<Uint8Array>): ReadableStreamReadResult<Uint8Array> => {
    if (this.#deadline.signal.aborted) return this.#fail(undefined)
    if (!result.done) {
      this.#received += result.value.byteLength
      return result
    }
    if (Number.isFinite(this.#expected) && this.#received < this.#expected) {
      return this.#fail(new Error(`received ${this.#received} of ${this.#expected} bytes`))
    }
    this.#deadline.dispose()
    return result
  }

  readonly #onError = (error: unknown): never => this.#fail(error)

  readonly #onAbort = (): void => {
    this.#reader.cancel(this.#deadline.abortError()).catch(() => {})
  }

  #fail(error: unknown): never {
    this.#deadline.dispose()
    this.#reader.cancel().catch(() => {})
    if (this.#deadline.signal.aborted) throw this.#deadline.abortError()
    throw new ConnectionError('The connection closed before the whole answer arrived', { cause: safeCause(error) })
  }
}

/**
 * A source as a byte stream that reads a few chunks ahead of its consumer. Made only when
 * someone wants a stream: `arrayBuffer()` reads the source directly, which saves a stream per call.
 */
export function sourceStream(source: ByteSource): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await source.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => source.cancel(reason),
  }, { highWaterMark: READ_AHEAD_CHUNKS })
}
