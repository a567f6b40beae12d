import { describe, expect, it } from 'vitest'
import { APIError } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught, fault, useEmulator } from './setup.ts'

// openai/openai-node src/client.ts (shouldRetry): `x-should-retry: true|false` is obeyed before
// the status rules. The emulator sends it when asked with `x-emulator-should-retry`.
const emu = useEmulator()
const speak = { model: 'tts', input: 'Retry or not', voice: 'alloy', response_format: 'wav' } as const
const speechRequests = () => emu.emulator.requests.filter((request) => request.path.endsWith('/audio/speech'))

describe('x-should-retry', () => {
  it('does not retry a 503 the server marks x-should-retry: false', async () => {
    const error = await caught(emu.client().speech({ ...speak, headers: { ...fault('503'), 'x-emulator-should-retry': 'false' } }))
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ status: 503, retryable: false })
    expect((error as APIError).headers?.get('x-should-retry')).toBe('false')
    expect(speechRequests()).toHaveLength(1)
  })

  it('retries a 404 the server marks x-should-retry: true, then succeeds', async () => {
    const audio = await emu.client().speech({ ...speak, headers: { ...fault('404', 1), 'x-emulator-should-retry': 'true' } })
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(44)
    expect(speechRequests().map((request) => request.status)).toEqual([404, 200])
  })

  it('retries a transcription upload the OpenAI persona marks retryable, and stops at maxRetries', async () => {
    const client = emu.client({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, maxRetries: 1 })
    const file = new Blob([new Uint8Array(2000)], { type: 'audio/wav' })
    const error = await caught(client.transcription({
      model: 'whisper-1', file, headers: { ...fault('413'), 'x-emulator-should-retry': 'true' },
    }))
    expect(error).toMatchObject({ status: 413, retryable: true })
    expect(emu.emulator.requests.filter((request) => request.path.endsWith('/transcriptions'))).toHaveLength(2)
  })

  it('keeps the status rules when the header is absent', async () => {
    const error = await caught(emu.client({ maxRetries: 1 }).speech({ ...speak, headers: fault('503') }))
    expect(error).toMatchObject({ status: 503, retryable: true })
    expect(speechRequests()).toHaveLength(2)
  })
})
