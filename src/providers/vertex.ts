import { assertVertexLocation } from './endpoint-checks.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import { cloudTTSBody, decodeCloudTTSSpeech } from './cloud-tts.ts'
import { decodeGeminiSpeech, geminiMethod, geminiSpeechBody } from './gemini-speech.ts'
import type { BuiltRequest, ProviderAdapter, RequestContext, Route, SpeechInput, Warning } from './types.ts'
import { versionedURL } from './versioned-url.ts'

export const CLOUD_TTS_BASE_URL = 'https://texttospeech.googleapis.com'
export const DEFAULT_VERTEX_LOCATION = 'us-central1'

/** `vertex_ai/gemini-…` models speak through generateContent; every other model is Cloud TTS. */
export function isVertexGeminiModel(model: string): boolean {
  return /^gemini-/i.test(model)
}

export function cloudTTSURL(route: Route): string {
  return versionedURL(route.baseURL || CLOUD_TTS_BASE_URL, '/text:synthesize')
}

/** Regional host `{location}-aiplatform.googleapis.com`; `global` has no prefix. */
export function vertexGeminiURL(route: Route, stream = false): string {
  const project = route.vertexProject
  if (!project) {
    throw new InvalidRequestError(
      'vertexProject',
      'is required for vertex_ai/gemini-… models (pass vertexProject, set VERTEXAI_PROJECT, or use a service account with project_id)',
    )
  }
  const location = route.vertexLocation ?? DEFAULT_VERTEX_LOCATION
  assertVertexLocation(location, 'vertexLocation')
  const base = route.baseURL || (location === 'global' ? 'https://aiplatform.googleapis.com' : `https://${location}-aiplatform.googleapis.com`)
  const path = `/projects/${encodeURIComponent(project)}/locations/${encodeURIComponent(location)}/publishers/google/models/${encodeURIComponent(route.model)}${geminiMethod(stream)}`
  return versionedURL(base, path)
}

function bearer(context: RequestContext): Record<string, string> {
  if (!context.credential) {
    throw new InvalidRequestError('accessToken', 'Vertex AI needs an OAuth token: pass accessToken, or (server-side) vertexCredentials / GOOGLE_APPLICATION_CREDENTIALS')
  }
  return { 'content-type': 'application/json', authorization: `Bearer ${context.credential}` }
}

/**
 * Vertex AI (`vertex_ai/<model>`): Gemini TTS models through Vertex generateContent, other
 * models (and Google voice names) through Cloud Text-to-Speech. Always a Bearer token.
 */
export const vertex: ProviderAdapter = {
  // Cloud TTS limits bytes (checked when building); Gemini limits tokens (the server judges).
  maxInputChars: Number.POSITIVE_INFINITY,
  defaultSpeechFormat: (model) => (isVertexGeminiModel(model) ? 'wav' : 'mp3'),
  buildSpeechRequest(input: SpeechInput, context): BuiltRequest {
    const warnings: Warning[] = []
    const { route } = context
    if (isVertexGeminiModel(route.model)) {
      const url = vertexGeminiURL(route, input.stream_format === 'sse')
      const body = geminiSpeechBody(input, warnings)
      return { request: { url, method: 'POST', headers: { ...bearer(context), ...context.headers }, body }, warnings }
    }
    const body = cloudTTSBody(input, route.model, warnings)
    if (input.stream_format === 'sse') {
      // googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto: text:synthesize answers
      // one JSON document; streaming synthesis exists only as a gRPC method.
      warnings.push({ option: 'stream_format', message: 'Cloud Text-to-Speech answers whole over REST; the audio arrives in one piece' })
    }
    const headers = { ...bearer(context), ...(route.vertexProject && { 'x-goog-user-project': route.vertexProject }), ...context.headers }
    return { request: { url: cloudTTSURL(route), method: 'POST', headers, body }, warnings }
  },
  decodeSpeech(payload, input: SpeechInput) {
    // The two APIs answer in different shapes; the shape says which one answered.
    return payload !== null && typeof payload === 'object' && 'audioContent' in payload
      ? decodeCloudTTSSpeech(payload, input)
      : decodeGeminiSpeech(payload, input, 'vertex_ai')
  },
}
