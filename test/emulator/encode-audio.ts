import { registerSpeech } from './audio-registry.ts'
import { encodeFlac } from './encode-flac.ts'
import { encodeAlaw, encodeMulaw } from './encode-g711.ts'
import { encodeM4a } from './encode-m4a.ts'
import { encodeMp3 } from './encode-mp3.ts'
import { encodeOggOpus } from './encode-ogg-opus.ts'
import { encodeWav, wrapWav } from './encode-wav.ts'
import { resample } from './resample.ts'
import { OUTPUT_SAMPLE_RATE, synthesizePcm, type SpeechOptions } from './synthesize.ts'

/**
 * Output formats the emulator can really produce. `opus` (Ogg Opus) and `m4a` (AAC-LC in MPEG-4)
 * are real, decodable files of the speech's length, but silent: no Opus or AAC encoder is among
 * the npm packages (see encode-ogg-opus.ts, encode-m4a.ts); their text is in their tags.
 */
export type AudioFormat = 'mp3' | 'wav' | 'flac' | 'pcm' | 'mulaw' | 'alaw' | 'opus' | 'm4a'
/** Formats the providers offer that the emulator cannot encode (ADTS AAC, OpenAI's `aac`). */
export const UNSUPPORTED_FORMATS = ['aac'] as const

export const CONTENT_TYPES: Record<AudioFormat, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  pcm: 'audio/pcm',
  mulaw: 'audio/wav',
  alaw: 'audio/wav',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
}

export function unsupportedFormatMessage(format: string): string {
  return `the voxfetch emulator cannot produce ${format}; use mp3, wav, flac or pcm`
}

export interface SpeechAudio {
  bytes: Uint8Array
  contentType: string
  /** Seconds of audio. */
  duration: number
  /** The raw samples the bytes encode (24 kHz unless `sampleRate` was given). */
  samples: Int16Array
}

/** Real eSpeak speech of `text` encoded as `format`, with the text embedded where the format allows. */
export async function synthesizeSpeech(text: string, format: AudioFormat = 'mp3', options: SpeechOptions & { /** @default 24000 */ sampleRate?: number } = {}): Promise<SpeechAudio> {
  const speech = await synthesizePcm(text, options)
  const rate = options.sampleRate ?? OUTPUT_SAMPLE_RATE
  const samples = rate === OUTPUT_SAMPLE_RATE ? speech : resample(speech, OUTPUT_SAMPLE_RATE, rate)
  registerSpeech(samples, text)
  const key = `${format}|${rate}|${options.voice ?? ''}|${options.speed ?? 1}|${text}`
  let bytes = encoded.get(key)
  if (!bytes) {
    bytes = encode(samples, rate, format, text)
    encoded.set(key, bytes)
    if (encoded.size > 128) encoded.delete(encoded.keys().next().value as string)
  }
  return { bytes, contentType: CONTENT_TYPES[format], duration: samples.length / rate, samples }
}

/** Encoding is cached too: lamejs needs ~150 ms per second of audio. */
const encoded = new Map<string, Uint8Array>()

function encode(samples: Int16Array, rate: number, format: AudioFormat, text: string): Uint8Array {
  switch (format) {
    case 'wav': return encodeWav(samples, rate, text)
    case 'mp3': return encodeMp3(samples, rate, text)
    case 'flac': return encodeFlac(samples, rate, text)
    case 'mulaw': return wrapWav(encodeMulaw(samples), { formatTag: 7, sampleRate: rate, bitsPerSample: 8 }, text)
    case 'alaw': return wrapWav(encodeAlaw(samples), { formatTag: 6, sampleRate: rate, bitsPerSample: 8 }, text)
    case 'opus': return encodeOggOpus(samples, rate, text)
    case 'm4a': return encodeM4a(samples, rate, text)
    case 'pcm': {
      const bytes = new Uint8Array(samples.length * 2)
      const view = new DataView(bytes.buffer)
      samples.forEach((sample, index) => view.setInt16(index * 2, sample, true))
      return bytes
    }
  }
}
