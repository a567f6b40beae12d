import { concatBytes } from '../audio/concat-bytes.ts'
import { ConnectionError } from '../errors.ts'
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
  const reader = (response.body ?? new Blob([]).stream()).getReader()
  // Content-Length counts encoded bytes: only an unencoded body can be checked against it.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity'
  const expected = encoded ? Number.NaN : Number(response.headers.get('content-length') ?? Number.NaN)
  let received = 0
  const fail = (error: unknown): never => {
    deadline.dispose()
    reader.cancel().catch(() => {})
    if (deadline.signal.aborted) throw deadline.abortError()
    throw new ConnectionError('The connection closed before the whole answer arrived', { cause: safeCause(error) })
  }
  const read = async () => {
    const result = await reader.read().catch(fail)
    if (result.done && Number.isFinite(expected) && received < expected) {
      fail(new Error(`received ${received} of ${expected} bytes`))
    }
    if (result.done) deadline.dispose()
    else received += result.value.byteLength
    return result
  }

  const pending: Uint8Array[] = []
  let buffered = 0
  while (buffered < SNIFF_BYTES) {
    const { done, value } = await read()
    if (done) break
    pending.push(value)
    buffered += value.byteLength
  }
  const head = concatBytes(pending).subarray(0, SNIFF_BYTES)

  const source: ByteSource = {
    read: () => {
      const chunk = pending.shift()
      return chunk ? Promise.resolve({ done: false, value: chunk }) : read()
    },
    cancel(reason) {
      deadline.dispose()
      return reader.cancel(reason)
    },
  }
  let stream: ReadableStream<Uint8Array> | undefined
  return {
    head,
    read: source.read,
    cancel: source.cancel,
    get stream() {
      return (stream ??= sourceStream(source))
    },
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
