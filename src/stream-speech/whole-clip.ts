import { type PcmFormat, parsePcmMediaType, pcmToWav, streamingWavHeader, wavToPcm } from '../audio/wav.ts'
import type { SpeechSegment } from './segment.ts'

type Part = { pcm: Uint8Array; format: PcmFormat } | undefined

function samplesOf(segment: Pick<SpeechSegment, 'audio' | 'mediaType'>): Part {
  const raw = parsePcmMediaType(segment.mediaType)
  return raw ? { pcm: segment.audio, format: raw } : wavToPcm(segment.audio)
}

const sameFormat = (a: PcmFormat, b: PcmFormat) =>
  a.sampleRate === b.sampleRate && a.channels === b.channels && a.bitsPerSample === b.bitsPerSample

/**
 * The pieces as one clip: one WAV when every piece is PCM or WAV of one layout (their samples
 * under one header), else the pieces' bytes joined, which browsers play for MP3 and AAC.
 */
export function joinSegments(segments: readonly Pick<SpeechSegment, 'audio' | 'mediaType'>[]): Blob {
  const parts = segments.map(samplesOf)
  const first = parts[0]
  if (first && parts.every((part) => part && sameFormat(part.format, first.format))) {
    return new Blob([pcmToWav(parts.map((part) => part!.pcm), first.format) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })
  }
  const type = segments[0]?.mediaType ?? 'application/octet-stream'
  return new Blob(segments.map((segment) => segment.audio as Uint8Array<ArrayBuffer>), { type })
}

/**
 * Joins pieces into one byte stream as they come, holding none: PCM and WAV pieces become one WAV
 * of unknown length (the streamed-WAV convention), other audio is passed on as it is.
 */
export function createClipWriter() {
  let format: PcmFormat | undefined
  let started = false
  return {
    /** The media type of the joined stream, once the first piece is in. */
    mediaType: undefined as string | undefined,
    /** The bytes one more piece adds to the stream. */
    next(segment: Pick<SpeechSegment, 'audio' | 'mediaType'>): Uint8Array[] {
      const part = samplesOf(segment)
      if (!started) {
        started = true
        format = part?.format
        this.mediaType = part ? 'audio/wav' : segment.mediaType
        if (part) return [streamingWavHeader(part.format), part.pcm]
      }
      if (format && part && sameFormat(format, part.format)) return [part.pcm]
      return [segment.audio]
    },
  }
}
