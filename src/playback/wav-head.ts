import type { PcmFormat } from '../audio/wav.ts'

export interface WavHead {
  format: PcmFormat
  /** Where the samples start. */
  dataOffset: number
  /** The data chunk's size, unless it is a streamed placeholder (0 or 0xFFFFFFFF). */
  dataBytes: number | undefined
}

/**
 * Reads a WAV header from the first bytes of a stream, walking its chunks (LIST, fact…):
 * `'more'` while the bytes end before the data chunk starts, `undefined` when it is not PCM WAV.
 */
export function readWavHead(bytes: Uint8Array): WavHead | 'more' | undefined {
  if (bytes.byteLength < 12) return 'more'
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4))
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let format: PcmFormat | undefined
  for (let offset = 12; ; ) {
    if (offset + 8 > bytes.byteLength) return 'more'
    const id = tag(offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'data') {
      if (!format) return undefined
      return { format, dataOffset: body, dataBytes: size === 0 || size === 0xffffffff ? undefined : size }
    }
    if (id === 'fmt ') {
      if (body + 16 > bytes.byteLength) return 'more'
      if (view.getUint16(body, true) !== 1) return undefined // integer PCM only
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) }
    }
    offset = body + size + (size % 2)
  }
}
