import { concat } from './encode-ogg-opus.ts'

/**
 * M4A: an MPEG-4 file (ISO/IEC 14496-12 boxes, `ftyp` brand `M4A `) with one AAC-LC track,
 * written without an AAC encoder.
 *
 * googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto says only "M4A audio." for
 * `M4A = 8`: no repository names the codec inside. AAC-LC is assumed because it is what `.m4a`
 * files conventionally hold. No AAC encoder is among the project's npm packages, so every access
 * unit is the same 1024-sample AAC-LC frame that decodes to silence (a single-channel element with
 * max_sfb 0: no spectral data). The file is real, decodable, and as long as the speech; the words
 * are only in the iTunes-style comment (`moov/udta/meta/ilst/©cmt`), which the transcriber reads.
 */
export const M4A_TEXT_PREFIX = 'voxfetch-text:'
const SILENT_FRAME = [0x01, 0x40, 0x20, 0x07] // SCE, global_gain 160, long window, max_sfb 0, END
const FRAME_SAMPLES = 1024
const SAMPLE_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]

export function encodeM4a(samples: Int16Array, sampleRate: number, text: string): Uint8Array {
  const rateIndex = SAMPLE_RATES.indexOf(sampleRate)
  if (rateIndex < 0) throw new Error(`AAC has no sampling frequency index for ${sampleRate} Hz`)
  const frames = Math.max(1, Math.ceil(samples.length / FRAME_SAMPLES))
  const duration = frames * FRAME_SAMPLES
  const ftyp = box('ftyp', ascii('M4A '), u32(0), ascii('M4A '), ascii('isom'), ascii('mp42'))
  // AudioSpecificConfig: object type 2 (AAC LC), frequency index, 1 channel, GASpecificConfig 0.
  const config = [(2 << 3) | (rateIndex >> 1), ((rateIndex & 1) << 7) | (1 << 3)]
  const moov = (chunkOffset: number) => box('moov',
    fullBox('mvhd', 0, 0, u32(0), u32(0), u32(sampleRate), u32(duration), u32(0x00010000), u16(0x0100), zeros(10), MATRIX, zeros(24), u32(2)),
    box('trak',
      fullBox('tkhd', 0, 3, u32(0), u32(0), u32(1), u32(0), u32(duration), zeros(8), u16(0), u16(0), u16(0x0100), u16(0), MATRIX, u32(0), u32(0)),
      box('mdia',
        fullBox('mdhd', 0, 0, u32(0), u32(0), u32(sampleRate), u32(duration), u16(0x55c4 /* und */), u16(0)),
        fullBox('hdlr', 0, 0, u32(0), ascii('soun'), zeros(12), ascii('SoundHandler\0')),
        box('minf',
          fullBox('smhd', 0, 0, u16(0), u16(0)),
          box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
          box('stbl',
            fullBox('stsd', 0, 0, u32(1), box('mp4a',
              zeros(6), u16(1), zeros(8), u16(1), u16(16), u16(0), u16(0), u32(sampleRate << 16),
              fullBox('esds', 0, 0, esDescriptor(config)))),
            fullBox('stts', 0, 0, u32(1), u32(frames), u32(FRAME_SAMPLES)),
            fullBox('stsc', 0, 0, u32(1), u32(1), u32(frames), u32(1)),
            fullBox('stsz', 0, 0, u32(SILENT_FRAME.length), u32(frames)),
            fullBox('stco', 0, 0, u32(1), u32(chunkOffset)))))),
    box('udta', fullBox('meta', 0, 0,
      fullBox('hdlr', 0, 0, u32(0), ascii('mdir'), ascii('appl'), zeros(8), Uint8Array.of(0)),
      box('ilst', box('\u00a9cmt', fullBox('data', 0, 1, u32(0), new TextEncoder().encode(`${M4A_TEXT_PREFIX}${text}`)))))))
  const headerLength = ftyp.length + moov(0).length
  const data = new Uint8Array(frames * SILENT_FRAME.length)
  for (let frame = 0; frame < frames; frame++) data.set(SILENT_FRAME, frame * SILENT_FRAME.length)
  return concat([ftyp, moov(headerLength + 8), box('mdat', data)])
}

/** ES_Descriptor → DecoderConfigDescriptor (MPEG-4 audio) → DecoderSpecificInfo, SLConfig. */
function esDescriptor(config: number[]): Uint8Array {
  const specific = descriptor(0x05, Uint8Array.from(config))
  const decoder = descriptor(0x04, concat([Uint8Array.of(0x40, 0x15, 0, 0x18, 0), u32(0), u32(0), specific]))
  return descriptor(0x03, concat([u16(1), Uint8Array.of(0), decoder, descriptor(0x06, Uint8Array.of(0x02))]))
}

const descriptor = (tag: number, body: Uint8Array) => {
  if (body.length > 127) throw new Error('descriptor too long for a one-byte length')
  return concat([Uint8Array.of(tag, body.length), body])
}
const MATRIX = concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)])

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts)
  return concat([u32(8 + body.length), typeBytes(type), body])
}
function fullBox(type: string, version: number, flags: number, ...parts: Uint8Array[]): Uint8Array {
  return box(type, u32((version << 24) | flags), ...parts)
}
function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, value >>> 0)
  return bytes
}
function u16(value: number): Uint8Array {
  return Uint8Array.of(value >> 8, value & 0xff)
}
const zeros = (length: number) => new Uint8Array(length)
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
/** Box types are four bytes; `©` is the single byte 0xA9 (MacRoman), not UTF-8. */
const typeBytes = (type: string) => Uint8Array.from(type, (char) => char.charCodeAt(0) & 0xff)
