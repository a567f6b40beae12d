import { describe, expect, it } from 'vitest'
import { extensionForMediaType, resolveMediaType, sniffMediaType } from '../../src/audio/media-type.ts'

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])))

describe('sniffMediaType', () => {
  it.each([
    ['audio/wav', bytes('RIFF', 0, 0, 0, 0, 'WAVE')],
    ['audio/mpeg', bytes('ID3', 4, 0)],
    ['audio/mpeg', bytes(0xff, 0xfb, 0x90, 0x64)],
    ['audio/aac', bytes(0xff, 0xf1, 0x50, 0x80)],
    ['audio/ogg', bytes('OggS', 0)],
    ['audio/flac', bytes('fLaC', 0)],
    ['audio/mp4', bytes(0, 0, 0, 0x20, 'ftypM4A ')],
    ['audio/webm', bytes(0x1a, 0x45, 0xdf, 0xa3)],
  ])('recognizes %s', (expected, head) => {
    expect(sniffMediaType(head)).toBe(expected)
  })

  it('says nothing about unknown or empty bytes', () => {
    expect(sniffMediaType(bytes('hello world'))).toBeUndefined()
    expect(sniffMediaType(new Uint8Array())).toBeUndefined()
  })
})

describe('resolveMediaType', () => {
  const wav = bytes('RIFF', 0, 0, 0, 0, 'WAVE')
  it('trusts the bytes over a contradicting label (older proxies say audio/mpeg for everything)', () => {
    expect(resolveMediaType('audio/mpeg', wav, 'wav')).toBe('audio/wav')
  })
  it('uses a specific header when the bytes are not recognizable (raw PCM)', () => {
    expect(resolveMediaType('audio/pcm', bytes(1, 2, 3, 4), 'pcm')).toBe('audio/pcm')
  })
  it('falls back to the requested format for missing or generic labels', () => {
    expect(resolveMediaType(null, bytes(1, 2), 'pcm')).toBe('audio/pcm')
    expect(resolveMediaType('application/octet-stream', bytes(1, 2), 'aac')).toBe('audio/aac')
  })
})

describe('extensionForMediaType', () => {
  it('drops codec parameters', () => {
    expect(extensionForMediaType('audio/webm;codecs=opus')).toBe('webm')
    expect(extensionForMediaType('Audio/MP4; codecs="mp4a.40.2"')).toBe('m4a')
    expect(extensionForMediaType('audio/x-wav')).toBe('wav')
    expect(extensionForMediaType('text/plain')).toBeUndefined()
  })
})
