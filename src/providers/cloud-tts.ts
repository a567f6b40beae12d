import { lookup } from '../util/safe-lookup.ts'
import { decodeBase64 } from '../util/base64.ts'
import { FORMAT_MEDIA_TYPES, type SpeechFormat, sniffMediaType } from '../audio/media-type.ts'
import { DEFAULT_PCM, pcmMediaType, wavToPcm } from '../audio/wav.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import { mergeBody } from './merge-body.ts'
import type { DecodedAudio, SpeechInput, Warning } from './types.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'
import { DEFAULT_GOOGLE_VOICE, languageCodeOf, OPENAI_TO_GOOGLE_VOICE } from './vertex-voices.ts'

// Facts from googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto (newest).

/** SynthesisInput: "The input size is limited to 5000 bytes." */
const MAX_INPUT_BYTES = 5_000
/** AudioConfig.speaking_rate: "in the range [0.25, 2.0] … Any other values … will return an error." */
const MAX_SPEAKING_RATE = 2

/**
 * `response_format` → `AudioEncoding`. The enum has no FLAC, so flac alone is refused.
 * LINEAR16 "also contains a WAV header"; PCM is the same samples "not wrapped in a WAV (or any
 * other) header" (asked at 24 kHz: OpenAI's pcm layout); M4A ("M4A audio") is an MPEG-4 file,
 * so `aac` comes back as audio/mp4, not the raw ADTS stream OpenAI sends (a warning says so).
 */
const ENCODINGS: Partial<Record<SpeechFormat, string>> = {
  mp3: 'MP3',
  opus: 'OGG_OPUS',
  aac: 'M4A',
  wav: 'LINEAR16',
  pcm: 'PCM',
}

/** The `text:synthesize` body: voice, SSML detection, encoding and speaking rate. */
export function cloudTTSBody(input: SpeechInput, model: string, warnings: Warning[]): string {
  const audioEncoding = lookup(ENCODINGS, input.response_format)
  if (!audioEncoding) {
    throw new InvalidRequestError(
      'response_format',
      `Cloud Text-to-Speech cannot produce "${input.response_format}" (its AudioEncoding has no FLAC); ask for mp3, opus, aac, wav or pcm`,
    )
  }
  if (input.speed !== undefined && input.speed > MAX_SPEAKING_RATE) {
    throw new InvalidRequestError('speed', `Cloud Text-to-Speech speaks at 0.25 to ${MAX_SPEAKING_RATE}× (got ${input.speed})`)
  }
  if (input.response_format === 'aac') {
    warnings.push({ option: 'response_format', message: 'Cloud Text-to-Speech answers aac as M4A: an MPEG-4 file (audio/mp4), not a raw AAC stream' })
  }
  const bytes = new TextEncoder().encode(input.input).byteLength
  if (bytes > MAX_INPUT_BYTES) {
    throw new InvalidRequestError('input', `Cloud Text-to-Speech takes at most ${MAX_INPUT_BYTES} bytes of text (got ${bytes}); split the text`)
  }
  if (input.instructions !== undefined) {
    warnings.push({ option: 'instructions', message: 'Cloud Text-to-Speech voices take no instructions; they were not sent' })
  }
  if (input.speakers && Object.keys(input.speakers).length > 0) {
    warnings.push({ option: 'speakers', message: 'Cloud Text-to-Speech speaks one voice per request; speakers were not sent (use a vertex_ai/gemini-…-tts model)' })
  }
  const name = googleVoice(input.voice, model, warnings)
  const ssml = /^\s*<speak[\s>]/i.test(input.input)
  return JSON.stringify(
    mergeBody(
      {
        input: ssml ? { ssml: input.input } : { text: input.input },
        voice: { languageCode: languageCodeOf(name), name },
        audioConfig: {
          audioEncoding,
          ...(input.speed !== undefined && { speakingRate: input.speed }),
          ...(input.response_format === 'pcm' && { sampleRateHertz: DEFAULT_PCM.sampleRate }),
        },
      },
      input.extraBody,
    ),
  )
}

/** Google names pass through; OpenAI names map by the documented table, with a warning. */
export function googleVoice(voice: SpeechInput['voice'], model: string, warnings: Warning[]): string {
  if (typeof voice === 'object') {
    throw new InvalidRequestError('voice', 'custom voice ids ({ id }) are OpenAI-only; Cloud Text-to-Speech takes a name such as "en-US-Wavenet-D"')
  }
  // `vertex_ai/en-US-Wavenet-D` names the voice in the model, as some LiteLLM configs do.
  const name = voice ?? (languageCodeOf(model) ? model : DEFAULT_GOOGLE_VOICE)
  const mapped = lookup(OPENAI_TO_GOOGLE_VOICE, name.toLowerCase())
  if (mapped) {
    warnings.push({ option: 'voice', message: `"${name}" is an OpenAI voice; Cloud Text-to-Speech spoke with "${mapped}"` })
    return mapped
  }
  if (!languageCodeOf(name)) {
    throw new InvalidRequestError('voice', `"${name}" is not a Cloud Text-to-Speech voice; they are named like "en-US-Wavenet-D"`)
  }
  return name
}

/** `{ audioContent }` → bytes labelled by what they are. */
export function decodeCloudTTSSpeech(payload: unknown, input: SpeechInput): DecodedAudio {
  const content = (payload as { audioContent?: unknown } | null)?.audioContent
  if (typeof content !== 'string' || content.length === 0) throw unexpectedAnswer('vertex_ai', 'no audioContent in it', payload)
  let bytes: Uint8Array
  try {
    bytes = decodeBase64(content)
  } catch {
    throw unexpectedAnswer('vertex_ai', 'the audio is not valid base64')
  }
  if (input.response_format === 'pcm') {
    const wav = wavToPcm(bytes)
    if (!wav) return { bytes, mediaType: 'audio/pcm' } // PCM is headerless: the 24 kHz asked for
    return { bytes: wav.pcm, mediaType: pcmMediaType(wav.format) }
  }
  const sniffed = sniffMediaType(bytes.subarray(0, 16))
  if (input.response_format === 'wav' && sniffed !== 'audio/wav') throw unexpectedAnswer('vertex_ai', 'LINEAR16 audio without a WAV header')
  return { bytes, mediaType: sniffed ?? (input.response_format === 'aac' ? 'audio/mp4' : FORMAT_MEDIA_TYPES[input.response_format]) }
}
