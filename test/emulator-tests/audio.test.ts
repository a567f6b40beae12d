import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeAudio, MAX_SPOKEN_CHARACTERS, parseWavText, readWav, synthesizeSpeech } from '../emulator/index.ts'
import { hasSox, plainWav, soxDecode, soxi } from './helpers.ts'

const SENTENCE = 'Audio fixtures are real speech.'

describe('emulator audio', () => {
  it('writes a WAV whose INFO chunk holds the text, unicode included', async () => {
    const text = 'Grüße aus Köln, naïve café.'
    const { bytes, duration, samples } = await synthesizeSpeech(text, 'wav', { voice: 'echo' })
    expect(parseWavText(bytes)).toBe(text)
    expect(readWav(bytes)).toMatchObject({ formatTag: 1, sampleRate: 24000, bitsPerSample: 16, channels: 1, dataSize: samples.length * 2 })
    expect(duration).toBeGreaterThan(0.3)
    expect(samples.some((sample) => Math.abs(sample) > 2000)).toBe(true)
    if (hasSox) expect(Number(soxi(bytes, 'wav', 'D'))).toBeCloseTo(duration, 2)
  })

  it('reads nothing out of WAVs it did not make', () => {
    expect(parseWavText(plainWav(new Int16Array(100), 24000))).toBeUndefined()
    expect(parseWavText(new TextEncoder().encode('not a wav file at all'))).toBeUndefined()
  })

  it('encodes FLAC losslessly (sox decodes the exact samples)', async () => {
    const { bytes, samples } = await synthesizeSpeech(SENTENCE, 'flac')
    expect(describeAudio(bytes, bytes.subarray(-10), bytes.length, 'a.flac')).toMatchObject({ format: 'flac', text: SENTENCE })
    if (!hasSox) return
    expect(soxi(bytes, 'flac', 'r')).toBe('24000')
    expect(Array.from(soxDecode(bytes, 'flac'))).toEqual(Array.from(samples))
  })

  it('encodes mp3 that sox decodes to about the same length, text and duration in ID3', async () => {
    const { bytes, duration } = await synthesizeSpeech(SENTENCE, 'mp3')
    const described = describeAudio(bytes, bytes.subarray(-10), bytes.length, 'x.mp3')
    expect(described).toMatchObject({ format: 'mp3', text: SENTENCE })
    expect(described.duration).toBeCloseTo(duration, 3)
    if (hasSox) expect(Math.abs(Number(soxi(bytes, 'mp3', 'D')) - duration)).toBeLessThan(0.2)
  })

  it('describes foreign files by their headers', () => {
    if (!hasSox) return
    const wav = join(tmpdir(), `voxfetch-foreign-${process.pid}.wav`)
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', wav, 'synth', '1.5', 'sine', '440'])
    const flac = wav.replace(/\.wav$/, '.flac')
    const mp3 = wav.replace(/\.wav$/, '.mp3')
    execFileSync('sox', [wav, flac])
    execFileSync('sox', [wav, '-C', '64', mp3])
    for (const [path, format] of [[wav, 'wav'], [flac, 'flac'], [mp3, 'mp3']] as const) {
      const bytes = readFileSync(path)
      const described = describeAudio(bytes, bytes.subarray(-64), bytes.length, path)
      expect(described.format).toBe(format)
      expect(described.text).toBeUndefined()
      expect(described.duration).toBeCloseTo(1.5, format === 'mp3' ? 0 : 2)
    }
    expect(describeAudio(Buffer.from('OggS\0\0'), Buffer.alloc(0), 6, 'a.ogg').format).toBe('ogg')
    expect(describeAudio(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(0), 4, 'a.webm').format).toBe('webm')
  })

  it('speaks only the start of a long input but embeds all of it', async () => {
    const text = 'Long inputs are spoken only in part. '.repeat(111).slice(0, 4096)
    const { bytes, duration } = await synthesizeSpeech(text, 'wav')
    expect(parseWavText(bytes)).toBe(text)
    expect(duration).toBeGreaterThan(5)
    expect(duration).toBeLessThan(40)
    expect(MAX_SPOKEN_CHARACTERS).toBe(300)
  })

  it('changes rate with speed', async () => {
    const normal = await synthesizeSpeech(SENTENCE, 'pcm')
    const fast = await synthesizeSpeech(SENTENCE, 'pcm', { speed: 2 })
    expect(fast.duration).toBeLessThan(normal.duration * 0.75)
  })
})
