import { beforeAll, describe, expect, it } from 'vitest'
import { APIError, ConnectionError, TimeoutError } from '../../src/index.ts'
import { caught, fault, useEmulator } from './setup.ts'

const emu = useEmulator()
let file: Blob
beforeAll(async () => {
  file = await (await emu.client().speech({ model: 'tts', input: 'Fault matrix', voice: 'alloy', response_format: 'wav' })).blob()
})
const uploads = () => emu.emulator.requests.filter((request) => request.path.endsWith('/audio/transcriptions'))
const transcribe = (headers: Record<string, string>, options: { maxRetries?: number; timeout?: number } = {}) =>
  emu.client(options).transcription({ model: 'whisper', file, headers })

describe('transcription fault matrix', () => {
  it.each(['429', '429-date', '429-ms', '500', '502', '503', '504', 'reset-before-headers'])(
    '%s once: retried, the whole file sent again, then the transcript',
    async (spec) => {
      const result = await transcribe(fault(spec, 1))
      expect(result.text).toBe('Fault matrix')
      expect(uploads()).toHaveLength(2)
      expect(uploads().at(-1)!.file?.size).toBe(file.size)
    },
  )

  it('prefers retry-after-ms over Retry-After', async () => {
    const started = Date.now()
    await transcribe(fault('429-ms', 1))
    expect(Date.now() - started).toBeLessThan(900)
  })

  it.each([['401'], ['403'], ['404'], ['413']])('%s: one request, an APIError with that status', async (spec) => {
    const error = await caught(transcribe(fault(spec)))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: Number(spec) })
    expect(uploads()).toHaveLength(1)
  })

  it('every attempt failing: 1 + maxRetries requests, then the last error', async () => {
    const error = await caught(transcribe(fault('502'), { maxRetries: 2 }))
    expect(error).toMatchObject({ name: 'APIError', status: 502 })
    expect(uploads()).toHaveLength(3)
  })

  it('an HTML error page and a malformed JSON error stay APIErrors with their text', async () => {
    expect(await caught(transcribe(fault('html-error'), { maxRetries: 0 }))).toMatchObject({ name: 'APIError', status: 502 })
    expect(await caught(transcribe(fault('malformed-json'), { maxRetries: 0 }))).toMatchObject({ name: 'APIError', status: 500 })
  })

  it('slow headers past the timeout: TimeoutError within the timeout', async () => {
    const started = Date.now()
    expect(await caught(transcribe(fault('slow-headers:3000'), { timeout: 400 }))).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('a cut-off answer is a ConnectionError, not a partial transcript', async () => {
    expect(await caught(transcribe(fault('reset-mid-body'), { maxRetries: 0 }))).toBeInstanceOf(ConnectionError)
  })

  it('a user abort while waiting for the answer: AbortError, no retry', async () => {
    const controller = new AbortController()
    // Abort once the server holds the upload (the first call also loads the transcription
    // chunk, which on a loaded machine can take longer than a fixed delay).
    const waiting = setInterval(() => {
      if (uploads().length === 0) return
      clearInterval(waiting)
      controller.abort()
    }, 10)
    const error = await caught(
      emu.client().transcription({ model: 'whisper', file, signal: controller.signal, headers: fault('slow-headers:3000') }),
    )
    clearInterval(waiting)
    expect(error.name).toBe('AbortError')
    expect(uploads()).toHaveLength(1)
  })
})
