import { type FileHandle, open, rename, rm } from 'node:fs/promises'
import type { ByteSource } from '../transport/body-stream.ts'
import { type SpeechResult, takeSource } from '../speech/result.ts'

/**
 * Writes audio to `path` as it arrives (LiteLLM's `stream_to_file`), never holding the whole body.
 * The bytes go to a temporary file renamed into place at the end, so a broken download leaves
 * no truncated file behind. Resolves with the number of bytes written.
 */
export async function streamToFile(
  audio: SpeechResult | ReadableStream<Uint8Array> | Response,
  path: string,
): Promise<number> {
  const source = sourceOf(audio)
  const partial = `${path}.${process.pid}.${Date.now()}.partial`
  let file: FileHandle | undefined
  try {
    file = await open(partial, 'w')
    const written = await copy(source, file)
    await file.close()
    file = undefined
    await rename(partial, path)
    return written
  } catch (error) {
    source.cancel(error).catch(() => {})
    await file?.close().catch(() => {})
    await rm(partial, { force: true })
    throw error
  }
}

// A SpeechResult hands over its chunks as they come off the socket: no ReadableStream, no Node
// stream in between, each of which cost promises and queued chunks per chunk.
function sourceOf(audio: SpeechResult | ReadableStream<Uint8Array> | Response): ByteSource {
  if (audio instanceof ReadableStream) return audio.getReader()
  if (takeSource in audio) return audio[takeSource]()
  if (!audio.body) throw new TypeError('The response has no body to write')
  return audio.body.getReader()
}

/**
 * Reads the next chunk while the last one is being written, so the socket and the disk both
 * stay busy, and holds no more than those two chunks.
 */
async function copy(source: ByteSource, file: FileHandle): Promise<number> {
  let written = 0
  let next = source.read()
  for (;;) {
    const { done, value } = await next
    if (done) return written
    next = source.read()
    // A read that fails while a write is under way is awaited on the next turn; until then it
    // must not count as unhandled.
    next.catch(() => {})
    await file.write(value)
    written += value.byteLength
  }
}
