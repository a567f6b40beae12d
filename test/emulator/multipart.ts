import busboy from 'busboy'
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

/** Bytes kept from the start and the end of an upload; everything between is only counted. */
export const HEAD_BYTES = 256 * 1024
export const TAIL_BYTES = 64 * 1024

export interface CapturedFile {
  fieldName: string
  /** '' when the part carried no filename. */
  filename: string
  mimeType: string
  size: number
  head: Uint8Array
  tail: Uint8Array
}

export interface MultipartResult {
  fields: Record<string, string | string[]>
  file?: CapturedFile
  error?: string
}

export interface MultipartSink {
  write(chunk: Buffer): Promise<void>
  finish(): Promise<MultipartResult>
}

/** Streams a multipart body through busboy, never holding more than head + tail of a file. */
export function createMultipartSink(headers: IncomingHttpHeaders): MultipartSink {
  const result: MultipartResult = { fields: {} }
  let parser: busboy.Busboy
  try {
    parser = busboy({ headers, limits: { fieldSize: 1024 * 1024 } })
  } catch (error) {
    result.error = (error as Error).message
    return { write: async () => {}, finish: async () => result }
  }
  const done = new Promise<void>((resolve) => {
    parser.on('close', resolve)
    parser.on('error', (error: Error) => {
      result.error ??= error.message
      resolve()
    })
  })
  parser.on('field', (name, value) => addField(result.fields, name, value))
  parser.on('file', (name, stream, info) => {
    if (result.file) {
      stream.resume()
      return
    }
    result.file = captureFile(name, info.filename ?? '', info.mimeType, stream)
  })
  return {
    async write(chunk) {
      if (result.error || parser.destroyed) return
      if (!parser.write(chunk)) {
        await new Promise<void>((resolve) => {
          parser.once('drain', resolve)
          parser.once('close', resolve)
        })
      }
    },
    async finish() {
      if (!parser.destroyed) parser.end()
      await done
      return result
    },
  }
}

function addField(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name]
  if (Array.isArray(existing)) existing.push(value)
  else if (existing !== undefined) fields[name] = [existing, value]
  else fields[name] = name.endsWith('[]') ? [value] : value
}

function captureFile(fieldName: string, filename: string, mimeType: string, stream: Readable): CapturedFile {
  const file: CapturedFile = { fieldName, filename, mimeType, size: 0, head: new Uint8Array(0), tail: new Uint8Array(0) }
  const head: Buffer[] = []
  let headSize = 0
  let tail: Buffer[] = []
  let tailSize = 0
  stream.on('data', (chunk: Buffer) => {
    file.size += chunk.length
    if (headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - headSize)
      head.push(Buffer.from(part))
      headSize += part.length
    }
    // References, not copies: only the last couple of chunks stay alive.
    tail.push(chunk.subarray(Math.max(0, chunk.length - TAIL_BYTES)))
    tailSize += Math.min(chunk.length, TAIL_BYTES)
    while (tail.length > 1 && tailSize - (tail[0]?.length ?? 0) >= TAIL_BYTES) tailSize -= tail.shift()?.length ?? 0
  })
  stream.on('end', () => {
    file.head = Buffer.concat(head)
    const joined = Buffer.concat(tail)
    file.tail = joined.subarray(Math.max(0, joined.length - TAIL_BYTES))
    tail = []
  })
  return file
}
