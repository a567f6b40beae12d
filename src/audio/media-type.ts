import { lookup } from '../util/safe-lookup.ts'
/** The audio formats of OpenAI's `response_format`. */
export const SPEECH_FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const
export type SpeechFormat = (typeof SPEECH_FORMATS)[number]

export const FORMAT_MEDIA_TYPES: Record<SpeechFormat, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
}

const GENERIC_MEDIA_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'audio/*'])

/** Magic bytes of the containers speech APIs answer with; `undefined` when unknown. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) return 'audio/wav'
  if (startsWith(bytes, 'ID3')) return 'audio/mpeg'
  if (startsWith(bytes, 'OggS')) return 'audio/ogg'
  if (startsWith(bytes, 'fLaC')) return 'audio/flac'
  if (startsWith(bytes, 'ftyp', 4)) return 'audio/mp4'
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm'
  return frameSyncType(bytes)
}

/** Whether `bytes` hold the ASCII `magic` at `offset` (compared byte by byte: no string is made). */
function startsWith(bytes: Uint8Array, magic: string, offset = 0): boolean {
  for (let index = 0; index < magic.length; index++) if (bytes[offset + index] !== magic.charCodeAt(index)) return false
  return true
}

/**
 * A frame header at the start: ADTS AAC (12 sync bits, layer 00) or MPEG audio (11 sync bits, a
 * real version and layer). The fields a header cannot hold are refused too (bitrate 1111, sample
 * rate 11, ADTS frequency 13–15), so raw PCM starting with 0xFF bytes is not taken for MP3.
 */
function frameSyncType([first, second = 0, third]: Uint8Array): string | undefined {
  if (first !== 0xff || second < 0xe0 || third === undefined) return undefined
  // Layer 00: ADTS, whose sync is 12 bits, with a frequency index below 13.
  if (!(second & 0b110)) return second >= 0xf0 && (third & 0x3c) < 13 << 2 ? 'audio/aac' : undefined
  // MPEG version 01, bitrate 1111 and sample rate 11 are reserved.
  return (second & 0x18) !== 0x08 && third < 0xf0 && (third & 0x0c) !== 0x0c ? 'audio/mpeg' : undefined
}

/** The bare, lower-cased type of a Content-Type value: `audio/webm;codecs=opus` → `audio/webm`. */
export function essence(mediaType: string | null | undefined): string {
  if (!mediaType) return ''
  const end = mediaType.indexOf(';')
  return (end < 0 ? mediaType : mediaType.slice(0, end)).trim().toLowerCase()
}

/**
 * Decides the media type of an audio answer: the bytes win when they are recognizable, then a
 * specific Content-Type, then the format that was asked for. `audio/mpeg` is believed only of
 * MPEG bytes: a LiteLLM proxy labels every speech answer so, whatever the format (BerriAI/litellm
 * litellm/proxy/proxy_server.py, audio_speech). Unknown bytes nobody asked a format for are
 * `application/octet-stream`.
 */
export function resolveMediaType(
  contentType: string | null,
  head: Uint8Array,
  requested: SpeechFormat | undefined,
): string {
  const sniffed = sniffMediaType(head)
  if (sniffed) return sniffed
  const declared = essence(contentType)
  if (!GENERIC_MEDIA_TYPES.has(declared) && declared !== 'audio/mpeg' && declared.startsWith('audio/')) return declared
  return (requested && lookup(FORMAT_MEDIA_TYPES, requested)) ?? 'application/octet-stream'
}

/** The `response_format` a media type stands for (`audio/ogg` → `opus`); `undefined` for others. */
export function formatForMediaType(mediaType: string): SpeechFormat | undefined {
  const type = essence(mediaType)
  return SPEECH_FORMATS.find((format) => FORMAT_MEDIA_TYPES[format] === type)
}

const EXTENSIONS: Record<string, string> = {
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpga': 'mpga',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'application/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
}

/** Extensions OpenAI-compatible servers accept for transcription; they read the format from it. */
export const TRANSCRIPTION_EXTENSIONS = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm'] as const

/** `audio/webm;codecs=opus` → `webm`; `undefined` for types servers do not take. */
export function extensionForMediaType(mediaType: string | null | undefined): string | undefined {
  return lookup(EXTENSIONS, essence(mediaType))
}

const MEDIA_TYPES_BY_EXTENSION: Record<string, string> = {
  flac: 'audio/flac', mp3: 'audio/mpeg', mp4: 'audio/mp4', mpeg: 'audio/mpeg', mpga: 'audio/mpeg',
  m4a: 'audio/mp4', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav', webm: 'audio/webm',
}

/** `wav` → `audio/wav`; `undefined` for extensions that are not audio servers take. */
export function mediaTypeForExtension(extension: string | undefined): string | undefined {
  return extension === undefined ? undefined : lookup(MEDIA_TYPES_BY_EXTENSION, extension.toLowerCase())
}

export function extensionOf(filename: string): string | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(filename)
  return match?.[1]?.toLowerCase()
}
