import { EMULATOR_SOFTWARE_TAG } from './parse-wav.ts'

export interface WavLayout {
  /** 1 = PCM s16le, 6 = A-law, 7 = mu-law (8-bit). */
  formatTag: 1 | 6 | 7
  sampleRate: number
  bitsPerSample: 8 | 16
}

/** Wraps s16 mono samples in a RIFF/WAVE file whose LIST/INFO ICMT holds the spoken text. */
export function encodeWav(samples: Int16Array, sampleRate: number, text?: string): Uint8Array {
  const payload = new Uint8Array(samples.length * 2)
  const view = new DataView(payload.buffer)
  for (let index = 0; index < samples.length; index++) view.setInt16(index * 2, samples[index] ?? 0, true)
  return wrapWav(payload, { formatTag: 1, sampleRate, bitsPerSample: 16 }, text)
}

/** Builds RIFF(fmt, [fact], LIST/INFO, data) around already-encoded mono sample bytes. */
export function wrapWav(payload: Uint8Array, layout: WavLayout, text?: string): Uint8Array {
  const blockAlign = layout.bitsPerSample / 8
  const compressed = layout.formatTag !== 1
  const fmt = chunk('fmt ', compressed ? 18 : 16, (view) => {
    view.setUint16(0, layout.formatTag, true)
    view.setUint16(2, 1, true)
    view.setUint32(4, layout.sampleRate, true)
    view.setUint32(8, layout.sampleRate * blockAlign, true)
    view.setUint16(12, blockAlign, true)
    view.setUint16(14, layout.bitsPerSample, true)
  })
  const fact = compressed ? [chunk('fact', 4, (view) => view.setUint32(0, payload.length / blockAlign, true))] : []
  const info = text === undefined ? [] : [listInfo({ ISFT: EMULATOR_SOFTWARE_TAG, ICMT: text })]
  const parts = [fmt, ...fact, ...info, chunkOf('data', payload)]
  const bodySize = 4 + parts.reduce((sum, part) => sum + part.length, 0)
  const header = new Uint8Array(12)
  const view = new DataView(header.buffer)
  header.set(ascii('RIFF'), 0)
  view.setUint32(4, bodySize, true)
  header.set(ascii('WAVE'), 8)
  return concat([header, ...parts])
}

function listInfo(entries: Record<string, string>): Uint8Array {
  const subchunks = Object.entries(entries).map(([id, value]) => {
    const text = new TextEncoder().encode(value)
    const withNul = new Uint8Array(text.length + 1)
    withNul.set(text)
    return chunkOf(id, withNul)
  })
  return chunkOf('LIST', concat([ascii('INFO'), ...subchunks]))
}

function chunk(id: string, size: number, fill: (view: DataView) => void): Uint8Array {
  const body = new Uint8Array(size)
  fill(new DataView(body.buffer))
  return chunkOf(id, body)
}

function chunkOf(id: string, body: Uint8Array): Uint8Array {
  const padded = new Uint8Array(8 + body.length + (body.length % 2))
  padded.set(ascii(id), 0)
  new DataView(padded.buffer).setUint32(4, body.length, true)
  padded.set(body, 8)
  return padded
}

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

export function concat(parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    result.set(part, offset)
    offset += part.length
  }
  return result
}
