import { describe, expect, it } from 'vitest'
import { APIError, ConnectionError, FileTooLargeError, isConnectionError, isVoxfetchError, TimeoutError } from '../../src/index.ts'
import { caught, fault, useEmulator } from './setup.ts'

const emu = useEmulator()
const speak = { model: 'tts', input: 'Fault test', voice: 'alloy', response_format: 'wav' } as const
const wav = async () =>
  (await emu.client().speech({ ...speak, input: 'Upload me' })).blob()
const speechRequests = () => emu.emulator.requests.filter((request) => request.path.endsWith('/audio/speech'))

describe('retries', () => {
  it.each([
    ['429', 'Retry-After in seconds'],
    ['429-date', 'Retry-After as an HTTP date'],
    ['429-ms', 'retry-after-ms'],
    ['500', ''], ['502', ''], ['503', ''], ['504', ''], ['408', ''], ['409', ''],
  ])('retries %s (%s) and then succeeds', async (spec) => {
    const audio = await emu.client().speech({ ...speak, headers: fault(spec, 1) })
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(44)
    expect(speechRequests()).toHaveLength(2)
  })

  it('waits as long as the server asks', async () => {
    const started = Date.now()
    await (await emu.client().speech({ ...speak, headers: fault('429', 1) })).arrayBuffer()
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('gives up after maxRetries with the last error', async () => {
    const error = await caught(emu.client({ maxRetries: 1 }).speech({ ...speak, headers: fault('503') }))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 503, retryable: true })
    expect(speechRequests()).toHaveLength(2)
  })

  it.each(['401', '403', '404', '413'])('does not retry %s', async (spec) => {
    const error = await caught(emu.client().speech({ ...speak, headers: fault(spec) }))
    expect(error).toMatchObject({ name: 'APIError', status: Number(spec), retryable: false })
    expect(speechRequests()).toHaveLength(1)
  })

  it('retries a connection reset before the headers', async () => {
    const audio = await emu.client().speech({ ...speak, headers: fault('reset-before-headers', 1) })
    await audio.arrayBuffer()
    expect(speechRequests()).toHaveLength(2)
  })

  it('ends with a ConnectionError when every attempt is reset', async () => {
    const error = await caught(emu.client({ maxRetries: 1 }).speech({ ...speak, headers: fault('reset-before-headers') }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(isConnectionError(error) && isVoxfetchError(error)).toBe(true)
    expect(speechRequests()).toHaveLength(2)
  })

  it('retries an upload, sending the whole file again', async () => {
    const file = await wav()
    const result = await emu.client().transcription({ model: 'whisper', file, headers: fault('503', 1) })
    expect(result.text).toBe('Upload me')
    const uploads = emu.emulator.requests.filter((request) => request.path.endsWith('/transcriptions'))
    expect(uploads.map((request) => request.file?.size)).toEqual([file.size, file.size])
  })
})

describe('broken answers', () => {
  it('errors the audio stream when the connection drops mid-body — never a truncated success', async () => {
    const audio = await emu.client().speech({ ...speak, headers: fault('reset-mid-body') })
    const error = await caught(audio.arrayBuffer())
    expect(error).toBeInstanceOf(ConnectionError)
    expect(speechRequests()).toHaveLength(1)
  })

  it('reports an HTML error page plainly', async () => {
    const error = await caught(emu.client({ maxRetries: 0 }).speech({ ...speak, headers: fault('html-error') }))
    expect(error).toMatchObject({ name: 'APIError', status: 502 })
    expect(error.message).toMatch(/HTML/)
  })

  it('keeps the text of a malformed JSON error', async () => {
    const error = (await caught(emu.client({ maxRetries: 0 }).speech({ ...speak, headers: fault('malformed-json') }))) as APIError
    expect(error).toMatchObject({ name: 'APIError', status: 500 })
    expect(error.body).toBeTruthy()
  })

  it.each([['size-error-400', 400], ['size-error-500', 500]] as const)(
    'recognizes the proxy’s file-size error (%s) as FileTooLargeError',
    async (spec, status) => {
      const error = await caught(emu.client().transcription({ model: 'whisper', file: await wav(), headers: fault(spec) }))
      expect(error).toBeInstanceOf(FileTooLargeError)
      expect(error).toMatchObject({ status, maxFileSizeMB: 1 })
      expect(error.message).toMatch(/^File size is too large\. Please check your file size\. Passed file size: [\d.e+-]+ MB\. Max file size: 1\.0 MB$/)
    },
  )

  it('gets the same FileTooLargeError from a real max_file_size_mb limit on the proxy', async () => {
    const file = new Blob([await wav(), new Uint8Array(1024 * 1024)], { type: 'audio/wav' })
    const error = await caught(emu.client().transcription({ model: 'whisper-small', file, maxRetries: 0 }))
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect((error as FileTooLargeError).fileSizeMB).toBeCloseTo(file.size / 1024 / 1024, 10)
  })

  it('refuses to resend a streamed upload to a redirect, saying why, after one request', async () => {
    const error = await caught(emu.client().transcription({ model: 'whisper', file: await wav(), headers: fault('redirect') }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/redirected the upload.*baseURL/)
    expect(emu.emulator.requests.filter((request) => request.path.endsWith('/transcriptions'))).toHaveLength(1)
  })

  it('follows a redirect for speech', async () => {
    const audio = await emu.client().speech({ ...speak, headers: fault('redirect') })
    expect(audio.mediaType).toBe('audio/wav')
    // Sent with redirect: 'error', then again with 'manual' to see the target, then to the target.
    expect(speechRequests()).toHaveLength(3)
  })
})

describe('timeouts and aborts', () => {
  it('times out while waiting for headers', async () => {
    const started = Date.now()
    const error = await caught(emu.client({ timeout: 300 }).speech({ ...speak, headers: fault('slow-headers:3000') }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('times out while the body is still arriving', async () => {
    const audio = await emu.client({ timeout: 500 }).speech({ ...speak, headers: fault('slow-body:3000') })
    const error = await caught(audio.arrayBuffer())
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('rejects with AbortError, without retrying, when the caller aborts before the headers', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = await caught(emu.client().speech({ ...speak, signal: controller.signal, headers: fault('slow-headers:3000') }))
    expect(error.name).toBe('AbortError')
    expect(speechRequests()).toHaveLength(1)
  })

  it('errors the stream with AbortError when the caller aborts mid-body', async () => {
    const controller = new AbortController()
    const audio = await emu.client().speech({ ...speak, signal: controller.signal, headers: fault('slow-body:3000') })
    setTimeout(() => controller.abort(), 100)
    expect((await caught(audio.arrayBuffer())).name).toBe('AbortError')
  })

  it('does not send anything when the signal is already aborted', async () => {
    const error = await caught(emu.client().speech({ ...speak, signal: AbortSignal.abort() }))
    expect(error.name).toBe('AbortError')
    expect(speechRequests()).toHaveLength(0)
  })

  it('aborts an upload in progress, and the server sees the connection close', async () => {
    const controller = new AbortController()
    const file = new Blob([await wav(), new Uint8Array(4 * 1024 * 1024)], { type: 'audio/wav' })
    emu.emulator.reset()
    const pending = emu.client().transcription({
      model: 'whisper', file, signal: controller.signal, headers: { 'x-emulator-upload-rate': String(1024 * 1024) },
    })
    setTimeout(() => controller.abort(), 300)
    expect((await caught(pending)).name).toBe('AbortError')
    await emu.emulator.waitForRequests(1)
    await expect.poll(() => emu.emulator.requests[0]?.completed).toBe(false)
  })
})
