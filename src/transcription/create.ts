import { toAudioFile } from '../audio/file.ts'
import { audioInputSize } from '../audio/input.ts'
import { type CallOptions, exchange, mergeOptions, plan, type Planned } from '../pipeline/call.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import { assertFileSize } from '../pipeline/limits.ts'
import type { TranscriptionInput } from '../providers/types.ts'
import type { ClientOptions } from '../options/client-options.ts'
import { type TranscriptionParams, transcriptionParams } from './params.ts'
import type { Warning } from '../providers/types.ts'
import { parseTranscriptionBody, type Transcription } from './result.ts'
import { readText } from '../transport/read-text.ts'
import { refuseEventStream } from './refuse-event-stream.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'
import { requestIdOf } from '../util/request-id.ts'
import { validate } from '../options/validate.ts'

export interface PreparedTranscription {
  planned: Planned
  options: CallOptions
  input: TranscriptionInput
}

/** Checks the input, routes the call and reads the file's facts: everything before the network. */
export async function prepareTranscription(
  clientOptions: ClientOptions,
  params: TranscriptionParams,
  stream = false,
): Promise<PreparedTranscription> {
  const parsed = validate(transcriptionParams.for(params), params)
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
  // Awaited only when an adapter is still loading: a needless await lets the last answer's
  // clean-up run before this request goes out instead of while the server works on it.
  const pending = plan(parsed.model, options)
  const planned = 'then' in pending ? await pending : pending
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
    ...(stream && { stream }),
    chunking_strategy: parsed.chunking_strategy,
    known_speaker_names: parsed.known_speaker_names,
    known_speaker_references: parsed.known_speaker_references,
    extraBody: parsed.extraBody,
  }
  return { planned, options, input }
}

/** Audio → text, in one normalized shape whatever the server answered. */
export async function createTranscription(clientOptions: ClientOptions, params: TranscriptionParams): Promise<Transcription> {
  const { planned, options, input } = await prepareTranscription(clientOptions, params)
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    planned.adapter.buildTranscriptionRequest!(input, context),
  )
  const streamed = await refuseEventStream(response, deadline, planned.route.provider)
  if (streamed) throw streamed
  return toTranscription(await readText(response, deadline, options.maxResponseBytes), response, input, planned.route.provider, warnings)
}

/** A whole transcription answer (JSON or text) → the normalized result. */
export function toTranscription(
  body: string,
  response: Response,
  input: TranscriptionInput,
  provider: string,
  warnings: Warning[],
): Transcription {
  const fields = parseTranscriptionBody(body, response.headers.get('content-type'), input.response_format)
  if (typeof fields === 'string') throw unexpectedAnswer(provider, fields, body, response)
  const requestId = requestIdOf(response.headers)
  return {
    ...fields,
    format: input.response_format,
    headers: response.headers,
    provider,
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
