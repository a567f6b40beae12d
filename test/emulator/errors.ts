import type { RequestContext } from './context.ts'
import { sendJson } from './respond.ts'

/**
 * LiteLLM proxy errors: `code` is the status as a string (BerriAI/litellm litellm/proxy/_types.py
 * ProxyException: `self.code = str(code)`; proxy_server.py openai_exception_handler answers
 * `{"error": exc.to_dict()}` with that status).
 */
export function litellmError(status: number, message: string, type: string | null = 'None', param: string | null = 'None') {
  return { error: { message, type, param, code: String(status) } }
}

/** OpenAI API errors. */
export function openaiError(message: string, param: string | null = null, code: string | null = null, type = 'invalid_request_error') {
  return { error: { message, type, param, code } }
}

/** Azure's own errors (auth, routing): `{error: {code, message}}`. */
export function azureError(code: string, message: string) {
  return { error: { code, message } }
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED', 409: 'ABORTED', 413: 'INVALID_ARGUMENT', 429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL', 502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
}

/** Google APIs (Gemini, Vertex, Cloud TTS): `{error: {code, message, status}}`. */
export function googleError(code: number, message: string, details?: unknown[]) {
  return { error: { code, message, status: GOOGLE_STATUS[code] ?? 'UNKNOWN', ...(details ? { details } : {}) } }
}

/** OAuth token endpoint errors. */
export function oauthError(error: string, description: string) {
  return { error, error_description: description }
}

const LITELLM_EXCEPTIONS: Record<number, [string, string]> = {
  400: ['BadRequestError', 'invalid_request_error'], 401: ['AuthenticationError', 'auth_error'],
  403: ['PermissionDeniedError', 'None'], 404: ['NotFoundError', 'None'], 408: ['Timeout', 'None'],
  409: ['APIError', 'None'], 413: ['BadRequestError', 'invalid_request_error'],
  429: ['RateLimitError', 'throttling_error'], 500: ['InternalServerError', 'None'],
  502: ['BadGatewayError', 'None'], 503: ['ServiceUnavailableError', 'None'], 504: ['Timeout', 'None'],
}

const OPENAI_TYPES: Record<number, [string, string | null]> = {
  401: ['invalid_request_error', 'invalid_api_key'], 403: ['invalid_request_error', null],
  404: ['invalid_request_error', null], 408: ['timeout', null], 409: ['conflict', null],
  413: ['server_error', null], 429: ['requests', 'rate_limit_exceeded'],
}

/** Answers `status` with `message` in the error shape of the request's persona. */
export function sendStatusError(context: RequestContext, status: number, message: string, headers: Record<string, string> = {}): void {
  switch (context.persona) {
    case 'proxy': {
      const [name, type] = LITELLM_EXCEPTIONS[status] ?? ['APIError', 'None']
      return sendJson(context, status, litellmError(status, `litellm.${name}: ${message}`, type), headers)
    }
    case 'openai':
      return sendOpenAIStatus(context, status, message, headers)
    case 'azure':
      if (status === 401 || status === 404 || status === 429) return sendJson(context, status, azureError(String(status), message), headers)
      return sendOpenAIStatus(context, status, message, headers)
    case 'gemini':
    case 'vertex-tts':
    case 'vertex-gemini':
      return sendJson(context, status, googleError(status, message), headers)
    case 'google-token': {
      const error = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'internal_failure' : status === 401 ? 'invalid_client' : 'invalid_request'
      return sendJson(context, status, oauthError(error, message), headers)
    }
  }
}

function sendOpenAIStatus(context: RequestContext, status: number, message: string, headers: Record<string, string>): void {
  const [type, code] = OPENAI_TYPES[status] ?? (status >= 500 ? ['server_error', null] : ['invalid_request_error', null])
  sendJson(context, status, openaiError(message, null, code, type), headers)
}
