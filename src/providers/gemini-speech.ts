import { lookup } from '../util/safe-lookup.ts'
import { decodeBase64, decodeBase64After } from '../util/base64.ts'
import { concatBytes } from '../util/concat-bytes.ts'
import { FORMAT_MEDIA_TYPES, sniffMediaType } from '../audio/media-type.ts'
import { parsePcmMediaType, pcmLayoutProblem, pcmMediaType, pcmToWav, WAV_HEADER_BYTES, writeWavHeader } from '../audio/wav.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import { DEFAULT_GEMINI_VOICE, OPENAI_TO_GEMINI_VOICE } from './gemini-voices.ts'
import { mergeBody } from './merge-body.ts'
import type { DecodedAudio, SpeechInput, Warning } from './types.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'

/**
 * The RPC a speech request calls: googleapis/googleapis google/ai/generativelanguage/v1beta/
 * generative_service.proto and google/cloud/aiplatform/v1/prediction_service.proto bind
 * StreamGenerateContent to `:streamGenerateContent`; `alt=sse` asks for server-sent events
 * instead of one JSON array, so each chunk can be used as it arrives.
 */
export function geminiMethod(stream: boolean): string {
  return stream ? ':streamGenerateContent?alt=sse' : ':generateContent'
}

/**
 * The generateContent speech body shared by the Gemini API and Vertex AI Gemini models.
 * Gemini answers raw PCM only: `wav` (PCM wrapped here) and `pcm` are the formats it can give;
 * anything else is refused before the network rather than answered with mislabelled bytes.
 */
export function geminiSpeechBody(input: SpeechInput, warnings: Warning[]): string {
  if (input.response_format !== 'wav' && input.response_format !== 'pcm') {
    throw new InvalidRequestError(
      'response_format',
      `Gemini speaks raw PCM only, so "${input.response_format}" cannot be produced; ` +
        'ask for "wav" (the default for Gemini models) or "pcm" (24 kHz 16-bit mono)',
    )
  }
  if (input.speed !== undefined && input.speed !== 1) {
    warnings.push({
      option: 'speed',
      message: `Gemini has no speaking-rate setting, so speed ${input.speed} was not applied; ask for a pace in instructions instead (e.g. "Speak slowly")`,
    })
  }
  return JSON.stringify(
    mergeBody(
      {
        contents: [{ role: 'user', parts: [{ text: prompt(input) }] }],
        generationConfig: { responseModalities: ['AUDIO'], speechConfig: speechConfig(input, warnings) },
      },
      input.extraBody,
    ),
  )
}

/** `instructions` become a style line before the text, the way Google's examples steer delivery. */
function prompt(input: SpeechInput): string {
  const style = input.instructions?.trim().replace(/[\s.:;]+$/, '')
  return style ? `${style}:\n${input.input}` : input.input
}

function speechConfig(input: SpeechInput, warnings: Warning[]) {
  const speakers = Object.entries(input.speakers ?? {})
  if (speakers.length === 0) {
    return { voiceConfig: prebuilt(geminiVoice(input.voice, 'voice', warnings)) }
  }
  if (speakers.length !== 2) {
    throw new InvalidRequestError('speakers', `Gemini multi-speaker speech takes exactly 2 speakers (got ${speakers.length})`)
  }
  if (input.voice !== undefined) {
    warnings.push({ option: 'voice', message: 'not used: with speakers, each speaker’s voice is used instead' })
  }
  return {
    multiSpeakerVoiceConfig: {
      speakerVoiceConfigs: speakers.map(([speaker, voice]) => ({
        speaker,
        voiceConfig: prebuilt(geminiVoice(voice, `speakers.${speaker}`, warnings)),
      })),
    },
  }
}

const prebuilt = (voiceName: string) => ({ prebuiltVoiceConfig: { voiceName } })

/** Gemini names pass through; OpenAI names map by the documented table, with a warning. */
export function geminiVoice(voice: SpeechInput['voice'], option: string, warnings: Warning[]): string {
  if (voice === undefined) return DEFAULT_GEMINI_VOICE
  if (typeof voice !== 'string') {
    throw new InvalidRequestError(option, 'custom voice ids ({ id }) are OpenAI-only; Gemini takes a voice name such as "Kore"')
  }
  const mapped = lookup(OPENAI_TO_GEMINI_VOICE, voice.toLowerCase())
  if (!mapped) return voice
  warnings.push({ option, message: `"${voice}" is an OpenAI voice; Gemini spoke with "${mapped}", its closest Gemini voice` })
  return mapped
}

interface InlineData {
  mimeType?: unknown
  data?: unknown
}

/**
 * Gemini's JSON answer → playable bytes: PCM parts joined and wrapped as WAV (rate and channels
 * from `mimeType`), or handed over raw for `pcm`.
 */
export function decodeGeminiSpeech(payload: unknown, input: SpeechInput, provider: string): DecodedAudio {
  const candidate = (payload as { candidates?: Array<{ content?: { parts?: unknown[] }; finishReason?: string }> } | null)
    ?.candidates?.[0]
  const parts = (candidate?.content?.parts ?? [])
    .map((part) => (part as { inlineData?: InlineData; inline_data?: InlineData } | null))
    .map((part) => part?.inlineData ?? part?.inline_data)
    .filter((inline): inline is { mimeType?: unknown; data: string } => typeof inline?.data === 'string' && inline.data.length > 0)
  if (parts.length === 0) {
    const reason = candidate?.finishReason ?? (payload as { promptFeedback?: { blockReason?: string } } | null)?.promptFeedback?.blockReason
    throw unexpectedAnswer(provider, `no audio in it${reason ? ` (finish reason: ${reason})` : ''}`, payload)
  }
  const mimeType = typeof parts[0]!.mimeType === 'string' ? parts[0]!.mimeType : 'audio/L16;codec=pcm;rate=24000'
  const format = parsePcmMediaType(mimeType)
  const problem = format && pcmLayoutProblem(format)
  if (problem) throw unexpectedAnswer(provider, `audio of type ${mimeType}, whose layout cannot be true: ${problem}`)
  const decode = (data: string, offset: number) => {
    try {
      return offset ? decodeBase64After(offset, data) : decodeBase64(data)
    } catch {
      throw unexpectedAnswer(provider, 'the audio is not valid base64')
    }
  }
  if (format && input.response_format === 'wav' && parts.length === 1) {
    // The usual answer: one part, decoded straight behind the WAV header (one pass, no copy).
    const wav = decode(parts[0]!.data, WAV_HEADER_BYTES)
    const dataBytes = wav.byteLength - WAV_HEADER_BYTES
    if (dataBytes % 2 === 0) {
      writeWavHeader(wav, dataBytes, format)
      return { bytes: wav, mediaType: 'audio/wav' }
    }
  }
  const chunks = parts.map((part) => decode(part.data, 0))
  if (format) {
    if (input.response_format === 'wav') return { bytes: pcmToWav(chunks, format), mediaType: 'audio/wav' }
    return { bytes: concatBytes(chunks), mediaType: pcmMediaType(format) }
  }
  // A container Gemini might answer with one day: hand it over only if it is what was asked.
  const bytes = concatBytes(chunks)
  const sniffed = sniffMediaType(bytes.subarray(0, 16))
  if (sniffed && sniffed === FORMAT_MEDIA_TYPES[input.response_format]) return { bytes, mediaType: sniffed }
  throw unexpectedAnswer(provider, `audio of type ${mimeType}, not ${input.response_format}`)
}
