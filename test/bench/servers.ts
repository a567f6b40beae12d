import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The loopback server every table talks to. The first path segment picks the behaviour, so each
 * client is pointed at it through its ordinary base URL option:
 * - `/small/…`  speech: 4 KB of audio/mpeg with a Content-Length; transcription: `{"text":"ok"}`
 * - `/drip/…`   speech: 16 KB at once, then 16 KB every 50 ms for 2 s, chunked (no length)
 * - `/big/…`    speech: 1 GiB of audio/mpeg, written as fast as the socket drains
 * - `/sink/…`   transcription: reads the upload, discards it, answers `{"text":"ok"}`
 * - `/gemini/…` generateContent: 10 minutes of 24 kHz 16-bit mono PCM as base64 in JSON
 */
export const SMALL_AUDIO_BYTES = 4 * 1024
export const DRIP = { chunkBytes: 16 * 1024, intervalMs: 50, durationMs: 2_000 } as const
export const BIG_BODY_BYTES = 1024 ** 3
export const GEMINI_CLIP = { seconds: 600, sampleRate: 24_000 } as const

/** Bytes that sniff as MP3 (an ID3v2 tag), so no client second-guesses the label. */
export function mp3Bytes(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x55)
  bytes.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0])
  return bytes
}

const SMALL_AUDIO = mp3Bytes(SMALL_AUDIO_BYTES)
const DRIP_CHUNK = mp3Bytes(DRIP.chunkBytes)
const BIG_CHUNK = mp3Bytes(256 * 1024)
const TRANSCRIPT = Buffer.from('{"text":"ok"}')

export interface BenchServer {
  url: string
  close(): Promise<void>
}

export async function startBenchServer(): Promise<BenchServer> {
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error))
      else response.destroy()
    })
  })
  server.keepAliveTimeout = 30_000
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) }
}

async function closeServer(server: Server): Promise<void> {
  const closed = once(server, 'close')
  server.close()
  server.closeAllConnections()
  await closed
}

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const [, scenario = ''] = (request.url ?? '').split('/')
  const transcription = request.url?.endsWith('/audio/transcriptions') ?? false
  if (scenario === 'sink' || transcription) {
    await drain(request)
    return void response.writeHead(200, { 'content-type': 'application/json', 'content-length': TRANSCRIPT.length }).end(TRANSCRIPT)
  }
  await drain(request)
  if (scenario === 'small') {
    return void response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': SMALL_AUDIO.length }).end(SMALL_AUDIO)
  }
  if (scenario === 'drip') return drip(response)
  if (scenario === 'big') return big(response)
  if (scenario === 'gemini') {
    const answer = geminiAnswer()
    return void response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': answer.length }).end(answer)
  }
  response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no such bench route"}}')
}

async function drain(request: IncomingMessage): Promise<void> {
  request.resume()
  if (!request.readableEnded) await once(request, 'end')
}

function drip(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'audio/mpeg' })
  response.write(DRIP_CHUNK)
  const startedAt = Date.now()
  const timer = setInterval(() => {
    if (Date.now() - startedAt >= DRIP.durationMs) {
      clearInterval(timer)
      response.end()
    } else {
      response.write(DRIP_CHUNK)
    }
  }, DRIP.intervalMs)
  response.on('close', () => clearInterval(timer))
}

async function big(response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': BIG_BODY_BYTES })
  let closed = false
  response.on('close', () => {
    closed = true
  })
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done).off('close', done)
        resolve()
      }
      response.on('drain', done).on('close', done)
    })
  for (let sent = 0; sent < BIG_BODY_BYTES && !closed; sent += BIG_CHUNK.length) {
    if (!response.write(BIG_CHUNK)) await drained()
  }
  response.end()
}

let cachedGeminiAnswer: Buffer | undefined

/** A generateContent answer as Gemini sends it, built once: ~38 MB of JSON. */
export function geminiAnswer(): Buffer {
  cachedGeminiAnswer ??= Buffer.from(JSON.stringify({
    candidates: [{
      content: { role: 'model', parts: [{ inlineData: { mimeType: `audio/L16;codec=pcm;rate=${GEMINI_CLIP.sampleRate}`, data: geminiPcm().toString('base64') } }] },
      finishReason: 'STOP',
      index: 0,
    }],
    usageMetadata: { promptTokenCount: 9, candidatesTokenCount: GEMINI_CLIP.seconds * 25, totalTokenCount: GEMINI_CLIP.seconds * 25 + 9 },
    modelVersion: 'gemini-2.5-flash-preview-tts',
  }))
  return cachedGeminiAnswer
}

/** A 220 Hz tone: real-looking samples rather than zeros, which base64 would make uniform. */
function geminiPcm(): Buffer {
  const samples = GEMINI_CLIP.seconds * GEMINI_CLIP.sampleRate
  const pcm = Buffer.alloc(samples * 2)
  for (let index = 0; index < samples; index++) {
    pcm.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * 220 * index) / GEMINI_CLIP.sampleRate)), index * 2)
  }
  return pcm
}
