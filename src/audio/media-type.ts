import { lookup } from '../safe-lookup.ts'
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
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length))
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'audio/wav'
  if (ascii(0, 3) === 'ID3') return 'audio/mpeg'
  if (ascii(0, 4) === 'OggS') return 'audio/ogg'
  if (ascii(0, 4) === 'fLaC') return 'audio/flac'
  if (ascii(4, 4) === 'ftyp') return 'audio/mp4'
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'audio/webm'
  const first = bytes[0] ?? 0
  const second = bytes[1] ?? 0
  // 0xFFFx frame sync: MPEG audio (layer bits != 00) or ADTS AAC (layer bits == 00).
  if (first === 0xff && (second & 0xf0) === 0xf0) return (second & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg'
  if (first === 0xff && (second & 0xe0) === 0xe0) return 'audio/mpeg'
  return undefined
}

/** The bare, lower-cased type of a Content-Type value: `audio/webm;codecs=opus` → `audio/webm`. */
export function essence(mediaType: string | null | undefined): string {
  return (mediaType ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * Decides the media type of an audio answer: the bytes win when they are recognizable, then a
 * specific Content-Type, then the format that was asked for.
 */
export function resolveMediaType(
  contentType: string | null,
  head: Uint8Array,
  requested: SpeechFormat,
): string {
  const sniffed = sniffMediaType(head)
  if (sniffed) return sniffed
  const declared = essence(contentType)
  if (!GENERIC_MEDIA_TYPES.has(declared) && declared.startsWith('audio/')) return declared
  return lookup(FORMAT_MEDIA_TYPES, requested) ?? 'application/octet-stream'
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
