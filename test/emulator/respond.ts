import { setTimeout as sleep } from 'node:timers/promises'
import type { RequestContext } from './context.ts'

export interface Delivery {
  status: number
  contentType?: string
  /** Extra headers for this answer. */
  headers?: Record<string, string>
  chunks: Uint8Array[]
  /** Send Content-Length (JSON, text); audio streams go out chunked. */
  contentLength: boolean
  /** Milliseconds to wait between chunks (a paced stream). */
  intervalMs?: number
}

export function sendJson(context: RequestContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  deliver(context, {
    status, contentType: 'application/json', headers,
    chunks: [Buffer.from(JSON.stringify(body))], contentLength: true,
  }).catch(() => context.response.destroy())
}

export function sendText(context: RequestContext, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
  deliver(context, { status, contentType, headers, chunks: [Buffer.from(text)], contentLength: true }).catch(() => context.response.destroy())
}

/** Streams audio without Content-Length in chunks of `chunkSize` bytes. */
export function sendAudio(context: RequestContext, bytes: Uint8Array, contentType: string, chunkSize: number, headers: Record<string, string> = {}): Promise<void> {
  const chunks: Uint8Array[] = []
  for (let start = 0; start < bytes.length; start += chunkSize) chunks.push(bytes.subarray(start, start + chunkSize))
  return deliver(context, { status: 200, contentType, headers, chunks, contentLength: false })
}

export interface EventOptions {
  headers?: Record<string, string>
  /** What ends each event: OpenAI's servers send `\n\n`, Google's `alt=sse` sends `\r\n\r\n`. */
  separator?: string
}

/**
 * Server-sent events, one `data:` line of JSON per event, written as each is ready. The
 * `x-emulator-stream-interval-ms` request header paces them (ms between events), so tests can
 * see the first event arrive well before the last.
 */
export function sendEvents(context: RequestContext, events: unknown[], options: EventOptions = {}): Promise<void> {
  const separator = options.separator ?? '\n\n'
  const chunks = events.map((event) => Buffer.from(`data: ${JSON.stringify(event)}${separator}`))
  return deliver(context, {
    status: 200, contentType: 'text/event-stream', headers: { 'cache-control': 'no-cache', ...options.headers },
    chunks, contentLength: false, intervalMs: streamInterval(context),
  })
}

/** The pace a test asked for with `x-emulator-stream-interval-ms` (0 when none, at most 10 s). */
export function streamInterval(context: RequestContext): number {
  const header = context.request.headers['x-emulator-stream-interval-ms']
  const ms = Number(typeof header === 'string' ? header : 0)
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 10_000) : 0
}

// The proxy already labels every format audio/mpeg, so audio/mpeg turns into a type the emulator
// never produces (Ogg), which is wrong for every answer.
const MISLABELS: Record<string, string> = {
  'audio/wav': 'audio/mpeg', 'audio/mpeg': 'audio/ogg', 'audio/flac': 'audio/mpeg', 'audio/pcm': 'audio/mpeg',
  'audio/L16': 'audio/mpeg', 'application/json': 'text/plain', 'text/event-stream': 'application/json',
}

/** Writes an answer, applying the body-shaping faults (mislabel, slow-body, reset-mid-body) to 2xx answers. */
export async function deliver(context: RequestContext, delivery: Delivery): Promise<void> {
  const { response } = context
  if (response.headersSent || response.destroyed) return
  const fault = delivery.status < 300 ? context.fault : undefined
  const headers: Record<string, string> = { ...context.headers, ...delivery.headers }
  let contentType = delivery.contentType
  if (fault?.kind === 'mislabel' && contentType) contentType = MISLABELS[contentType.split(';')[0] ?? ''] ?? 'application/octet-stream'
  if (fault?.kind === 'octet-stream') contentType = 'application/octet-stream'
  if (fault?.kind === 'no-content-type') contentType = undefined
  if (contentType) headers['content-type'] = contentType
  const total = delivery.chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  if (delivery.contentLength) headers['content-length'] = String(total)
  response.writeHead(delivery.status, headers)
  let chunks = delivery.chunks
  if (fault?.kind === 'reset-mid-body') chunks = firstHalf(chunks, total)
  if (fault?.kind === 'slow-body' && chunks.length === 1 && chunks[0]) chunks = splitInTwo(chunks[0])
  const pace = delivery.status < 300 ? bodyRate(context) : undefined
  if (pace) chunks = chunks.flatMap((chunk) => splitEvery(chunk, Math.max(1, Math.round(pace / 50))))
  const started = Date.now()
  let sent = 0
  for (const [index, chunk] of chunks.entries()) {
    if (index > 0 && delivery.intervalMs) await sleep(delivery.intervalMs)
    if (response.destroyed) return
    if (!response.write(chunk)) await waitForDrain(context)
    if (index === 0 && fault?.kind === 'slow-body') await sleep(fault.ms ?? 0)
    sent += chunk.length
    const due = pace ? (sent / pace) * 1000 - (Date.now() - started) : 0
    if (due > 0) await sleep(due)
  }
  if (fault?.kind === 'reset-mid-body') {
    await sleep(30)
    response.socket?.destroy()
    return
  }
  if (!response.destroyed) response.end()
}

/**
 * TEST HARNESS, not a persona behaviour: `x-emulator-body-rate: <bytes/s>` sends a 2xx body at
 * that average rate (in pieces of about 20 ms), e.g. a clip at speaking pace for playback timing.
 */
function bodyRate(context: RequestContext): number | undefined {
  const rate = Number(context.request.headers['x-emulator-body-rate'])
  return rate > 0 ? rate : undefined
}

function splitEvery(chunk: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = []
  for (let start = 0; start < chunk.length; start += size) pieces.push(chunk.subarray(start, start + size))
  return pieces
}

function splitInTwo(chunk: Uint8Array): Uint8Array[] {
  const middle = Math.max(1, Math.floor(chunk.length / 2))
  return [chunk.subarray(0, middle), chunk.subarray(middle)]
}

function firstHalf(chunks: Uint8Array[], total: number): Uint8Array[] {
  const keep: Uint8Array[] = []
  let remaining = Math.max(1, Math.floor(total / 2))
  for (const chunk of chunks) {
    if (remaining <= 0) break
    keep.push(chunk.subarray(0, remaining))
    remaining -= chunk.length
  }
  return keep
}

function waitForDrain(context: RequestContext): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      context.response.off('drain', done)
      context.response.off('close', done)
      resolve()
    }
    context.response.on('drain', done)
    context.response.on('close', done)
  })
}
