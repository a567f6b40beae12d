import { lookupSpeech } from './audio-registry.ts'
import { recognizeKnownSpeech, samplesOf } from './known-speech.ts'
import { FLAC_TEXT_KEY } from './encode-flac.ts'
import { M4A_TEXT_PREFIX } from './encode-m4a.ts'
import { ID3_DURATION, ID3_TEXT } from './encode-mp3.ts'
import { OPUS_TEXT_KEY } from './encode-ogg-opus.ts'
import { EMULATOR_SOFTWARE_TAG, findInfoList, readWav, wavDuration } from './parse-wav.ts'

export interface AudioDescription {
  /** wav, mp3, flac, ogg, webm, mp4, or the file extension when the bytes say nothing. */
  format: string
  /** The text the emulator spoke, when the audio is its own. */
  text?: string
  /** Seconds, when the header tells (or the bitrate lets us estimate). */
  duration?: number
}

const ascii = (bytes: Uint8Array, offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length))

/** Identifies an upload from its first and last bytes and its total size. */
export function describeAudio(head: Uint8Array, tail: Uint8Array, size: number, filename: string): AudioDescription {
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return describeWav(head, tail, size)
  if (ascii(head, 0, 3) === 'ID3') return describeId3(head, size)
  if (ascii(head, 0, 4) === 'fLaC') return describeFlac(head)
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) return { format: 'mp3', ...mp3Duration(head, 0, size) }
  if (ascii(head, 0, 4) === 'OggS') return withText({ format: 'ogg' }, opusText(head))
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { format: 'webm' }
  if (ascii(head, 4, 4) === 'ftyp') return withText({ format: /\.m4a$/i.test(filename) ? 'm4a' : 'mp4' }, m4aText(head))
  return { format: /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? 'unknown' }
}

const withText = (description: AudioDescription, text: string | undefined) => (text === undefined ? description : { ...description, text })

/** The emulator's own Ogg Opus (encode-ogg-opus.ts): its text is an OpusTags comment. */
function opusText(head: Uint8Array): string | undefined {
  const at = indexOf(head, 'OpusTags')
  return at < 0 ? undefined : vorbisComment(head.subarray(at + 8), OPUS_TEXT_KEY)
}

/** The emulator's own M4A (encode-m4a.ts): its text is in the `©cmt` item's `data` box. */
function m4aText(head: Uint8Array): string | undefined {
  const at = indexOf(head, '\u00a9cmt')
  if (at < 0 || ascii(head, at + 8, 4) !== 'data') return undefined
  const dataSize = new DataView(head.buffer, head.byteOffset).getUint32(at + 4)
  const text = new TextDecoder().decode(head.subarray(at + 20, at + 4 + dataSize))
  return text.startsWith(M4A_TEXT_PREFIX) ? text.slice(M4A_TEXT_PREFIX.length) : undefined
}

/** Where the (single-byte) characters of `marker` first occur in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, marker: string): number {
  const codes = Array.from(marker, (char) => char.charCodeAt(0) & 0xff)
  search: for (let start = 0; start + codes.length <= bytes.length; start++) {
    for (let index = 0; index < codes.length; index++) if (bytes[start + index] !== codes[index]) continue search
    return start
  }
  return -1
}

function describeWav(head: Uint8Array, tail: Uint8Array, size: number): AudioDescription {
  const wav = readWav(head)
  if (wav && !wav.info.ISFT && size > head.length) Object.assign(wav.info, findInfoList(tail))
  const duration = wav ? wavDuration(wav, size) : undefined
  const result: AudioDescription = { format: 'wav', ...(duration === undefined ? {} : { duration }) }
  if (!wav) return result
  if (wav.info.ISFT === EMULATOR_SOFTWARE_TAG && wav.info.ICMT !== undefined) return { ...result, text: wav.info.ICMT }
  if (wav.formatTag === 1 && wav.bitsPerSample === 16 && wav.data && wav.dataOffset !== undefined) {
    const complete = wav.dataSize !== undefined ? wav.data.length >= wav.dataSize : wav.dataOffset + wav.data.length >= size
    const text = lookupSpeech(wav.data, complete) ?? (wav.channels === 1 ? recognizeKnownSpeech(samplesOf(wav.data), wav.sampleRate) : undefined)
    if (text !== undefined) return { ...result, text }
  }
  return result
}

function describeId3(head: Uint8Array, size: number): AudioDescription {
  const version = head[3] ?? 3
  const tagSize = syncsafe(head, 6) + 10
  const texts: Record<string, string> = {}
  let offset = 10
  while (offset + 10 <= Math.min(tagSize, head.length)) {
    const id = ascii(head, offset, 4)
    if (!/^[A-Z0-9]{4}$/.test(id)) break
    const frameSize = version >= 4 ? syncsafe(head, offset + 4) : new DataView(head.buffer, head.byteOffset).getUint32(offset + 4)
    const body = head.subarray(offset + 10, offset + 10 + frameSize)
    if (id === 'TXXX' && (body[0] === 0 || body[0] === 3)) {
      const separator = body.indexOf(0, 1)
      if (separator > 0) texts[new TextDecoder().decode(body.subarray(1, separator))] = new TextDecoder().decode(body.subarray(separator + 1))
    }
    offset += 10 + frameSize
  }
  const stored = Number(texts[ID3_DURATION])
  const duration = Number.isFinite(stored) && texts[ID3_DURATION] !== undefined ? { duration: stored } : mp3Duration(head, tagSize, size)
  return { format: 'mp3', ...duration, ...(texts[ID3_TEXT] === undefined ? {} : { text: texts[ID3_TEXT] }) }
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]

/** Constant-bitrate estimate from the first Layer III frame header. */
function mp3Duration(head: Uint8Array, offset: number, size: number): { duration?: number } {
  const b1 = head[offset + 1] ?? 0
  const b2 = head[offset + 2] ?? 0
  if (head[offset] !== 0xff || (b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 3) !== 1) return {}
  const kbps = ((b1 >> 3) & 3) === 3 ? BITRATES_V1[b2 >> 4] : BITRATES_V2[b2 >> 4]
  return kbps ? { duration: ((size - offset) * 8) / (kbps * 1000) } : {}
}

function describeFlac(head: Uint8Array): AudioDescription {
  const result: AudioDescription = { format: 'flac' }
  let offset = 4
  for (let last = false; !last && offset + 4 <= head.length;) {
    last = ((head[offset] ?? 0) & 0x80) !== 0
    const type = (head[offset] ?? 0) & 0x7f
    const length = ((head[offset + 1] ?? 0) << 16) | ((head[offset + 2] ?? 0) << 8) | (head[offset + 3] ?? 0)
    const body = head.subarray(offset + 4, offset + 4 + length)
    if (type === 0 && body.length >= 18) {
      const rate = ((body[10] ?? 0) << 12) | ((body[11] ?? 0) << 4) | ((body[12] ?? 0) >> 4)
      const samples = ((body[13] ?? 0) & 0x0f) * 2 ** 32 + new DataView(body.buffer, body.byteOffset).getUint32(14)
      if (rate && samples) result.duration = samples / rate
    } else if (type === 4) {
      const text = vorbisComment(body, FLAC_TEXT_KEY)
      if (text !== undefined) result.text = text
    }
    offset += 4 + length
  }
  return result
}

function vorbisComment(body: Uint8Array, key: string): string | undefined {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength)
  if (body.length < 8) return undefined
  let offset = 4 + view.getUint32(0, true)
  const count = offset + 4 <= body.length ? view.getUint32(offset, true) : 0
  offset += 4
  for (let index = 0; index < count && offset + 4 <= body.length; index++) {
    const length = view.getUint32(offset, true)
    const comment = new TextDecoder().decode(body.subarray(offset + 4, offset + 4 + length))
    if (comment.toUpperCase().startsWith(`${key}=`)) return comment.slice(key.length + 1)
    offset += 4 + length
  }
  return undefined
}

function syncsafe(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] ?? 0) & 0x7f) << 21) | (((bytes[offset + 1] ?? 0) & 0x7f) << 14)
    | (((bytes[offset + 2] ?? 0) & 0x7f) << 7) | ((bytes[offset + 3] ?? 0) & 0x7f)
}
