import { describe, expect, it } from 'vitest'
import { extensionForMediaType, formatForMediaType, resolveMediaType, sniffMediaType } from '../../../src/audio/media-type.ts'

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

  it.each([
    ['samples of -1 (bitrate 1111)', bytes(0xff, 0xff, 0xff, 0xff)],
    ['a reserved sample rate', bytes(0xff, 0xfb, 0x9c, 0xff)],
    ['the reserved MPEG version', bytes(0xff, 0xeb, 0x90, 0x64)],
    ['an ADTS frequency index past 12', bytes(0xff, 0xf1, 0x3c, 0x80)],
    ['a lone sync byte pair', bytes(0xff, 0xfb)],
  ])('does not take raw PCM for a frame header: %s', (_, head) => {
    expect(sniffMediaType(head)).toBeUndefined()
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
  // BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech): media_type="audio/mpeg" for every format.
  it('believes audio/mpeg only of MPEG bytes: PCM asked through a LiteLLM proxy is audio/pcm', () => {
    expect(resolveMediaType('audio/mpeg', bytes(0x12, 0x00, 0xf3, 0xff), 'pcm')).toBe('audio/pcm')
    expect(resolveMediaType('audio/mpeg', bytes(0xff, 0xff, 0xff, 0xff), 'pcm')).toBe('audio/pcm')
    expect(resolveMediaType('audio/mpeg', bytes('ID3', 4, 0), undefined)).toBe('audio/mpeg')
    expect(resolveMediaType('audio/mpeg', bytes(0xff, 0xf3, 0x64, 0xc4), undefined)).toBe('audio/mpeg')
  })
  it('calls unknown bytes nobody named a format for application/octet-stream, whatever the label', () => {
    expect(resolveMediaType('audio/mpeg', bytes(1, 2, 3, 4), undefined)).toBe('application/octet-stream')
    expect(resolveMediaType(null, bytes(1, 2, 3, 4), undefined)).toBe('application/octet-stream')
  })
})

describe('formatForMediaType', () => {
  it('maps the media types of the six formats back, and nothing else', () => {
    expect(['audio/mpeg', 'audio/ogg', 'audio/aac', 'audio/flac', 'audio/wav', 'audio/pcm'].map(formatForMediaType))
      .toEqual(['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'])
    expect(formatForMediaType('audio/mp4')).toBeUndefined()
    expect(formatForMediaType('application/octet-stream')).toBeUndefined()
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
