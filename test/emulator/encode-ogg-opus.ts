/**
 * Ogg Opus (RFC 7845 container, RFC 6716 packets), written without an Opus encoder.
 *
 * No Opus encoder is among the project's npm packages (a WASM one such as `opusscript` would be a
 * new dependency), so every packet is the same 20 ms CELT frame that decodes to silence:
 * TOC 0xF8 (config 31: CELT-only, fullband, 20 ms; mono; code 0, one frame) followed by the two
 * range-coder bytes 0xFF 0xFE, whose first symbol is the CELT silence flag. The stream is a real,
 * decodable Ogg Opus file of the speech's exact length (the last page's granule position trims
 * the final frame, RFC 7845 §4.4); the words themselves are only in the OpusTags comment
 * `VOXFETCH_TEXT`, which the emulator's transcriber reads.
 */
export const OPUS_TEXT_KEY = 'VOXFETCH_TEXT'
const SILENT_FRAME = [0xf8, 0xff, 0xfe]
const FRAME_SAMPLES = 960 // 20 ms at 48 kHz: Opus granule positions always count 48 kHz samples
const PRE_SKIP = 312 // libopus's usual encoder delay; any value is legal, decoders drop it
const FRAMES_PER_PAGE = 50

export function encodeOggOpus(samples: Int16Array, sampleRate: number, text: string): Uint8Array {
  const total48k = Math.round((samples.length * 48000) / sampleRate)
  const frames = Math.max(1, Math.ceil(total48k / FRAME_SAMPLES))
  const pages: Uint8Array[] = []
  const serial = 0x766f7866 // "voxf"
  const page = (packets: Uint8Array[], granule: number, flags: number) =>
    pages.push(oggPage(packets, granule, serial, pages.length, flags))
  page([opusHead(sampleRate)], 0, 0x02)
  page([opusTags(text)], 0, 0)
  for (let first = 0; first < frames; first += FRAMES_PER_PAGE) {
    const count = Math.min(FRAMES_PER_PAGE, frames - first)
    const last = first + count === frames
    const granule = PRE_SKIP + (last ? total48k : (first + count) * FRAME_SAMPLES)
    page(Array.from({ length: count }, () => Uint8Array.from(SILENT_FRAME)), granule, last ? 0x04 : 0)
  }
  return concat(pages)
}

/** RFC 7845 §5.1: version 1, channel count, pre-skip, input rate, gain, mapping family 0. */
function opusHead(inputRate: number): Uint8Array {
  const bytes = new Uint8Array(19)
  const view = new DataView(bytes.buffer)
  bytes.set(ascii('OpusHead'))
  bytes[8] = 1
  bytes[9] = 1
  view.setUint16(10, PRE_SKIP, true)
  view.setUint32(12, inputRate, true)
  return bytes
}

/** RFC 7845 §5.2: vendor string and user comments (Vorbis comment layout, no framing bit). */
function opusTags(text: string): Uint8Array {
  const vendor = ascii('voxfetch emulator (silent CELT frames)')
  const comment = new TextEncoder().encode(`${OPUS_TEXT_KEY}=${text}`)
  const bytes = new Uint8Array(8 + 4 + vendor.length + 4 + 4 + comment.length)
  const view = new DataView(bytes.buffer)
  bytes.set(ascii('OpusTags'))
  view.setUint32(8, vendor.length, true)
  bytes.set(vendor, 12)
  view.setUint32(12 + vendor.length, 1, true)
  view.setUint32(16 + vendor.length, comment.length, true)
  bytes.set(comment, 20 + vendor.length)
  return bytes
}

/** One Ogg page (RFC 3533 §6) holding whole packets; lacing values of 255 continue a packet. */
function oggPage(packets: Uint8Array[], granule: number, serial: number, sequence: number, flags: number): Uint8Array {
  const lacing: number[] = []
  for (const packet of packets) {
    for (let left = packet.length; ; left -= 255) {
      lacing.push(Math.min(left, 255))
      if (left < 255) break
    }
  }
  if (lacing.length > 255) throw new Error('Ogg page too large: split the packets')
  const body = concat(packets)
  const page = new Uint8Array(27 + lacing.length + body.length)
  const view = new DataView(page.buffer)
  page.set(ascii('OggS'))
  page[5] = flags
  view.setBigUint64(6, BigInt(granule), true)
  view.setUint32(14, serial, true)
  view.setUint32(18, sequence, true)
  page[26] = lacing.length
  page.set(lacing, 27)
  page.set(body, 27 + lacing.length)
  view.setUint32(22, oggCrc(page), true)
  return page
}

let table: Uint32Array | undefined

/** CRC-32 of RFC 3533: polynomial 0x04C11DB7, not reflected, initial 0, no final XOR. */
export function oggCrc(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let index = 0; index < 256; index++) {
      let crc = index << 24
      for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
      table[index] = crc >>> 0
    }
  }
  let crc = 0
  for (const byte of bytes) crc = ((crc << 8) ^ table[((crc >>> 24) ^ byte) & 0xff]!) >>> 0
  return crc
}

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
