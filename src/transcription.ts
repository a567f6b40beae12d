import { toAudioFile } from './audio/audio-file.ts'
import { type CallOptions, exchange, mergeOptions, plan } from './call.ts'
import { InvalidRequestError } from './errors.ts'
import { assertFileSize } from './limits.ts'
import type { TranscriptionInput } from './providers/types.ts'
import { type ClientOptions, type TranscriptionParams, transcriptionParamsSchema } from './schemas.ts'
import { parseTranscriptionBody, type Transcription } from './transcription-result.ts'
import { readText } from './transport/read-text.ts'
import { refuseEventStream } from './refuse-event-stream.ts'
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
  // openai/openai-openapi CreateTranscriptionRequest.include: logprobs only with response_format json.
  if (parsed.include?.includes('logprobs') && format !== 'json') {
    throw new InvalidRequestError('include', '"logprobs" needs response_format: "json"')
  }
  assertSpeakersMatch(parsed.known_speaker_names, parsed.known_speaker_references)
  const options: CallOptions = mergeOptions(clientOptions, parsed)
  const planned = await plan(parsed.model, options)
  const { adapter, route } = planned
  if (!adapter.buildTranscriptionRequest) {
    throw new InvalidRequestError('model', `${route.provider} models do not transcribe here; use an OpenAI-compatible or Azure model`)
  }
  const file = await toAudioFile(parsed.file, parsed.filename)
  assertFileSize(file.blob.size, route.maxFileSizeMB ?? adapter.maxFileSizeMB)
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
    chunking_strategy: parsed.chunking_strategy,
    known_speaker_names: parsed.known_speaker_names,
    known_speaker_references: parsed.known_speaker_references,
    extraBody: parsed.extraBody,
  }
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    adapter.buildTranscriptionRequest!(input, context),
  )
  const streamed = await refuseEventStream(response, deadline, route.provider)
  if (streamed) throw streamed
  const body = await readText(response, deadline, options.maxResponseBytes)
  const fields = parseTranscriptionBody(body, response.headers.get('content-type'), format)
  if (typeof fields === 'string') throw unexpectedAnswer(route.provider, fields, body, response)
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

/** Each known speaker name goes with one reference sample (openai/openai-openapi CreateTranscriptionRequest). */
function assertSpeakersMatch(names: string[] | undefined, references: string[] | undefined): void {
  if (names === undefined && references === undefined) return
  if ((names?.length ?? 0) !== (references?.length ?? 0)) {
    throw names === undefined
      ? new InvalidRequestError('known_speaker_names', 'must name each known_speaker_references sample')
      : new InvalidRequestError('known_speaker_references', 'must give one sample per speaker name')
  }
}
