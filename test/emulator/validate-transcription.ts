import { decodeForm } from './decode-form.ts'
import type { CapturedFile } from './multipart.ts'
import type { RequestBody } from './read-body.ts'
import { type ChunkingStrategy, checkChunkingStrategy, checkSpeakers, type Speakers } from './validate-diarization.ts'
import { reject, type Validated } from './validation.ts'

// openai/openai-openapi openapi.yaml: AudioResponseFormat.
export const TRANSCRIPTION_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'] as const
export type TranscriptionFormat = (typeof TRANSCRIPTION_FORMATS)[number]
export const AUDIO_EXTENSIONS = ['flac', 'mp3', 'mp4', 'mpeg', 'mpga', 'm4a', 'ogg', 'wav', 'webm']

export interface TranscriptionRequest {
  file: CapturedFile
  language?: string
  prompt?: string
  format: TranscriptionFormat
  temperature?: number
  granularities: string[]
  stream: boolean
  /** `include[]=logprobs` was sent. */
  logprobs: boolean
  chunking?: ChunkingStrategy
  speakers: Speakers
}

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value) as string | undefined
const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)])

// openai/openai-openapi openapi.yaml, AudioResponseFormat and CreateTranscriptionRequest.include:
// gpt-4o-transcribe and gpt-4o-mini-transcribe answer json only; gpt-4o-transcribe-diarize json,
// text and diarized_json (the only model with speaker annotations); logprobs only with json and
// the models the spec names.
const DIARIZE = /^gpt-4o-transcribe-diarize/
const GPT4O = /^gpt-4o(-mini)?-transcribe(?!-diarize)/
const LOGPROB_MODELS = /^(gpt-4o-transcribe|gpt-4o-mini-transcribe)(-\d{4}-\d{2}-\d{2})?$/

function formatsFor(model: string): readonly TranscriptionFormat[] {
  if (DIARIZE.test(model)) return ['json', 'text', 'diarized_json']
  if (GPT4O.test(model)) return ['json']
  return ['json', 'text', 'srt', 'verbose_json', 'vtt']
}

/** Checks a transcription upload the way OpenAI does (§2 of PROVIDERS.md). */
export function validateTranscription(body: RequestBody, upstreamModel: string): Validated<TranscriptionRequest> {
  if (!body.multipart) {
    return reject('Invalid Content-Type header, expected multipart/form-data. Send the audio as a multipart form with a `file` part.')
  }
  if (body.multipartError) return reject(`Could not parse multipart form: ${body.multipartError}`)
  const fields = decodeForm(body.fields ?? {})
  const file = body.file
  if (!file || file.fieldName !== 'file') return reject("Missing required parameter: 'file'.", 'file', 'missing_required_parameter')
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase()
  if (!extension || !AUDIO_EXTENSIONS.includes(extension)) {
    return reject(`Invalid file format. Supported formats: ${JSON.stringify(AUDIO_EXTENSIONS)}`, 'file', 'invalid_value')
  }
  const format = single(fields.response_format) ?? 'json'
  if (!(TRANSCRIPTION_FORMATS as readonly string[]).includes(format)) {
    return reject(`Invalid value: '${format}'. Supported values are: 'json', 'text', 'srt', 'verbose_json', 'vtt', and 'diarized_json'.`, 'response_format', 'invalid_value')
  }
  const allowed = formatsFor(upstreamModel)
  if (!allowed.includes(format as TranscriptionFormat)) {
    return reject(`response_format '${format}' is not compatible with model '${upstreamModel}'. Use ${allowed.map((name) => `'${name}'`).join(' or ')}.`, 'response_format', 'unsupported_value')
  }
  const diarize = DIARIZE.test(upstreamModel)
  const temperatureText = single(fields.temperature)
  const temperature = temperatureText === undefined ? undefined : Number(temperatureText)
  if (temperature !== undefined && (Number.isNaN(temperature) || temperature < 0 || temperature > 1)) {
    return reject(`Invalid 'temperature': expected a number between 0 and 1, but got '${temperatureText}'.`, 'temperature', 'invalid_value')
  }
  const granularities = list(fields.timestamp_granularities)
  const wrong = granularities.find((value) => value !== 'word' && value !== 'segment')
  if (wrong) return reject(`Invalid value: '${wrong}'. Supported values are: 'word' and 'segment'.`, 'timestamp_granularities', 'invalid_value')
  if (granularities.length > 0 && format !== 'verbose_json') {
    return reject('timestamp_granularities is only supported with response_format verbose_json.', 'timestamp_granularities', 'unsupported_value')
  }
  const language = single(fields.language)
  if (language !== undefined && !/^[a-z]{2}$/.test(language)) {
    return reject(`Invalid language '${language}'. Language parameter must be specified in ISO-639-1 format.`, 'language', 'invalid_value')
  }
  const stream = single(fields.stream) === 'true'
  // Streaming: "not supported for the whisper-1 model" (the spec says it is ignored there).
  if (stream && !upstreamModel.startsWith('gpt-4o')) return reject(`Streaming is not supported for the ${upstreamModel} model.`, 'stream', 'unsupported_value')
  const prompt = single(fields.prompt)
  if (prompt !== undefined && diarize) return reject(`'prompt' is not supported with model '${upstreamModel}'.`, 'prompt', 'unsupported_value')
  const include = list(fields.include)
  const unknownInclude = include.find((item) => item !== 'logprobs')
  if (unknownInclude) return reject(`Invalid value: '${unknownInclude}'. Supported values are: 'logprobs'.`, 'include', 'invalid_value')
  const logprobs = include.length > 0
  if (logprobs && (!LOGPROB_MODELS.test(upstreamModel) || format !== 'json')) {
    return reject(`'include[]=logprobs' is only supported with response_format 'json' and the models gpt-4o-transcribe, gpt-4o-mini-transcribe and gpt-4o-mini-transcribe-2025-12-15.`, 'include', 'unsupported_value')
  }
  const chunking = checkChunkingStrategy(fields.chunking_strategy)
  if (!chunking.ok) return chunking
  const speakers = checkSpeakers(fields.known_speaker_names, fields.known_speaker_references)
  if (!speakers.ok) return speakers
  return {
    ok: true,
    value: {
      file, format: format as TranscriptionFormat, granularities, stream, logprobs, speakers: speakers.value,
      ...(chunking.value === undefined ? {} : { chunking: chunking.value }),
      ...(language === undefined ? {} : { language }),
      ...(prompt === undefined ? {} : { prompt }),
      ...(temperature === undefined ? {} : { temperature }),
    },
  }
}
