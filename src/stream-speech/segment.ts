import type { SpeechFormat } from '../audio/media-type.ts'
import { parsePcmMediaType, wavToPcm } from '../audio/wav.ts'
import type { Warning } from '../providers/types.ts'

/** One piece of the text, spoken: what a streamed speech yields, in the text's order. */
export interface SpeechSegment {
  /** 0 for the first piece. */
  index: number
  /** The text spoken (after Markdown was stripped). */
  text: string
  /** The audio of this piece, whole. */
  audio: Uint8Array
  /** e.g. `audio/mpeg`, `audio/wav`, `audio/pcm`. */
  mediaType: string
  format: SpeechFormat | undefined
  /** Seconds into the whole clip where this piece starts: known while every piece so far is PCM or WAV. */
  start: number | undefined
  /** Seconds of audio: known for PCM and WAV. */
  duration: number | undefined
  /** What the server reported for this piece (with `stream_format: 'sse'`). */
  usage: Record<string, unknown> | undefined
  requestId: string | undefined
  warnings: readonly Warning[]
}

/** Seconds of audio in `bytes` when they are PCM or WAV; `undefined` for compressed audio. */
export function pcmDuration(bytes: Uint8Array, mediaType: string): number | undefined {
  const raw = parsePcmMediaType(mediaType)
  const pcm = raw ? { pcm: bytes, format: raw } : wavToPcm(bytes)
  if (!pcm) return undefined
  const frameBytes = pcm.format.channels * (pcm.format.bitsPerSample / 8)
  return Math.floor(pcm.pcm.byteLength / frameBytes) / pcm.format.sampleRate
}

/** Adds the numbers of `usage` into `total` (nested objects too): usage summed over the pieces. */
export function addUsage(total: Record<string, unknown> | undefined, usage: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!usage) return total
  const sum: Record<string, unknown> = { ...total }
  for (const [key, value] of Object.entries(usage)) {
    const before = sum[key]
    if (typeof value === 'number') sum[key] = (typeof before === 'number' ? before : 0) + value
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      sum[key] = addUsage(typeof before === 'object' && before !== null ? before as Record<string, unknown> : undefined, value as Record<string, unknown>)
    } else if (!(key in sum)) sum[key] = value
  }
  return sum
}
