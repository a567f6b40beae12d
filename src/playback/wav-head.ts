import { pcmLayoutProblem, type PcmFormat } from '../audio/wav.ts'

export interface WavHead {
  format: PcmFormat
  /** Where the samples start. */
  dataOffset: number
  /** The data chunk's size, unless it is a streamed placeholder (0 or 0xFFFFFFFF). */
  dataBytes: number | undefined
}

/** A header once found, with the bytes after it (the first samples) from the chunks seen so far. */
export interface FoundWavHead extends WavHead {
  samples: Uint8Array
}

/**
 * Reads a WAV header from a stream's chunks as they come, walking its chunks (LIST, fact…):
 * `'more'` while the bytes end before the data chunk starts, `undefined` when it is not PCM WAV
 * or its layout cannot be true (0 channels would make every frame 0 bytes long). The bodies of
 * chunks it does not read are skipped, never kept: however long the header and however small the
 * pieces, each byte is looked at once.
 */
export function createWavHeadReader(): { push(bytes: Uint8Array): FoundWavHead | 'more' | undefined } {
  // `held` is only ever a few bytes: the part of a chunk header (or `fmt ` body) split by a cut.
  let held: Uint8Array = new Uint8Array(0)
  let offset = 0
  let skip = 0
  let need = 12
  let stage: 'riff' | 'chunk' | 'fmt' = 'riff'
  let fmtSize = 0
  let format: PcmFormat | undefined

  function push(bytes: Uint8Array): FoundWavHead | 'more' | undefined {
    let input = bytes
    for (;;) {
      if (skip > 0) {
        const skipped = Math.min(skip, input.byteLength)
        skip -= skipped
        offset += skipped
        input = input.subarray(skipped)
        if (skip > 0) return 'more'
      }
      if (held.byteLength + input.byteLength < need) {
        held = join(held, input)
        return 'more'
      }
      const taken = need - held.byteLength
      const piece = join(held, input.subarray(0, taken))
      input = input.subarray(taken)
      held = new Uint8Array(0)
      offset += need
      const view = new DataView(piece.buffer, piece.byteOffset, piece.byteLength)
      const tag = (at: number) => String.fromCharCode(piece[at]!, piece[at + 1]!, piece[at + 2]!, piece[at + 3]!)
      if (stage === 'riff') {
        if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined
        stage = 'chunk'
        need = 8
      } else if (stage === 'chunk') {
        const size = view.getUint32(4, true)
        if (tag(0) === 'data') {
          if (!format || pcmLayoutProblem(format)) return undefined
          return { format, dataOffset: offset, dataBytes: size === 0 || size === 0xffffffff ? undefined : size, samples: input }
        }
        if (tag(0) === 'fmt ' && size >= 16) {
          stage = 'fmt'
          need = 16
          fmtSize = size
        } else {
          skip = size + (size % 2)
        }
      } else {
        if (view.getUint16(0, true) !== 1) return undefined // integer PCM only
        format = { channels: view.getUint16(2, true), sampleRate: view.getUint32(4, true), bitsPerSample: view.getUint16(14, true) }
        skip = fmtSize - 16 + (fmtSize % 2)
        stage = 'chunk'
        need = 8
      }
    }
  }
  return { push }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b.slice()
  const joined = new Uint8Array(a.byteLength + b.byteLength)
  joined.set(a)
  joined.set(b, a.byteLength)
  return joined
}
