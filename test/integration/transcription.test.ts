import { describe, expect, it } from 'vitest'
import type { UploadProgress } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { useEmulator } from './setup.ts'

const emu = useEmulator()

async function spokenWav(text: string): Promise<Blob> {
  const audio = await emu.client().speech({ model: 'tts', input: text, voice: 'alloy', response_format: 'wav' })
  return audio.blob()
}

describe('transcription through a LiteLLM proxy', () => {
  it('round-trips speech: the WAV it spoke comes back as text', async () => {
    const file = await spokenWav('The quick brown fox')
    const result = await emu.client().transcription({ model: 'whisper', file })
    expect(result.text).toBe('The quick brown fox')
    expect(result.format).toBe('json')
    const request = emu.emulator.requests.at(-1)!
    expect(request.path).toBe('/v1/audio/transcriptions')
    expect(request.file).toMatchObject({ fieldName: 'file', filename: 'audio.wav', mimeType: 'audio/wav', size: file.size })
    expect(request.fields).toMatchObject({ model: 'whisper', response_format: 'json' })
  })

  it('returns segments, language and duration for verbose_json', async () => {
    const file = await spokenWav('Segments please')
    const result = await emu.client().transcription({
      model: 'whisper', file, response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'], language: 'en',
    })
    expect(result.text).toBe('Segments please')
    expect(result.duration).toBeGreaterThan(0.3)
    expect(result.segments?.length).toBeGreaterThan(0)
    expect(result.words?.length).toBeGreaterThan(0)
    expect(emu.emulator.requests.at(-1)!.fields).toMatchObject({ 'timestamp_granularities[]': ['word', 'segment'], language: 'en' })
  })

  it.each(['text', 'srt', 'vtt'] as const)('unwraps the proxy’s JSON-wrapped %s answer into text', async (format) => {
    const file = await spokenWav('Wrapped answer')
    const result = await emu.client().transcription({ model: 'whisper', file, response_format: format })
    expect(result.text).toContain('Wrapped answer')
    expect(result.raw).toMatchObject({ text: result.text })
  })

  it('keeps a File’s own name and derives one for bytes without a name', async () => {
    const wav = await spokenWav('Named file')
    await emu.client().transcription({ model: 'whisper', file: new File([wav], 'memo.wav', { type: 'audio/wav' }) })
    expect(emu.emulator.requests.at(-1)!.file?.filename).toBe('memo.wav')
    await emu.client().transcription({ model: 'whisper', file: new Uint8Array(await wav.arrayBuffer()) })
    expect(emu.emulator.requests.at(-1)!.file).toMatchObject({ filename: 'audio.wav', mimeType: 'audio/wav' })
    await emu.client().transcription({ model: 'whisper', file: new Blob([wav], { type: 'audio/webm;codecs=opus' }) })
    expect(emu.emulator.requests.at(-1)!.file).toMatchObject({ filename: 'audio.webm' })
  })

  it('reports upload progress that rises to exactly 100 %', async () => {
    const file = new Blob([await spokenWav('Progress'), new Uint8Array(3 * 1024 * 1024)], { type: 'audio/wav' })
    const events: UploadProgress[] = []
    await emu.client().transcription({ model: 'whisper', file, onUploadProgress: (progress) => events.push(progress) })
    expect(events.length).toBeGreaterThan(1)
    expect(events.at(-1)).toMatchObject({ percent: 100 })
    expect(events.at(-1)!.loaded).toBe(events.at(-1)!.total)
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThan(events[i - 1]!.loaded)
  })
})

describe('transcription straight to OpenAI', () => {
  it.each([
    ['text', 'Plain text'],
    ['srt', '-->'],
    ['vtt', 'WEBVTT'],
  ] as const)('reads a plain-text %s answer', async (format, expected) => {
    const file = await spokenWav('Plain text')
    const result = await emu.client().transcription({
      model: 'openai/whisper-1', file, response_format: format, baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai,
    })
    expect(result.text).toContain(expected)
    expect(typeof result.raw).toBe('string')
    expect(emu.emulator.requests.at(-1)!.persona).toBe('openai')
  })
})
