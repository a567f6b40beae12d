import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { SpeechResult } from '../speech/result.ts'

/**
 * Writes audio to `path` as it arrives (LiteLLM's `stream_to_file`), never holding the whole body.
 * The bytes go to a temporary file renamed into place at the end, so a broken download leaves
 * no truncated file behind. Resolves with the number of bytes written.
 */
export async function streamToFile(
  audio: SpeechResult | ReadableStream<Uint8Array> | Response,
  path: string,
): Promise<number> {
  const stream = audio instanceof ReadableStream ? audio : audio.body
  if (!stream) throw new TypeError('The response has no body to write')
  const partial = `${path}.${process.pid}.${Date.now()}.partial`
  let written = 0
  const source = Readable.fromWeb(stream as NodeReadableStream<Uint8Array>)
  source.on('data', (chunk: Uint8Array) => {
    written += chunk.byteLength
  })
  try {
    await pipeline(source, createWriteStream(partial))
    await rename(partial, path)
    return written
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
