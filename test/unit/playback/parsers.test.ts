import { describe, expect, it } from 'vitest'
import { pcmToWav } from '../../../src/audio/wav.ts'
import { createPcmStream } from '../../../src/playback/pcm-stream.ts'
import { createWavHeadReader } from '../../../src/playback/wav-head.ts'

const readWavHead = (bytes: Uint8Array) => createWavHeadReader().push(bytes)
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

describe('hostile WAV headers', () => {
  /** A canonical header with the fields given, whatever they are (the writer would refuse them). */
  function rawHeader(channels: number, sampleRate: number, bitsPerSample: number): Uint8Array {
    const header = pcmToWav([new Uint8Array(0)])
    const view = new DataView(header.buffer)
    view.setUint16(22, channels, true)
    view.setUint32(24, sampleRate, true)
    view.setUint16(34, bitsPerSample, true)
    view.setUint32(40, 0xffffffff, true)
    return header.subarray(0, 44)
  }

  it.each([
    ['0 channels', 0, 24_000, 16],
    ['0 Hz', 1, 0, 16],
    ['65535 channels', 65_535, 24_000, 16],
    ['a 4 GHz rate', 1, 0xffffffff, 16],
    ['12 bits', 1, 24_000, 12],
  ])('are refused, never decoded: %s', (_name, channels, rate, bits) => {
    // Before, 0 channels made each frame 0 bytes and the decoding loop endless.
    const { out, unsupported } = decode('audio/wav', new Uint8Array([...rawHeader(channels, rate, bits), ...new Uint8Array(64)]), [44])
    expect(unsupported).toBe(true)
    expect(out).toEqual([])
  })

  it('are parsed in linear time: 24 MiB of LIST before the data, in 16 KiB pieces, are skipped, not kept', () => {
    const mono = samples(1000)
    const wav = pcmToWav([bytesOf(mono)], { sampleRate: 24_000, channels: 1, bitsPerSample: 16 })
    const list = 24 * 1024 * 1024
    const stream = createPcmStream('audio/wav')
    const started = performance.now()
    stream.push(wav.subarray(0, 36))
    const listHead = new Uint8Array(8)
    listHead.set([0x4c, 0x49, 0x53, 0x54])
    new DataView(listHead.buffer).setUint32(4, list, true)
    stream.push(listHead)
    const piece = new Uint8Array(16 * 1024)
    for (let sent = 0; sent < list; sent += piece.byteLength) expect(stream.push(piece)).toBeUndefined()
    const frames = stream.push(wav.subarray(36))
    const elapsed = performance.now() - started
    expect(frames?.channels[0]).toEqual(Float32Array.from(mono, (value) => value / 32768))
    expect(stream.unsupported).toBe(false)
    // Joining each piece to all before it took over 10 s; skipping takes milliseconds.
    expect(elapsed).toBeLessThan(2_000)
  })

  it('are read the same one byte at a time, a long header included', () => {
    const mono = samples(50)
    const tagged = wrapWav(bytesOf(mono), { formatTag: 1, sampleRate: 16_000, bitsPerSample: 16 }, 'x'.repeat(64 * 1024))
    const { out, rate } = decode('audio/wav', tagged, Array.from({ length: tagged.length }, (_, index) => index))
    expect(out[0]).toEqual(Array.from(mono, (value) => value / 32768))
    expect(rate).toBe(16_000)
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
