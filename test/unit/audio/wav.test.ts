import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeBase64, decodeBase64WithTable, encodeBase64Url } from '../../../src/util/base64.ts'
import { parsePcmMediaType, pcmToWav, wavToPcm } from '../../../src/audio/wav.ts'

afterEach(() => vi.unstubAllGlobals())

const header = (wav: Uint8Array) => {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength)
  const ascii = (offset: number) => String.fromCharCode(...wav.subarray(offset, offset + 4))
  return {
    riff: ascii(0), riffSize: view.getUint32(4, true), wave: ascii(8), fmt: ascii(12), fmtSize: view.getUint32(16, true),
    formatTag: view.getUint16(20, true), channels: view.getUint16(22, true), sampleRate: view.getUint32(24, true),
    byteRate: view.getUint32(28, true), blockAlign: view.getUint16(32, true), bits: view.getUint16(34, true),
    data: ascii(36), dataSize: view.getUint32(40, true),
  }
}

describe('WAV wrapping of raw PCM', () => {
  it('writes a canonical 44-byte header whose sizes match the samples', () => {
    const pcm = new Uint8Array(48_000).map((_, index) => index % 251)
    const wav = pcmToWav([pcm])
    expect(wav.byteLength).toBe(44 + 48_000)
    expect(header(wav)).toEqual({
      riff: 'RIFF', riffSize: 36 + 48_000, wave: 'WAVE', fmt: 'fmt ', fmtSize: 16, formatTag: 1, channels: 1,
      sampleRate: 24_000, byteRate: 48_000, blockAlign: 2, bits: 16, data: 'data', dataSize: 48_000,
    })
    expect(wav.subarray(44)).toEqual(pcm)
  })

  it('takes rate and channels from the layout and joins chunks in order', () => {
    const wav = pcmToWav([new Uint8Array([1, 2, 3, 4]), new Uint8Array([5, 6, 7, 8])], { sampleRate: 16_000, channels: 2, bitsPerSample: 16 })
    expect(header(wav)).toMatchObject({ channels: 2, sampleRate: 16_000, byteRate: 64_000, blockAlign: 4, dataSize: 8, riffSize: 44 })
    expect([...wav.subarray(44)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('pads an odd data chunk to a word boundary, counted in the RIFF size only', () => {
    const wav = pcmToWav([new Uint8Array([1, 2, 3])])
    expect(wav.byteLength).toBe(48)
    expect(header(wav)).toMatchObject({ dataSize: 3, riffSize: 40 })
  })

  it('reads the samples back, skipping extra chunks', () => {
    const wav = pcmToWav([new Uint8Array([9, 8, 7, 6])], { sampleRate: 22_050, channels: 1, bitsPerSample: 16 })
    const withList = new Uint8Array(wav.byteLength + 12)
    withList.set(wav.subarray(0, 36))
    withList.set([0x4c, 0x49, 0x53, 0x54, 4, 0, 0, 0, 0x49, 0x4e, 0x46, 0x4f], 36) // LIST, 4 bytes: INFO
    withList.set(wav.subarray(36), 48)
    expect(wavToPcm(withList)).toEqual({ pcm: new Uint8Array([9, 8, 7, 6]), format: { sampleRate: 22_050, channels: 1, bitsPerSample: 16 } })
    expect(wavToPcm(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBeUndefined()
  })
})

describe('PCM MIME types', () => {
  it.each([
    ['audio/L16;codec=pcm;rate=24000', { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }],
    ['audio/L16;codec=pcm;rate=16000', { sampleRate: 16_000, channels: 1, bitsPerSample: 16 }],
    ['audio/l16; rate=44100; channels=2', { sampleRate: 44_100, channels: 2, bitsPerSample: 16 }],
    ['audio/L16', { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }],
    ['audio/pcm', { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }],
    ['audio/L24;rate=48000', { sampleRate: 48_000, channels: 1, bitsPerSample: 24 }],
    ['audio/L16;rate=abc', { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }],
  ])('%s', (mediaType, format) => {
    expect(parsePcmMediaType(mediaType)).toEqual(format)
  })

  it('is undefined for containers', () => {
    expect(parsePcmMediaType('audio/wav')).toBeUndefined()
    expect(parsePcmMediaType('audio/mpeg')).toBeUndefined()
  })
})

describe('base64 decoding', () => {
  const sample = (size: number) => new Uint8Array(size).map((_, index) => (index * 7919 + (index >> 8)) & 255)
  const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

  it('decodes every length and padding correctly on the table path', () => {
    for (let size = 0; size < 70; size++) {
      const bytes = sample(size)
      const text = toBase64(bytes)
      expect(decodeBase64WithTable(text)).toEqual(bytes)
      expect(decodeBase64WithTable(text.replace(/=+$/, ''))).toEqual(bytes)
      expect(decodeBase64WithTable(Buffer.from(bytes).toString('base64url'))).toEqual(bytes)
    }
  })

  it('ignores whitespace and refuses foreign characters on the table path', () => {
    expect(decodeBase64WithTable('SGVs\nbG8g\r\nd29y bGQ=')).toEqual(new TextEncoder().encode('Hello world'))
    expect(() => decodeBase64WithTable('SGVs*G8=')).toThrow(TypeError)
    expect(() => decodeBase64WithTable('SGVsb')).toThrow(TypeError)
    expect(() => decodeBase64WithTable('SG=s')).toThrow(TypeError)
  })

  // A 10-minute Gemini clip: 24 kHz × 2 bytes × 600 s of PCM, ~38 MB of base64.
  const large = sample(28_800_000)
  const largeText = toBase64(large)

  it('decodes a 10-minute clip on the table path (no native decoder, no Buffer), quickly', () => {
    vi.stubGlobal('Buffer', undefined)
    const started = performance.now()
    const decoded = decodeBase64(largeText)
    const elapsed = performance.now() - started
    vi.unstubAllGlobals()
    expect(Buffer.compare(decoded, large)).toBe(0)
    // ~150 ms on an idle laptop-class core; the bound only catches an accidentally quadratic path.
    expect(elapsed).toBeLessThan(5_000)
  })

  it('decodes a 10-minute clip through Buffer where it exists, as a plain Uint8Array', () => {
    const decoded = decodeBase64(largeText)
    expect(decoded.constructor).toBe(Uint8Array)
    expect(Buffer.compare(decoded, large)).toBe(0)
  })

  it('uses Uint8Array.fromBase64 where the runtime has it', () => {
    const calls: unknown[] = []
    const native = (text: string, options: unknown) => {
      calls.push(options)
      return new Uint8Array(Buffer.from(text, 'base64'))
    }
    vi.stubGlobal('Buffer', undefined)
    Object.assign(Uint8Array, { fromBase64: native })
    try {
      expect(decodeBase64(largeText).byteLength).toBe(large.byteLength)
      expect(decodeBase64('SGk_')).toEqual(new Uint8Array([72, 105, 63]))
      expect(calls).toEqual([{ alphabet: 'base64', lastChunkHandling: 'loose' }, { alphabet: 'base64url', lastChunkHandling: 'loose' }])
    } finally {
      delete (Uint8Array as { fromBase64?: unknown }).fromBase64
    }
  })

  it('falls back when the native decoder refuses the input', () => {
    Object.assign(Uint8Array, { fromBase64: () => { throw new SyntaxError('bad') } })
    try {
      expect(decodeBase64('SGVsbG8=')).toEqual(new TextEncoder().encode('Hello'))
    } finally {
      delete (Uint8Array as { fromBase64?: unknown }).fromBase64
    }
  })
})

describe('base64url encoding', () => {
  it('matches Node for every length, without padding', () => {
    for (let size = 0; size < 40; size++) {
      const bytes = new Uint8Array(size).map((_, index) => (index * 37 + 250) & 255)
      expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
    }
  })
})
