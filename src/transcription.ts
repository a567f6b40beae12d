import { toAudioFile } from './audio/audio-file.ts'
import { audioInputSize } from './audio/audio-input.ts'
import { type CallOptions, exchange, mergeOptions, plan } from './call.ts'
import { InvalidRequestError } from './errors.ts'
import { assertFileSize } from './limits.ts'
import type { TranscriptionInput } from './providers/types.ts'
import { type ClientOptions, type TranscriptionParams, transcriptionParamsSchema } from './schemas.ts'
import { parseTranscriptionBody, type Transcription } from './transcription-result.ts'
import { readText } from './transport/read-text.ts'
import { unexpectedAnswer } from './unexpected-answer.ts'
import { requestIdOf } from './request-id.ts'
import { validate } from './validate.ts'

/** Audio → text, in one normalized shape whatever the server answered. */
export async function createTranscription(clientOptions: ClientOptions, params: TranscriptionParams): Promise<Transcription> {
  const parsed = validate(transcriptionParamsSchema, params)
  const format = parsed.response_format ?? 'json'
  if (parsed.timestamp_granularities?.length && format !== 'verbose_json') {
    throw new InvalidRequestError('timestamp_granularities', 'needs response_format: "verbose_json"')
  }
  const options: CallOptions = mergeOptions(clientOptions, parsed)
  const planned = await plan(parsed.model, options)
  const { adapter, route } = planned
  if (!adapter.buildTranscriptionRequest) {
    throw new InvalidRequestError('model', `${route.provider} models do not transcribe here; use an OpenAI-compatible or Azure model`)
  }
  // Size first: a file too large is refused as such, whatever its format.
  assertFileSize(audioInputSize(parsed.file), route.maxFileSizeMB ?? adapter.maxFileSizeMB)
  const file = await toAudioFile(parsed.file, parsed.filename)
  const input: TranscriptionInput = {
    file: file.blob,
    filename: file.filename,
    mediaType: file.mediaType,
    language: parsed.language,
    prompt: parsed.prompt,
    response_format: format,
    temperature: parsed.temperature,
    timestamp_granularities: parsed.timestamp_granularities,
    include: parsed.include,
    extraBody: parsed.extraBody,
  }
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    adapter.buildTranscriptionRequest!(input, context),
  )
  const body = await readText(response, deadline)
  const fields = parseTranscriptionBody(body, response.headers.get('content-type'))
  if (!fields) {
    throw unexpectedAnswer(route.provider, 'no transcript text in it', body, response)
  }
  const requestId = requestIdOf(response.headers)
  return {
    ...fields,
    format,
    headers: response.headers,
    provider: route.provider,
    warnings,
    ...(requestId && { requestId }),
  }
}
