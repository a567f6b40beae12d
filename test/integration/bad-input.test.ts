import { afterEach, describe, expect, it } from 'vitest'
import { assertInputLength } from '../../src/pipeline/limits.ts'
import { createClient, InvalidRequestError } from '../../src/index.ts'
import { useEmulator } from './setup.ts'

// Every case runs against a live emulator; after each one the emulator must have seen no
// request at all, which proves the check ran before the network.
const emu = useEmulator()
const proxy = () => emu.client({ maxRetries: 0 })
afterEach(() => {
  expect(emu.emulator.requests).toHaveLength(0)
})
const speak = { model: 'tts', input: 'Hello', voice: 'alloy' }
const audio = new Blob([new Uint8Array(64)], { type: 'audio/wav' })
const listen = { model: 'whisper', file: audio }

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(InvalidRequestError)
  return error as InvalidRequestError
}

describe('bad speech input is refused before any request', () => {
  it.each([
    ['input', { ...speak, input: '' }],
    // openai/openai-openapi CreateSpeechRequest: input maxLength 4096 (a proxy alias has no client-side limit).
    ['input', { ...speak, model: 'openai/tts-1', input: 'x'.repeat(4097) }],
    ['input', { ...speak, input: 42 }],
    ['model', { ...speak, model: '' }],
    ['model', { input: 'Hi', voice: 'alloy' }],
    ['voice', { model: 'tts', input: 'Hi' }],
    ['voice', { ...speak, voice: '' }],
    ['response_format', { ...speak, response_format: 'ogg' }],
    ['speed', { ...speak, speed: 0.1 }],
    ['speed', { ...speak, speed: 4.5 }],
    ['speed', { ...speak, speed: Number.NaN }],
    ['timeout', { ...speak, timeout: -1 }],
    ['maxRetries', { ...speak, maxRetries: 1.5 }],
    ['signal', { ...speak, signal: 'stop' }],
    ['respones_format', { ...speak, respones_format: 'wav' }],
    ['baseURL', { ...speak, baseURL: 'proxy.local' }],
  ])('names %s', async (field, params) => {
    expect((await rejection(proxy().speech(params as never))).field).toBe(field)
  })

  it('counts characters, not UTF-16 units, against the 4096 limit', () => {
    const emoji = '🔊'.repeat(4096)
    expect(emoji.length).toBe(8192)
    expect(() => assertInputLength(emoji, 4096)).not.toThrow()
    expect(() => assertInputLength(`${emoji}!`, 4096)).toThrow(InvalidRequestError)
  })
})

describe('bad transcription input is refused before any request', () => {
  it.each([
    ['file', { model: 'whisper' }],
    ['file', { ...listen, file: 'clip.wav' }],
    ['file', { ...listen, file: new Blob([]) }],
    ['file', { ...listen, file: new Blob(['plain text'], { type: 'text/plain' }) }],
    ['temperature', { ...listen, temperature: 1.5 }],
    ['response_format', { ...listen, response_format: 'xml' }],
    ['timestamp_granularities', { ...listen, timestamp_granularities: ['word'] }],
    ['timestamp_granularities[0]', { ...listen, response_format: 'verbose_json', timestamp_granularities: ['char'] }],
    ['language', { ...listen, language: 'English' }],
    ['onUploadProgress', { ...listen, onUploadProgress: true }],
    ['maxFileSizeMB', { ...listen, maxFileSizeMB: 0 }],
  ])('names %s', async (field, params) => {
    expect((await rejection(proxy().transcription(params as never))).field).toBe(field)
  })

  it('gives the proxy its exact file-size message before sending', async () => {
    const big = new Blob([new Uint8Array(1_572_864)], { type: 'audio/wav' })
    await expect(proxy().transcription({ ...listen, file: big, maxFileSizeMB: 1 })).rejects.toMatchObject({
      name: 'FileTooLargeError',
      message: 'File size is too large. Please check your file size. Passed file size: 1.5 MB. Max file size: 1.0 MB',
      fileSizeMB: 1.5,
      maxFileSizeMB: 1,
      status: undefined,
    })
  })

  it('applies OpenAI’s 25 MB limit to openai/ models', async () => {
    const big = new Blob([new Uint8Array(25 * 1024 * 1024 + 1)], { type: 'audio/wav' })
    await expect(
      proxy().transcription({ model: 'openai/whisper-1', file: big, baseURL: `${emu.emulator.url}/openai/v1` }),
    ).rejects.toMatchObject({ name: 'FileTooLargeError', maxFileSizeMB: 25 })
  })
})

describe('client options', () => {
  it.each([
    ['baseURL', { baseURL: 'ftp://files.test' }],
    ['apiKey', { apiKey: '' }],
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: 3_000_000_000 }],
    ['maxRetries', { maxRetries: -1 }],
    ['maxRetries', { maxRetries: 11 }],
    ['fetch', { fetch: 'fetch' }],
    ['headers.x-a', { headers: { 'x-a': 1 } }],
    ['dangerouslyAllowBrowser', { dangerouslyAllowBrowser: 'yes' }],
    ['modelList[0].litellm_params.model', { modelList: [{ model_name: 'tts', litellm_params: {} }] }],
    ['apiKeys', { apiKeys: ['a'] }],
  ])('names %s', (field, options) => {
    expect(() => createClient(options as never)).toThrow(expect.objectContaining({ name: 'InvalidRequestError', field }))
  })

  it('refuses a non-object', () => {
    expect(() => createClient('http://proxy' as never)).toThrow(expect.objectContaining({ field: 'options' }))
  })
})
