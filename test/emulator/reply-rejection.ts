import type { RequestContext } from './context.ts'
import { googleError, litellmError, openaiError } from './errors.ts'
import { sendJson } from './respond.ts'
import type { Rejection } from './validation.ts'

const LITELLM_NAMES: Record<number, string> = { 400: 'BadRequestError', 404: 'NotFoundError', 413: 'BadRequestError' }

/**
 * Answers a refused request in the persona's shape. Behind the proxy, the upstream's refusal
 * comes back wrapped the way LiteLLM wraps provider errors.
 */
export function replyRejection(context: RequestContext, rejection: Rejection, upstream: 'OpenAI' | 'Gemini' = 'OpenAI'): void {
  const { status, message, param, code } = rejection
  switch (context.persona) {
    case 'proxy': {
      const name = LITELLM_NAMES[status] ?? 'APIError'
      const inner = upstream === 'Gemini' ? JSON.stringify(googleError(status, message)) : message
      return sendJson(context, status, litellmError(status, `litellm.${name}: ${upstream === 'Gemini' ? 'GeminiException' : 'OpenAIException'} - ${inner}`, rejection.type ?? 'invalid_request_error', param ?? 'None'))
    }
    case 'gemini':
    case 'vertex-gemini':
    case 'vertex-tts':
      return sendJson(context, status, googleError(status, message))
    default:
      return sendJson(context, status, openaiError(message, param, code, rejection.type))
  }
}
