// What the client does against a proxy persona that behaves like LiteLLM's (test/fidelity/proxy.test.ts
// checks the persona against LiteLLM's source): issue 9, points 1 to 4.
import { describe, expect, it } from 'vitest'
import { APIError, FileTooLargeError } from '../../src/index.ts'
import { parseWavText } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()

describe('a proxy alias is opaque', () => {
  it('1. sends a Gemini alias no format, and gets its WAV, labelled by the bytes (the seed’s example)', async () => {
    const audio = await emu.client().speech({ model: 'gemini-tts', input: 'Hello from a Gemini alias', voice: 'Kore' })
    expect(emu.emulator.requests[0]?.json).toEqual({ model: 'gemini-tts', input: 'Hello from a Gemini alias', voice: 'Kore' })
    expect(audio.headers.get('content-type')).toBe('audio/mpeg')
    expect(audio.mediaType).toBe('audio/wav')
    expect(audio.format).toBe('wav')
    expect(parseWavText(new Uint8Array(await audio.arrayBuffer()))).toBe('Hello from a Gemini alias')
  })

  it('1. sends the format the caller asks for, and reports LiteLLM’s refusal of mp3 for a Gemini alias as it is', async () => {
    const error = await caught(emu.client({ maxRetries: 0 }).speech({ model: 'gemini-tts', input: 'Hi', voice: 'Kore', response_format: 'mp3' }))
    expect(emu.emulator.requests[0]?.json).toMatchObject({ response_format: 'mp3' })
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({
      status: 400,
      code: '400',
      message: "400 litellm.BadRequestError: Gemini TTS only produces raw PCM16 audio, so response_format='mp3' is not supported. Supported response formats: pcm, wav.",
    })
  })

  it.each([
    ['pcm', 'audio/pcm'],
    ['wav', 'audio/wav'],
    ['flac', 'audio/flac'],
    ['mp3', 'audio/mpeg'],
  ] as const)('2. labels %s as %s although the proxy says audio/mpeg', async (format, mediaType) => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Labelled by its bytes', voice: 'alloy', response_format: format })
    expect(audio.headers.get('content-type')).toBe('audio/mpeg')
    expect(audio.mediaType).toBe(mediaType)
    expect(audio.format).toBe(format)
    expect((await audio.blob()).type).toBe(mediaType)
  })

  it('2. gets a Gemini alias’s raw PCM as audio/pcm', async () => {
    const audio = await emu.client().speech({ model: 'gemini-tts', input: 'Raw samples', voice: 'Kore', response_format: 'pcm' })
    expect(audio.mediaType).toBe('audio/pcm')
  })

  it('3. keeps the proxy’s own file-size message, Python floats and all', async () => {
    const file = new Blob([new Uint8Array(1_500_000)], { type: 'audio/wav' })
    const error = await caught(emu.client({ maxRetries: 0 }).transcription({ model: 'whisper-small', file }))
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(error).toMatchObject({
      status: 500,
      fileSizeMB: 1.430511474609375,
      maxFileSizeMB: 1,
      message: 'File size is too large. Please check your file size. Passed file size: 1.430511474609375 MB. Max file size: 1.0 MB',
    })
  })

  it('3. refuses the seed’s 1.5 MB file client-side with the message the proxy would give', async () => {
    const file = new Blob([new Uint8Array(1_572_864)], { type: 'audio/wav' })
    const error = await caught(emu.client({ maxFileSizeMB: 1 }).transcription({ model: 'whisper', file }))
    expect(error.message).toBe('File size is too large. Please check your file size. Passed file size: 1.5 MB. Max file size: 1.0 MB')
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('4. sends a proxy alias more than 4096 characters: the proxy and its model decide', async () => {
    const input = `${'A long reading. '.repeat(300)}The end.`
    expect(input.length).toBeGreaterThan(4096)
    const audio = await emu.client().speech({ model: 'gemini-tts', input, voice: 'Kore' })
    expect(emu.emulator.requests[0]?.json).toMatchObject({ input })
    expect(audio.mediaType).toBe('audio/wav')
  })

  it('4. lets the proxy’s OpenAI model refuse what OpenAI refuses, as an APIError', async () => {
    const error = await caught(emu.client({ maxRetries: 0 }).speech({ model: 'tts', input: 'x'.repeat(4097), voice: 'alloy' }))
    expect(error).toMatchObject({ name: 'APIError', status: 400 })
    expect(error.message).toContain('Expected a string with maximum length 4096')
  })
})
