import type { CapturedFile } from './multipart.ts'
import type { RequestBody } from './read-body.ts'
import { reject, type Validated } from './validation.ts'

export const TRANSCRIPTION_FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'] as const
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
  /** `include[]=logprobs` was asked. */
  logprobs: boolean
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Checks a transcription upload the way OpenAI does (§2 of PROVIDERS.md). */
export function validateTranscription(body: RequestBody, upstreamModel: string): Validated<TranscriptionRequest> {
  if (!body.multipart) {
    return reject('Invalid Content-Type header, expected multipart/form-data. Send the audio as a multipart form with a `file` part.')
  }
  if (body.multipartError) return reject(`Could not parse multipart form: ${body.multipartError}`)
  const fields = body.fields ?? {}
  const file = body.file
  if (!file || file.fieldName !== 'file') return reject("Missing required parameter: 'file'.", 'file', 'missing_required_parameter')
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase()
  if (!extension || !AUDIO_EXTENSIONS.includes(extension)) {
    return reject(`Invalid file format. Supported formats: ${JSON.stringify(AUDIO_EXTENSIONS)}`, 'file', 'invalid_value')
  }
  const format = single(fields.response_format) ?? 'json'
  if (!(TRANSCRIPTION_FORMATS as readonly string[]).includes(format)) {
    return reject(`Invalid value: '${format}'. Supported values are: 'json', 'text', 'srt', 'verbose_json', and 'vtt'.`, 'response_format', 'invalid_value')
  }
  const gpt4o = upstreamModel.startsWith('gpt-4o')
  if (gpt4o && format !== 'json' && format !== 'text') {
    return reject(`response_format '${format}' is not compatible with model '${upstreamModel}'. Use 'json' or 'text'.`, 'response_format', 'unsupported_value')
  }
  const temperatureText = single(fields.temperature)
  const temperature = temperatureText === undefined ? undefined : Number(temperatureText)
  if (temperature !== undefined && (Number.isNaN(temperature) || temperature < 0 || temperature > 1)) {
    return reject(`Invalid 'temperature': expected a number between 0 and 1, but got '${temperatureText}'.`, 'temperature', 'invalid_value')
  }
  const granularities = [...list(fields['timestamp_granularities[]']), ...list(fields.timestamp_granularities)]
  const wrong = granularities.find((value) => value !== 'word' && value !== 'segment')
  if (wrong) return reject(`Invalid value: '${wrong}'. Supported values are: 'word' and 'segment'.`, 'timestamp_granularities', 'invalid_value')
  if (granularities.length > 0 && format !== 'verbose_json') {
    return reject('timestamp_granularities is only supported with response_format verbose_json.', 'timestamp_granularities', 'unsupported_value')
  }
  const language = single(fields.language)
  if (language !== undefined && !/^[a-z]{2}$/.test(language)) {
    return reject(`Invalid language '${language}'. Language parameter must be specified in ISO-639-1 format.`, 'language', 'invalid_value')
  }
  // openai/openai-openapi CreateTranscriptionRequest.stream: "Streaming is not supported for the
  // whisper-1 model and will be ignored" — so only gpt-4o transcribers stream; others answer JSON.
  const stream = single(fields.stream) === 'true' && gpt4o
  const logprobs = [...list(fields['include[]']), ...list(fields.include)].includes('logprobs')
  const prompt = single(fields.prompt)
  return {
    ok: true,
    value: {
      file, format: format as TranscriptionFormat, granularities, stream, logprobs,
      ...(language === undefined ? {} : { language }),
      ...(prompt === undefined ? {} : { prompt }),
      ...(temperature === undefined ? {} : { temperature }),
    },
  }
}
