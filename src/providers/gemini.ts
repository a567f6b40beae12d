import { InvalidRequestError } from '../errors/classes.ts'
import { decodeGeminiSpeech, geminiMethod, geminiSpeechBody } from './gemini-speech.ts'
import type { BuiltRequest, ProviderAdapter, RequestContext, SpeechInput, Warning } from './types.ts'

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta'

/**
 * `{base}/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse` for a streamed
 * answer; `base` carries the API version (PROVIDERS.md §8).
 */
export function geminiURL(baseURL: string, model: string, stream = false): string {
  return `${(baseURL || GEMINI_BASE_URL).replace(/\/+$/, '')}/models/${encodeURIComponent(model)}${geminiMethod(stream)}`
}

/**
 * The Gemini API (`gemini/<model>`): generateContent with audio output. The key travels in the
 * `x-goog-api-key` header, never in the URL (LiteLLM's `?key=` ends up in access logs).
 */
export const gemini: ProviderAdapter = {
  // Gemini limits tokens (a 32k context), not characters: the server is the judge.
  maxInputChars: Number.POSITIVE_INFINITY,
  defaultSpeechFormat: () => 'wav',
  buildSpeechRequest(input: SpeechInput, context: RequestContext): BuiltRequest {
    if (!context.credential) {
      throw new InvalidRequestError('apiKey', 'is required for gemini/ models (pass apiKey, or set GEMINI_API_KEY or GOOGLE_API_KEY)')
    }
    const warnings: Warning[] = []
    const body = geminiSpeechBody(input, warnings)
    return {
      request: {
        url: geminiURL(context.route.baseURL, context.route.model, input.stream_format === 'sse'),
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': context.credential, ...context.headers },
        body,
      },
      warnings,
    }
  },
  decodeSpeech: (payload, input: SpeechInput) => decodeGeminiSpeech(payload, input, 'gemini'),
}
