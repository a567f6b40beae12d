import { describe, expect, it } from 'vitest'
import { resolveDictationOptions } from '../../../src/dictation/options.ts'

describe('resolveDictationOptions: the whole recording’s format', () => {
  it('keeps WAV by default and for audio/wav, and asks MediaRecorder for any other type', () => {
    expect(resolveDictationOptions({ model: 'whisper' }).compressedType).toBeUndefined()
    expect(resolveDictationOptions({ model: 'whisper', mimeType: 'audio/wav' }).compressedType).toBeUndefined()
    expect(resolveDictationOptions({ model: 'whisper', mimeType: 'audio/x-wav' }).compressedType).toBeUndefined()
    expect(resolveDictationOptions({ model: 'whisper', mimeType: 'audio/webm;codecs=opus' }).compressedType).toBe('audio/webm;codecs=opus')
  })

  it('refuses an empty mimeType and a bitrate that is not a positive integer', () => {
    expect(() => resolveDictationOptions({ model: 'whisper', mimeType: ' ' })).toThrow(/mimeType/)
    expect(() => resolveDictationOptions({ model: 'whisper', mimeType: 'audio/webm', audioBitsPerSecond: 0 })).toThrow(/audioBitsPerSecond/)
    expect(() => resolveDictationOptions({ model: 'whisper', mimeType: 'audio/webm', audioBitsPerSecond: 1.5 })).toThrow(/audioBitsPerSecond/)
  })
})
