import { InvalidRequestError } from '../errors/classes.ts'
import { formFields } from './form-fields.ts'
import { versionedURL } from './versioned-url.ts'
import { sseSpeechFormat, streamTranscriptionFields } from './stream-format.ts'
import type { BuiltRequest, OpaqueSpeechInput, ProviderAdapter, ProviderId, RequestContext, TranscriptionInput, Warning } from './types.ts'

const MODELS_WITHOUT_INSTRUCTIONS = new Set(['tts-1', 'tts-1-hd'])

export function openAIHeaders(context: RequestContext, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = {}
  if (contentType) headers['content-type'] = contentType
  if (context.credential) headers.authorization = `Bearer ${context.credential}`
  if (context.organization) headers['openai-organization'] = context.organization
  if (context.project) headers['openai-project'] = context.project
  return Object.assign(headers, context.headers)
}

export function speechBody(input: OpaqueSpeechInput, model: string, warnings: Warning[], direct: boolean, provider: ProviderId) {
  if (input.voice === undefined) {
    throw new InvalidRequestError('voice', 'is required (e.g. "alloy", or { id } of a custom voice)')
  }
  if (input.speakers && Object.keys(input.speakers).length > 0) {
    warnings.push({ option: 'speakers', message: 'multi-speaker speech is a Gemini feature; speakers were not sent' })
  }
  let instructions = input.instructions
  if (instructions !== undefined && direct && MODELS_WITHOUT_INSTRUCTIONS.has(model)) {
    warnings.push({ option: 'instructions', message: `${model} does not take instructions; they were not sent` })
    instructions = undefined
  }
  // Undefined fields are dropped by JSON.stringify.
  const body: Record<string, unknown> = {
    model,
    input: input.input,
    voice: input.voice,
    response_format: input.response_format,
    speed: input.speed,
    instructions,
    stream_format: sseSpeechFormat(input, provider, model, warnings) ? 'sse' : undefined,
  }
  return JSON.stringify(input.extraBody ? Object.assign(body, input.extraBody) : body)
}

/**
 * The text fields of a transcription form, in the spec's names. Arrays and objects, typed or in
 * `extraBody`, go as `name[]` / `name[key]` fields (see formFields), never as JSON text.
 */
export function transcriptionFields(input: TranscriptionInput, model: string): Array<[string, string]> {
  const typed: Record<string, unknown> = {
    model,
    response_format: input.response_format,
    language: input.language,
    prompt: input.prompt,
    temperature: input.temperature,
    timestamp_granularities: input.timestamp_granularities,
    include: input.include,
    chunking_strategy: input.chunking_strategy,
    known_speaker_names: input.known_speaker_names,
    known_speaker_references: input.known_speaker_references,
  }
  const extra = input.extraBody ?? {}
  // As in the JSON bodies, an extraBody field replaces the typed one of the same name.
  return [
    ...Object.entries(typed).flatMap(([name, value]) => (Object.hasOwn(extra, name) ? [] : formFields(name, value))),
    ...Object.entries(extra).flatMap(([name, value]) => formFields(name, value, `extraBody.${name}`)),
  ]
}

function adapter(direct: boolean, maxFileSizeMB?: number): ProviderAdapter {
  return {
    // openai/openai-openapi CreateSpeechRequest: input maxLength 4096.
    maxInputChars: 4096,
    ...(maxFileSizeMB !== undefined && { maxFileSizeMB }),
    buildSpeechRequest(input, context): BuiltRequest {
      const warnings: Warning[] = []
      const body = speechBody(input, context.route.model, warnings, direct, context.route.provider)
      return {
        request: {
          url: versionedURL(context.route.baseURL, '/audio/speech'),
          method: 'POST',
          headers: openAIHeaders(context, 'application/json'),
          body,
        },
        warnings,
      }
    },
    buildTranscriptionRequest(input, context): BuiltRequest {
      const warnings: Warning[] = []
      const stream = streamTranscriptionFields(input, context.route.provider, warnings)
      return {
        request: {
          url: versionedURL(context.route.baseURL, '/audio/transcriptions'),
          method: 'POST',
          headers: openAIHeaders(context),
          body: {
            fields: [...transcriptionFields(input, context.route.model), ...stream],
            file: { field: 'file', blob: input.file, filename: input.filename, mediaType: input.mediaType },
          },
        },
        warnings,
      }
    },
  }
}

/** OpenAI itself: 25 MB uploads, instructions only for models that take them. */
export const openai = adapter(true, 25)
/** Another OpenAI-compatible server (`groq/…`, `hosted_vllm/…`): nothing is dropped. */
export const openAICompatible = adapter(false)
/**
 * A LiteLLM proxy alias is opaque: the proxy and the model behind it set the limits and the
 * default format. BerriAI/litellm litellm/main.py (speech) forwards `response_format` only when
 * the caller gives one, and its Gemini bridge refuses anything but wav and pcm
 * (litellm/llms/gemini/speech_audio.py), so a default sent from here could break an alias.
 */
export const proxy: ProviderAdapter = {
  ...openAICompatible,
  maxInputChars: Number.POSITIVE_INFINITY,
  defaultSpeechFormat: () => undefined,
}
