import { describe, expect, it } from 'vitest'
import { pcmToWav } from '../../../src/audio/wav.ts'
import { createPcmStream } from '../../../src/playback/pcm-stream.ts'
import { readWavHead } from '../../../src/playback/wav-head.ts'
import { levelOf } from '../../../src/record/input-level.ts'
import { extensionForRecording, pickRecordingFormat } from '../../../src/record/format.ts'
import { wrapWav } from '../../emulator/encode-wav.ts'

function samples(count: number): Int16Array {
  return Int16Array.from({ length: count }, (_, index) => ((index * 7919) % 65536) - 32768)
}

function bytesOf(values: Int16Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 2)
  const view = new DataView(bytes.buffer)
  values.forEach((value, index) => view.setInt16(index * 2, value, true))
  return bytes
}

/** Feeds `bytes` split at `cut` and at `cut2`, concatenating what comes out per channel. */
function decode(mediaType: string, bytes: Uint8Array, cuts: number[]) {
  const stream = createPcmStream(mediaType)
  const out: number[][] = []
  let rate = 0
  const edges = [0, ...cuts, bytes.length]
  for (let index = 0; index + 1 < edges.length; index++) {
    const frames = stream.push(bytes.slice(edges[index], edges[index + 1]))
    if (!frames) continue
    rate = frames.sampleRate
    frames.channels.forEach((channel, number) => (out[number] ??= []).push(...channel))
  }
  return { out, rate, declaredFrames: stream.declaredFrames, unsupported: stream.unsupported }
}

describe('streamed PCM decoding', () => {
  const mono = samples(101)
  const expected = Array.from(mono, (value) => value / 32768)

  it('decodes a WAV with a LIST chunk before its data split at every byte boundary, samples intact', () => {
    const wav = wrapWav(bytesOf(mono), { formatTag: 1, sampleRate: 22050, bitsPerSample: 16 }, 'a tagged clip')
    for (let cut = 0; cut <= wav.length; cut++) {
      const { out, rate, declaredFrames } = decode('audio/wav', wav, [cut])
      expect(out[0], `cut at ${cut}`).toEqual(expected)
      expect(rate).toBe(22050)
      expect(declaredFrames).toBe(101)
    }
  })

  it('decodes raw stereo PCM with its layout from the media type, split in three anywhere', () => {
    const stereo = samples(2 * 40)
    const bytes = bytesOf(stereo)
    for (let first = 0; first <= bytes.length; first += 3) {
      for (let second = first; second <= bytes.length; second += 5) {
        const { out, rate } = decode('audio/L16;codec=pcm;rate=16000;channels=2', bytes, [first, second])
        expect(out[0]).toEqual(Array.from(stereo.filter((_, index) => index % 2 === 0), (value) => value / 32768))
        expect(out[1]).toEqual(Array.from(stereo.filter((_, index) => index % 2 === 1), (value) => value / 32768))
        expect(rate).toBe(16000)
      }
    }
  })

  it('reads OpenAI pcm as 24 kHz mono and a streamed WAV (size 0xFFFFFFFF) without a duration', () => {
    expect(decode('audio/pcm', bytesOf(mono), [3]).rate).toBe(24000)
    const wav = pcmToWav([bytesOf(mono)], { sampleRate: 24000, channels: 1, bitsPerSample: 16 })
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true)
    const { out, declaredFrames } = decode('audio/wav', wav, [50])
    expect(out[0]).toEqual(expected)
    expect(declaredFrames).toBeUndefined()
  })

  it('gives up on WAVs it cannot stream (8-bit, float) so the player falls back to the whole clip', () => {
    const eightBit = wrapWav(new Uint8Array(10), { formatTag: 1, sampleRate: 8000, bitsPerSample: 8 }, '')
    expect(decode('audio/wav', eightBit, []).unsupported).toBe(true)
    const float = wrapWav(new Uint8Array(16), { formatTag: 3, sampleRate: 8000, bitsPerSample: 32 } as never, '')
    expect(readWavHead(float)).toBeUndefined()
    expect(readWavHead(new TextEncoder().encode('RIFF'))).toBe('more')
    expect(readWavHead(new TextEncoder().encode('ID3\u0004 not a wav at all'))).toBeUndefined()
  })
})

describe('recording formats', () => {
  it('picks webm/opus in Chromium, mp4 (.m4a) in Safari, ogg in old Firefox, nothing without MediaRecorder support', () => {
    const chromium = ['audio/webm;codecs=opus', 'audio/webm']
    const safari = ['audio/mp4', 'audio/mp4;codecs=mp4a.40.2']
    expect(pickRecordingFormat((type) => chromium.includes(type))).toEqual({ mimeType: 'audio/webm;codecs=opus', extension: 'webm' })
    expect(pickRecordingFormat((type) => safari.includes(type))).toEqual({ mimeType: 'audio/mp4;codecs=mp4a.40.2', extension: 'm4a' })
    expect(pickRecordingFormat((type) => type === 'audio/ogg;codecs=opus')).toEqual({ mimeType: 'audio/ogg;codecs=opus', extension: 'ogg' })
    expect(pickRecordingFormat(() => false)).toBeUndefined()
    expect(extensionForRecording('audio/mp4;codecs=avc1')).toBe('m4a')
    expect(extensionForRecording('audio/webm;codecs=opus')).toBe('webm')
  })

  it('maps RMS to a 0..1 meter: silence 0, -60 dBFS 0, -30 dBFS 0.5, full scale 1', () => {
    expect(levelOf(new Float32Array(64))).toBe(0)
    expect(levelOf(new Float32Array(64).fill(0.001))).toBeCloseTo(0, 5)
    expect(levelOf(new Float32Array(64).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5, 5)
    expect(levelOf(new Float32Array(64).fill(1))).toBe(1)
    expect(levelOf(new Float32Array(64).fill(-1))).toBe(1)
  })
})
