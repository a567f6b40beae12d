// @ts-expect-error jsdom ships no type declarations and @types/jsdom is not installed
import { JSDOM } from 'jsdom'
import { afterEach, describe, expect, it } from 'vitest'
import { FileTooLargeError, InvalidRequestError } from '../../src/index.ts'
import { synthesizeSpeech } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
const proxy = () => emu.client({ maxRetries: 0 })
const { window } = new JSDOM('') as { window: { File: typeof File } }
afterEach(() => emu.emulator.reset())

const spoken = async (text: string, format: 'wav' | 'mp3' = 'wav') => (await synthesizeSpeech(text, format)).bytes

describe('audio from another realm', () => {
  it('transcribes a jsdom File: a Blob of another realm, judged by its shape', async () => {
    const file = new window.File([(await spoken('From another realm')) as BlobPart], 'clip.wav', { type: 'audio/wav' })
    expect(file instanceof Blob).toBe(false)
    const result = await proxy().transcription({ model: 'whisper', file })
    expect(result.text).toBe('From another realm')
    expect(emu.emulator.requests[0]!.file).toMatchObject({ filename: 'clip.wav', mimeType: 'audio/wav' })
  })

  it('transcribes a Blob-like object with only size, type and arrayBuffer', async () => {
    const bytes = await spoken('Shaped like a blob')
    const native = new Blob([bytes as BlobPart], { type: 'audio/wav' })
    const blobLike = { size: native.size, type: native.type, arrayBuffer: native.arrayBuffer.bind(native) }
    const result = await proxy().transcription({ model: 'whisper', file: blobLike as unknown as Blob })
    expect(result.text).toBe('Shaped like a blob')
  })

  it('sniffs the format of untyped bytes (mp3 here) before anything is refused', async () => {
    const bytes = await spoken('Untyped bytes', 'mp3')
    const result = await proxy().transcription({ model: 'whisper', file: bytes.slice().buffer })
    expect(result.text).toBe('Untyped bytes')
    expect(emu.emulator.requests[0]!.file).toMatchObject({ filename: 'audio.mp3', mimeType: 'audio/mpeg' })
  })
})

describe('the order of the file checks', () => {
  it('refuses a file too large before judging its format: FileTooLargeError wins over a type error', async () => {
    const unknownFormat = new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'application/x-unknown' })
    const error = await caught(proxy().transcription({ model: 'whisper', file: unknownFormat, maxFileSizeMB: 1 }))
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('refuses an unknown format of an acceptable size as a type error', async () => {
    const error = await caught(proxy().transcription({ model: 'whisper', file: new Uint8Array(64).fill(7), maxFileSizeMB: 1 }))
    expect(error).toMatchObject({ name: 'InvalidRequestError', field: 'file' })
    expect(error.message).toMatch(/^file: is not in a format servers accept .*got no type$/)
    expect(emu.emulator.requests).toHaveLength(0)
  })
})

describe('a wrong kind of value says what it got', () => {
  it.each([
    ['a string', 'clip.wav'],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['an object', new Int16Array(4)],
    ['an object', { size: 3 }],
  ])('file given %s', async (described, file) => {
    const error = await caught(proxy().transcription({ model: 'whisper', file: file as unknown as Blob }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error.message).toBe(`file: expected a Blob, File, ArrayBuffer or Uint8Array, got ${described}`)
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('a missing file is "required"', async () => {
    const error = await caught(proxy().transcription({ model: 'whisper' } as never))
    expect(error.message).toBe('file: is required')
  })

  it.each([
    ['input: must be a string, got a number', { model: 'tts', voice: 'alloy', input: 42 }],
    ['voice: must be a voice name or { id }, got a boolean', { model: 'tts', input: 'Hi', voice: true }],
    ['signal: must be an AbortSignal, got a string', { model: 'tts', input: 'Hi', voice: 'alloy', signal: 'stop' }],
    ['fetch: must be a function, got an object', { model: 'tts', input: 'Hi', voice: 'alloy', fetch: {} }],
  ])('%s', async (message, params) => {
    const error = await caught(proxy().speech(params as never))
    expect(error.message).toBe(message)
    expect(emu.emulator.requests).toHaveLength(0)
  })
})
