import { describeAudio } from './describe-audio.ts'
import type { TranscriptionRequest } from './validate-transcription.ts'

export interface Transcript {
  text: string
  /** Seconds; 0 when the audio gives no clue. */
  duration: number
  /** Language name as OpenAI reports it (`english`). */
  language: string
}

const LANGUAGES: Record<string, string> = {
  en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese',
  nl: 'dutch', ja: 'japanese', zh: 'chinese', ko: 'korean', ru: 'russian', pl: 'polish',
}

/** The emulator's "recognition": its own audio reads back its text; anything else is described honestly. */
export function transcribe(request: TranscriptionRequest): Transcript {
  const { file } = request
  const audio = describeAudio(file.head, file.tail, file.size, file.filename)
  const duration = audio.duration ?? 0
  const text = audio.text ?? [
    `Emulated transcript: ${audio.format} audio, ${file.size} bytes`,
    ...(audio.duration === undefined ? [] : [`${audio.duration.toFixed(2)} s`]),
  ].join(', ') + ' (this emulator has no speech recognizer)'
  const language = request.language ? (LANGUAGES[request.language] ?? request.language) : 'english'
  return { text, duration, language }
}

/**
 * OpenAI's JSON shapes (openai/openai-openapi openapi.yaml): CreateTranscriptionResponseJson
 * (with `logprobs` when asked), CreateTranscriptionResponseVerboseJson and
 * CreateTranscriptionResponseDiarizedJson.
 */
export function transcriptJson(transcript: Transcript, request: TranscriptionRequest, model: string): Record<string, unknown> {
  const seconds = Math.ceil(transcript.duration)
  // The spec's diarized example reports duration usage; the other gpt-4o transcribers bill tokens.
  const usage = model.startsWith('gpt-4o') && request.format !== 'diarized_json'
    ? { type: 'tokens', input_tokens: seconds * 10, output_tokens: Math.ceil(transcript.text.length / 4), total_tokens: seconds * 10 + Math.ceil(transcript.text.length / 4) }
    : { type: 'duration', seconds }
  if (request.format === 'diarized_json') return diarizedJson(transcript, request, usage)
  if (request.format !== 'verbose_json') {
    return { text: transcript.text, ...(request.logprobs ? { logprobs: logprobsOf(transcript.text) } : {}), usage }
  }
  const duration = round(transcript.duration)
  const words = transcript.text.split(/\s+/).filter(Boolean)
  return {
    task: 'transcribe',
    language: transcript.language,
    duration,
    text: transcript.text,
    segments: [{
      id: 0, seek: 0, start: 0, end: duration, text: transcript.text, tokens: [],
      temperature: request.temperature ?? 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0,
    }],
    ...(request.granularities.includes('word')
      ? { words: words.map((word, index) => ({ word, start: round((index * duration) / words.length), end: round(((index + 1) * duration) / words.length) })) }
      : {}),
    usage,
  }
}

/** text, srt and vtt documents. */
export function transcriptDocument(transcript: Transcript, format: 'text' | 'srt' | 'vtt'): string {
  const end = transcript.duration
  if (format === 'text') return `${transcript.text}\n`
  if (format === 'srt') return `1\n${timestamp(0, ',')} --> ${timestamp(end, ',')}\n${transcript.text}\n\n`
  return `WEBVTT\n\n${timestamp(0, '.')} --> ${timestamp(end, '.')}\n${transcript.text}\n\n`
}

function timestamp(seconds: number, separator: string): string {
  const total = Math.round(seconds * 1000)
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(Math.floor(total / 3600000))}:${pad(Math.floor(total / 60000) % 60)}:${pad(Math.floor(total / 1000) % 60)}${separator}${pad(total % 1000, 3)}`
}

const round = (value: number) => Math.round(value * 100) / 100

/**
 * The emulator hears one voice: one segment, labelled with the first known speaker name, else
 * `A` (openai/openai-openapi TranscriptionDiarizedSegment.speaker: unknown speakers get A, B, …).
 */
function diarizedJson(transcript: Transcript, request: TranscriptionRequest, usage: Record<string, unknown>): Record<string, unknown> {
  const duration = round(transcript.duration)
  return {
    task: 'transcribe',
    duration,
    text: transcript.text,
    segments: [{
      type: 'transcript.text.segment', id: 'seg_0', start: 0, end: duration, text: transcript.text,
      speaker: request.speakers.names[0] ?? 'A',
    }],
    usage,
  }
}

const encoder = new TextEncoder()

/** One entry per word (with its leading space), as `{ token, logprob, bytes }`. */
function logprobsOf(text: string): Array<{ token: string; logprob: number; bytes: number[] }> {
  return (text.match(/\s*\S+/g) ?? []).map((token) => ({ token, logprob: -0.0123, bytes: [...encoder.encode(token)] }))
}
