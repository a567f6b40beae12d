import type { IncomingMessage } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { createMultipartSink, type CapturedFile } from './multipart.ts'
import type { RecordedRequest } from './types.ts'

/** Non-multipart bodies are buffered up to this size; beyond it they are only counted. */
export const BUFFER_LIMIT = 16 * 1024 * 1024

export interface RequestBody {
  /** Raw bytes when not multipart and within BUFFER_LIMIT. */
  raw?: Buffer
  /** Body exceeded BUFFER_LIMIT (raw is then absent). */
  overflow: boolean
  json?: unknown
  /** Set when the content type said JSON but the bytes did not parse. */
  jsonError?: string
  fields?: Record<string, string | string[]>
  file?: CapturedFile
  multipartError?: string
  multipart: boolean
  /** Bytes received. */
  bytes: number
  /** The client went away before the body ended. */
  aborted: boolean
}

export interface ReadOptions {
  /** Throttles reading to this many bytes per second (x-emulator-upload-rate). */
  bytesPerSecond?: number
  /** Only count the bytes (e.g. a body already known to be too large). */
  discard?: boolean
}

/** Reads the whole request body, streaming multipart uploads, and fills in the record. */
export async function readBody(request: IncomingMessage, record: RecordedRequest, options: ReadOptions = {}): Promise<RequestBody> {
  const contentType = (request.headers['content-type'] ?? '').toLowerCase()
  const multipart = !options.discard && contentType.startsWith('multipart/form-data')
  const body: RequestBody = { overflow: false, multipart, bytes: 0, aborted: false }
  const sink = multipart ? createMultipartSink(request.headers) : undefined
  const chunks: Buffer[] = []
  const started = Date.now()
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      body.bytes += chunk.length
      record.bodyBytes = body.bytes
      if (sink) await sink.write(chunk)
      else if (!options.discard && body.bytes <= BUFFER_LIMIT) chunks.push(chunk)
      else body.overflow = !options.discard
      if (options.bytesPerSecond) {
        const due = (body.bytes / options.bytesPerSecond) * 1000 - (Date.now() - started)
        if (due > 0) await sleep(due)
      }
    }
  } catch {
    body.aborted = true
  }
  if (!request.complete) body.aborted = true
  record.completed = !body.aborted
  if (body.aborted) return body
  if (sink) {
    const result = await sink.finish()
    body.fields = result.fields
    body.file = result.file
    body.multipartError = result.error
    record.fields = result.fields
    if (result.file) {
      const { fieldName, filename, mimeType, size } = result.file
      record.file = { fieldName, filename, mimeType, size }
    }
    return body
  }
  if (body.overflow || options.discard) return body
  body.raw = Buffer.concat(chunks)
  if (contentType.includes('json') && body.raw.length > 0) {
    try {
      body.json = JSON.parse(body.raw.toString('utf8'))
      record.json = body.json
    } catch (error) {
      body.jsonError = (error as Error).message
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const fields: Record<string, string | string[]> = {}
    for (const [name, value] of new URLSearchParams(body.raw.toString('utf8'))) {
      const existing = fields[name]
      fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
    }
    body.fields = fields
    record.fields = fields
  }
  return body
}
