import { InvalidRequestError } from '../errors/classes.ts'
import { speechBody, transcriptionFields } from './openai.ts'
import { streamTranscriptionFields } from './stream-format.ts'
import type { BuiltRequest, ProviderAdapter, RequestContext, Route, Warning } from './types.ts'

export const DEFAULT_AZURE_API_VERSION = '2025-02-01-preview'

/**
 * `{base}/openai/deployments/{deployment}{path}?api-version=…`. A base that already ends in
 * `/openai` (as some portals show it) does not get a second one.
 */
export function azureURL(route: Route, path: string): string {
  const base = route.baseURL.replace(/\/+$/, '').replace(/\/openai$/, '')
  const version = encodeURIComponent(route.apiVersion ?? DEFAULT_AZURE_API_VERSION)
  return `${base}/openai/deployments/${encodeURIComponent(route.model)}${path}?api-version=${version}`
}

/** `api-key` for a resource key; `Authorization: Bearer` for an Entra ID token. */
export function azureHeaders(context: RequestContext, contentType?: string): Record<string, string> {
  if (!context.credential) {
    throw new InvalidRequestError(
      'apiKey',
      'is required for azure/ models: pass apiKey (or set AZURE_API_KEY), azureAdToken or azureAdTokenProvider',
    )
  }
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {}
  if (context.credentialKind === 'token') headers.authorization = `Bearer ${context.credential}`
  else headers['api-key'] = context.credential
  return { ...headers, ...context.headers }
}

/**
 * Azure OpenAI (`azure/<deployment>`): OpenAI's bodies at the deployment's URL. Deployment
 * names say nothing certain about the model behind them, so no option is dropped on a guess.
 */
export const azure: ProviderAdapter = {
  maxInputChars: 4096,
  maxFileSizeMB: 25,
  buildSpeechRequest(input, context): BuiltRequest {
    const warnings: Warning[] = []
    const headers = azureHeaders(context, 'application/json')
    return {
      request: { url: azureURL(context.route, '/audio/speech'), method: 'POST', headers, body: speechBody(input, context.route.model, warnings, false, 'azure') },
      warnings,
    }
  },
  buildTranscriptionRequest(input, context): BuiltRequest {
    const warnings: Warning[] = []
    const stream = streamTranscriptionFields(input, 'azure', warnings)
    return {
      request: {
        url: azureURL(context.route, '/audio/transcriptions'),
        method: 'POST',
        headers: azureHeaders(context),
        body: {
          fields: [...transcriptionFields(input, context.route.model), ...stream],
          file: { field: 'file', blob: input.file, filename: input.filename, mediaType: input.mediaType },
        },
      },
      warnings,
    }
  },
}
