import { redactBody, redactHeaders } from './redact.ts'
import { APIError, FileTooLargeError } from './classes.ts'
import { requestIdOf } from '../util/request-id.ts'

const FILE_SIZE_MESSAGE = /File size is too large\. Please check your file size\. Passed file size: ([\d.eE+-]+) MB\. Max file size: ([\d.eE+-]+) MB/

/**
 * Builds the typed error for a non-2xx answer from any provider's error shape: OpenAI and
 * LiteLLM `{error:{message,type,param,code}}`, Google `{error:{code,message,status}}`, Azure
 * `{error:{code,message}}`, OAuth `{error, error_description}`, or plain text and HTML.
 * Secrets the server echoed back are blanked out of everything kept.
 */
export function toAPIError(response: Response, bodyText: string, provider: string, secrets: string[]): Error {
  const body = redactBody(bodyText, secrets)
  const requestId = requestIdOf(response.headers)
  const detail = errorDetail(body)
  const sizeMatch = FILE_SIZE_MESSAGE.exec(detail.message ?? '')
  if (sizeMatch) {
    return new FileTooLargeError({
      fileSizeMB: Number(sizeMatch[1]),
      maxFileSizeMB: Number(sizeMatch[2]),
      status: response.status,
      requestId,
      // The proxy's words, verbatim: its numbers are Python floats and may be other versions' text.
      message: detail.message,
    })
  }
  const fallback = /<html|<!doctype/i.test(body)
    ? `${response.status} ${response.statusText || 'error'} (the server answered with an HTML page)`
    : `${response.status} ${body.trim().slice(0, 300) || response.statusText || 'error'}`
  return new APIError({
    status: response.status,
    provider,
    message: detail.message ? `${response.status} ${detail.message}` : fallback,
    type: detail.type,
    param: detail.param,
    code: detail.code,
    requestId,
    headers: redactHeaders(response.headers, secrets),
    body,
  })
}

interface ErrorDetail {
  message?: string | undefined
  type?: string | undefined
  param?: string | undefined
  code?: string | undefined
}

function errorDetail(body: string): ErrorDetail {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return {}
  }
  if (typeof json !== 'object' || json === null) return {}
  const root = json as Record<string, unknown>
  const inner = Array.isArray(root) ? root[0] : root
  const error = (inner as Record<string, unknown>)?.error
  if (typeof error === 'string') {
    return { message: text(root.error_description) ?? error, code: error }
  }
  const fields = (typeof error === 'object' && error !== null ? error : root) as Record<string, unknown>
  return {
    message: text(fields.message) ?? text(root.detail),
    type: text(fields.type) ?? text(fields.status),
    param: text(fields.param),
    code: fields.code === undefined || fields.code === null ? undefined : String(fields.code),
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
