import { InvalidRequestError } from '../errors.ts'
import type { Warning } from '../speech-result.ts'
import { versionedURL } from './versioned-url.ts'
import { sseSpeechFormat, streamTranscriptionFields } from './stream-format.ts'
import type { BuiltRequest, ProviderAdapter, ProviderId, RequestContext, SpeechInput, TranscriptionInput } from './types.ts'

const MODELS_WITHOUT_INSTRUCTIONS = new Set(['tts-1', 'tts-1-hd'])

export function openAIHeaders(context: RequestContext, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = {}
  if (contentType) headers['content-type'] = contentType
  if (context.credential) headers.authorization = `Bearer ${context.credential}`
  if (context.organization) headers['openai-organization'] = context.organization
  if (context.project) headers['openai-project'] = context.project
  return { ...headers, ...context.headers }
}

export function speechBody(input: SpeechInput, model: string, warnings: Warning[], direct: boolean, provider: ProviderId) {
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
  return JSON.stringify({
    model,
    input: input.input,
    voice: input.voice,
    response_format: input.response_format,
    ...(input.speed !== undefined && { speed: input.speed }),
    ...(instructions !== undefined && { instructions }),
    ...(sseSpeechFormat(input, provider, model, warnings) && { stream_format: 'sse' }),
    ...input.extraBody,
  })
}

export function transcriptionFields(input: TranscriptionInput, model: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [['model', model], ['response_format', input.response_format]]
  if (input.language !== undefined) fields.push(['language', input.language])
  if (input.prompt !== undefined) fields.push(['prompt', input.prompt])
  if (input.temperature !== undefined) fields.push(['temperature', String(input.temperature)])
  for (const granularity of input.timestamp_granularities ?? []) fields.push(['timestamp_granularities[]', granularity])
  for (const item of input.include ?? []) fields.push(['include[]', item])
  for (const [name, value] of Object.entries(input.extraBody ?? {})) {
    fields.push([name, typeof value === 'string' ? value : JSON.stringify(value)])
  }
  return fields
}

function adapter(direct: boolean, maxFileSizeMB?: number): ProviderAdapter {
  return {
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
/** A LiteLLM proxy or another OpenAI-compatible server: aliases are opaque, so nothing is dropped. */
export const openAICompatible = adapter(false)
