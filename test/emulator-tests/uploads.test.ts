import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { postForm, proxyAuth } from './helpers.ts'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

/** A WAV header declaring `dataBytes` of 24 kHz s16 mono samples. */
function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + dataBytes, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(24000, 24)
  header.writeUInt32LE(48000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(dataBytes, 40)
  return header
}

/** Streams a multipart upload of a generated WAV without holding it, honouring backpressure. */
function streamUpload(path: string, dataBytes: number, onProgress: () => void): Promise<{ status: number; body: string }> {
  const boundary = 'voxfetch-stream-boundary'
  return new Promise((resolve, reject) => {
    const upload = request(`${emulator.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEYS.proxy}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
    })
    upload.on('error', reject)
    const block = Buffer.alloc(1024 * 1024, 1)
    let left = dataBytes
    const pump = () => {
      while (left > 0) {
        const size = Math.min(block.length, left)
        left -= size
        onProgress()
        if (!upload.write(size === block.length ? block : block.subarray(0, size))) {
          upload.once('drain', pump)
          return
        }
      }
      upload.end(`\r\n--${boundary}--\r\n`)
    }
    upload.write(`--${boundary}\r\ncontent-disposition: form-data; name="model"\r\n\r\ngpt-4o-transcribe\r\n`)
    upload.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="long.wav"\r\ncontent-type: audio/wav\r\n\r\n`)
    upload.write(wavHeader(dataBytes))
    pump()
  })
}

describe('streaming uploads', () => {
  it('parses a 200 MB upload without holding it in memory', async () => {
    const dataBytes = 200 * 1024 * 1024
    // Warm up first: socket buffers and the allocator grow once, whatever the upload size.
    await streamUpload('/v1/audio/transcriptions', 64 * 1024 * 1024, () => {})
    emulator.reset()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    const timer = setInterval(sample, 20)
    const result = await streamUpload('/v1/audio/transcriptions', dataBytes, sample)
    clearInterval(timer)
    sample()
    expect(result.status).toBe(200)
    const seconds = (dataBytes / 48000).toFixed(2)
    expect(JSON.parse(result.body).text).toBe(`Emulated transcript: wav audio, ${dataBytes + 44} bytes, ${seconds} s (this emulator has no speech recognizer)`)
    expect(emulator.requests[0]).toMatchObject({ completed: true, file: { filename: 'long.wav', size: dataBytes + 44 } })
    expect(emulator.requests[0]?.bodyBytes).toBeGreaterThan(dataBytes)
    expect((peak - baseline) / (1024 * 1024)).toBeLessThan(50)
  }, 30_000)

  it('reads at x-emulator-upload-rate', async () => {
    const started = Date.now()
    const response = await postForm(`${emulator.url}/v1/audio/transcriptions`, { bytes: new Uint8Array(300_000), filename: 'a.wav' }, { model: 'whisper' }, {
      ...proxyAuth, 'x-emulator-upload-rate': '300000',
    })
    expect(response.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('records an upload the client aborted as completed: false', async () => {
    const controller = new AbortController()
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new Uint8Array(1_000_000))
      },
    })
    const aborting = fetch(`${emulator.url}/v1/audio/transcriptions`, {
      method: 'POST', headers: { ...proxyAuth, 'content-type': 'application/octet-stream' }, body, signal: controller.signal, duplex: 'half',
    } as RequestInit)
    for (let waited = 0; (emulator.requests[0]?.bodyBytes ?? 0) < 1_000_000 && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    controller.abort()
    await expect(aborting).rejects.toThrow()
    await emulator.waitForSettled(1)
    expect(emulator.requests[0]).toMatchObject({ completed: false, bodyBytes: 1_000_000 })
    expect(emulator.requests[0]?.status).toBeUndefined()
  })
})

describe('cors', () => {
  it('answers preflights for every route with the requested headers', async () => {
    for (const path of ['/v1/audio/speech', '/openai/v1/audio/transcriptions', '/gemini/v1beta/models/x-tts:generateContent', '/google-token/token']) {
      const response = await fetch(`${emulator.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-emulator-fault' },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-emulator-fault')
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0)
    }
  })

  it('exposes the useful headers on answers, errors included', async () => {
    const response = await fetch(`${emulator.url}/v1/audio/speech`, { method: 'POST', headers: { origin: 'http://app.test' } })
    expect(response.status).toBe(401)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
    const exposed = response.headers.get('access-control-expose-headers') ?? ''
    for (const name of ['x-litellm-call-id', 'x-litellm-response-cost', 'x-request-id', 'content-type', 'retry-after']) expect(exposed).toContain(name)
    const anonymous = await fetch(`${emulator.url}/health/liveliness`)
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('*')
  })
})
